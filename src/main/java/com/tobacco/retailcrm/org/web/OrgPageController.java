package com.tobacco.retailcrm.org.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.org.domain.OrgUnitCommand;
import com.tobacco.retailcrm.org.domain.OrgUnitService;
import com.tobacco.retailcrm.org.domain.OrgUnitUpdate;
import com.tobacco.retailcrm.org.domain.OrgUnitView;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 组织机构 — the organisation tree for the system administrator: look, add a unit under a parent, rename. */
@Controller
@RequestMapping("/admin/org")
class OrgPageController {

    private final OrgUnitService units;
    private final FormErrors errors;
    private final Messages messages;

    OrgPageController(OrgUnitService units, FormErrors errors, Messages messages) {
        this.units = units;
        this.errors = errors;
        this.messages = messages;
    }

    /** A unit with the units under it, for the tree. */
    public record Node(OrgUnitView unit, List<Node> children) {
    }

    /** Adding a unit. */
    public static class CreateForm {
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{error.orgUnit.code}")
        private String code;
        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private OrgUnitType type;
        @NotBlank
        private String parentCode;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public OrgUnitType getType() {
            return type;
        }

        public void setType(OrgUnitType type) {
            this.type = type;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }
    }

    /** Renaming a unit; the version guards against overwriting someone else's change. */
    public static class RenameForm {
        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private Long version;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    @GetMapping
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String tree(@RequestParam(required = false) String parent, @RequestParam(required = false) String edit, Model model) {
        var form = new CreateForm();
        form.setParentCode(parent);
        model.addAttribute("createForm", form);
        if (edit != null) {
            OrgUnitView unit = find(edit);
            var rename = new RenameForm();
            rename.setName(unit.name());
            rename.setVersion(unit.version());
            model.addAttribute("renameForm", rename);
            model.addAttribute("editing", unit);
        }
        return page(model);
    }

    @PostMapping
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String create(@Valid @ModelAttribute("createForm") CreateForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            OrgUnitView created = units.create(new OrgUnitCommand(form.getCode(), form.getName(), form.getType(),
                    form.getParentCode()));
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.org.created", created.name(), created.code()));
            return "redirect:/admin/org";
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return page(model);
            }
            throw e;
        }
    }

    @PostMapping("/{code}")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String rename(@PathVariable String code, @Valid @ModelAttribute("renameForm") RenameForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", find(code));
        model.addAttribute("createForm", new CreateForm());
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            OrgUnitView renamed = units.update(code, new OrgUnitUpdate(form.getName(), null, form.getVersion()));
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.org.renamed", renamed.name()));
            return "redirect:/admin/org";
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return page(model);
            }
            throw e;
        }
    }

    private OrgUnitView find(String code) {
        return units.list().stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> new com.tobacco.retailcrm.shared.api.NotFoundException("error.orgUnit.notFound", code));
    }

    private String page(Model model) {
        List<OrgUnitView> all = units.list();
        List<Node> tree = tree(all);
        List<Option> options = new ArrayList<>();
        flatten(tree, 0, options);
        model.addAttribute("tree", tree);
        model.addAttribute("options", options);
        model.addAttribute("types", List.of(OrgUnitType.DEPARTMENT, OrgUnitType.COUNTY, OrgUnitType.AREA));
        return "org/units";
    }

    /** A unit in a parent list, indented by its depth in the tree. */
    public record Option(OrgUnitView unit, int depth) {
        public String label() {
            return "\u3000".repeat(depth) + unit.name() + "（" + unit.code() + "）";
        }
    }

    private static void flatten(List<Node> nodes, int depth, List<Option> into) {
        for (Node n : nodes) {
            into.add(new Option(n.unit(), depth));
            flatten(n.children(), depth + 1, into);
        }
    }

    /** Builds the tree from the flat list; siblings by type (departments before counties), then code. */
    static List<Node> tree(List<OrgUnitView> all) {
        Map<String, List<OrgUnitView>> byParent = new HashMap<>();
        all.forEach(u -> byParent.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u));
        return children(null, byParent);
    }

    private static List<Node> children(String parentCode, Map<String, List<OrgUnitView>> byParent) {
        return byParent.getOrDefault(parentCode, List.of()).stream()
                .sorted(Comparator.comparing(OrgUnitView::type).thenComparing(OrgUnitView::code))
                .map(u -> new Node(u, children(u.code(), byParent)))
                .toList();
    }
}
