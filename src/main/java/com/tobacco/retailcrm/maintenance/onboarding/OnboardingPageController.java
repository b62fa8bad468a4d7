package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.maintenance.onboarding.OnboardingRequest;
import com.tobacco.retailcrm.maintenance.onboarding.OnboardingService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 新入网 pages: the cases I may see, and the monopoly officer's form that starts one. */
@Controller
class OnboardingPageController {

    private final OnboardingService onboardings;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final CustomerFields fields;
    private final FormErrors formErrors;

    OnboardingPageController(OnboardingService onboardings, OrgDirectory org, UserDirectory users,
                             CustomerFields fields, FormErrors formErrors) {
        this.onboardings = onboardings;
        this.org = org;
        this.users = users;
        this.fields = fields;
        this.formErrors = formErrors;
    }

    /** The start form's fields, bound by name. */
    public static class StartForm {
        private String licenceNo;
        private String storeName;
        private String responsiblePerson;
        private String address;
        private String countyCode;
        private String licenceIssueDate;
        private String licenceExpiryDate;

        public String getLicenceNo() { return licenceNo; }
        public void setLicenceNo(String v) { licenceNo = v; }
        public String getStoreName() { return storeName; }
        public void setStoreName(String v) { storeName = v; }
        public String getResponsiblePerson() { return responsiblePerson; }
        public void setResponsiblePerson(String v) { responsiblePerson = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getCountyCode() { return countyCode; }
        public void setCountyCode(String v) { countyCode = v; }
        public String getLicenceIssueDate() { return licenceIssueDate; }
        public void setLicenceIssueDate(String v) { licenceIssueDate = v; }
        public String getLicenceExpiryDate() { return licenceExpiryDate; }
        public void setLicenceExpiryDate(String v) { licenceExpiryDate = v; }

        OnboardingRequest request() {
            return new OnboardingRequest(licenceNo, storeName, responsiblePerson, address, countyCode,
                    licenceIssueDate, licenceExpiryDate);
        }
    }

    @GetMapping("/onboardings")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", onboardings.list(PageQuery.of(page, 20, null, Set.of("startedAt"), "startedAt,desc")));
        return "workflow/onboardings";
    }

    @GetMapping("/onboardings/new")
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    String form(Model model) {
        StartForm form = new StartForm();
        org.countyOf(CurrentUsers.require().orgUnitId()).ifPresent(c -> form.setCountyCode(c.code()));
        return showForm(form, model);
    }

    @PostMapping("/onboardings/new")
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    String start(@ModelAttribute("form") StartForm form, BindingResult binding, Model model) {
        try {
            CaseView started = onboardings.start(form.request());
            return "redirect:/cases/" + started.id();
        } catch (RuntimeException e) {
            if (!formErrors.reject(e, binding, Map.of())) {
                throw e;
            }
            return showForm(form, model);
        }
    }

    private String showForm(StartForm form, Model model) {
        model.addAttribute("form", form);
        var scope = users.scopeOf(CurrentUsers.require());
        List<OrgUnitRef> counties = org.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY)
                .filter(u -> scope.includes(null, u.id())).sorted(Comparator.comparing(OrgUnitRef::code)).toList();
        model.addAttribute("counties", counties);
        model.addAttribute("labels", List.of("licenceNo", "storeName", "responsiblePerson", "address",
                "licenceIssueDate", "licenceExpiryDate").stream().collect(java.util.stream.Collectors.toMap(k -> k,
                k -> fields.find(k).map(f -> f.label(LocaleContextHolder.getLocale()))
                        .orElse(k))));
        return "workflow/onboarding-form";
    }
}
