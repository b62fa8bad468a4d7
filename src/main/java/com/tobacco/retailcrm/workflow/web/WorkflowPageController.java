package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.CaseField;
import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.TaskView;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 待办 and 办件 pages: my to-do list by urgency, a case with its step diagram, trail and the form of my step. */
@Controller
class WorkflowPageController {

    private final Workflows workflows;
    private final ToDoList toDo;
    private final OrgDirectory org;
    private final Messages messages;
    private final Clock clock;

    WorkflowPageController(Workflows workflows, ToDoList toDo, OrgDirectory org, Messages messages, Clock clock) {
        this.workflows = workflows;
        this.toDo = toDo;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    /** Overdue, due today, later: how a to-do list is read. */
    enum Urgency {
        OVERDUE, TODAY, LATER
    }

    /** The to-do page's two lists: my own tasks (待办) and, for who supervises, others' tasks in my scope (督办). */
    enum TaskList {
        MINE, OTHERS
    }

    @GetMapping("/tasks")
    @PreAuthorize("isAuthenticated()")
    String tasks(@RequestParam(required = false) Urgency urgency,
                 @RequestParam(defaultValue = "MINE") TaskList list, Model model) {
        boolean oversees = toDo.oversees();
        TaskList shown = oversees ? list : TaskList.MINE;
        List<TaskView> all = shown == TaskList.OTHERS ? toDo.othersTasks(null) : toDo.myTasks(null);
        model.addAttribute("oversees", oversees);
        model.addAttribute("list", shown);
        Map<Urgency, Long> counts = new LinkedHashMap<>();
        for (Urgency u : Urgency.values()) {
            counts.put(u, all.stream().filter(t -> urgencyOf(t) == u).count());
        }
        model.addAttribute("counts", counts);
        model.addAttribute("urgency", urgency);
        model.addAttribute("total", all.size());
        List<TaskView> shownTasks = all.stream().filter(t -> urgency == null || urgencyOf(t) == urgency).toList();
        model.addAttribute("names", toDo.displayNames(shownTasks));
        model.addAttribute("tasks", shownTasks.stream()
                .map(t -> new TaskRow(t, urgencyOf(t), toDo.pageOf(t).orElse(null))).toList());
        return "workflow/tasks";
    }

    /** A task with its urgency and the page where it is handled (null: completed right on the to-do page). */
    record TaskRow(TaskView task, Urgency urgency, String link) {
    }

    /** Tasks without a page of their own (scheduled upkeep: reviews, reminders) are marked done from the list. */
    @PostMapping("/tasks/{taskId}/done")
    @PreAuthorize("isAuthenticated()")
    String done(@PathVariable String taskId, @RequestParam(required = false) String comment,
                RedirectAttributes redirect) {
        try {
            toDo.complete(taskId, new TaskCompletion(TaskAction.DONE, comment, Map.of()));
            redirect.addFlashAttribute("flashSuccess", messages.text("workflow.page.completed"));
        } catch (BusinessRuleException | ForbiddenException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage()));
        }
        return "redirect:/tasks";
    }

    private Urgency urgencyOf(TaskView t) {
        if (t.overdue()) {
            return Urgency.OVERDUE;
        }
        LocalDate today = LocalDate.now(clock);
        return t.dueAt() != null && !t.dueAt().atZone(clock.getZone()).toLocalDate().isAfter(today) ? Urgency.TODAY
                : Urgency.LATER;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String caseView(@PathVariable long id, Model model) {
        CaseView view = load(id);
        return ownPage(view).map(page -> "redirect:" + page)
                .orElseGet(() -> render(view, Map.of(), Map.of(), List.of(), null, null, model));
    }

    /**
     * The page of a case type that has one of its own (a change request's steps need its checks and forms, not the
     * generic step form).
     */
    private Optional<String> ownPage(CaseView view) {
        return Optional.of(toDo.casePage(view.caseType(), view.id())).filter(page -> !page.startsWith("/cases/"));
    }

    @PostMapping("/cases/{id}/tasks/{taskId}")
    @PreAuthorize("isAuthenticated()")
    String complete(@PathVariable long id, @PathVariable String taskId, @RequestParam Map<String, String> form,
                    RedirectAttributes redirect, Model model) {
        CaseView current = load(id);
        Optional<String> own = ownPage(current);
        if (own.isPresent()) {
            return "redirect:" + own.get();
        }
        TaskAction action = parseAction(form.get("action"));
        Map<String, Object> data = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("f_") && v != null && !v.isBlank()) {
                data.put(k.substring(2), v.strip());
            }
        });
        Map<String, String> entered = new LinkedHashMap<>();
        data.forEach((k, v) -> entered.put(k, v.toString()));
        try {
            workflows.complete(taskId, new TaskCompletion(action, form.get("comment"), data));
        } catch (InvalidInputException | ConflictException | BusinessRuleException | ForbiddenException
                 | NotFoundException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> general = new java.util.ArrayList<>();
            problems(e).forEach(p -> {
                String text = messages.text(p.message());
                if (entered.containsKey(p.field()) || fieldsOfCurrent(current).contains(p.field())
                        || "comment".equals(p.field())) {
                    errors.merge(p.field(), text, (a, b) -> a + "；" + b);
                } else {
                    general.add(p.field() == null ? text : texts(current).label(p.field()) + "：" + text);
                }
            });
            return render(current, entered, errors, general, form.get("comment"), action, model);
        }
        redirect.addFlashAttribute("flashSuccess", messages.text("workflow.page.completed"));
        return "redirect:/tasks";
    }

    private List<FieldProblem> problems(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems();
        }
        if (e instanceof ConflictException conflict) {
            return List.of(new FieldProblem(conflict.field(), messages.text(conflict.getMessage(), conflict.args())));
        }
        if (e instanceof BusinessRuleException rule) {
            return List.of(new FieldProblem(null, messages.text(rule.getMessage(), rule.args())));
        }
        if (e instanceof ForbiddenException forbidden) {
            return List.of(new FieldProblem(null, messages.text(forbidden.getMessage(), forbidden.args())));
        }
        NotFoundException missing = (NotFoundException) e;
        return List.of(new FieldProblem(null, messages.text(missing.getMessage(), missing.args())));
    }

    private static TaskAction parseAction(String text) {
        try {
            return text == null ? null : TaskAction.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private CaseView load(long id) {
        return workflows.find(id).orElseThrow(() -> new NotFoundException("workflow.error.case.notFound", id));
    }

    /** The keys of the fields the current step's form asks for, as its case type declares them. */
    private List<String> fieldsOfCurrent(CaseView c) {
        return c.currentStep().map(s -> stepForm(c, s.key()).stream().map(CaseField::key).toList()).orElse(List.of());
    }

    private List<CaseField> stepForm(CaseView c, String stepKey) {
        return toDo.handlerOf(c.caseType()).map(h -> h.stepForm(stepKey)).orElse(List.of());
    }

    private ValueTexts texts(CaseView c) {
        return new ValueTexts(toDo.handlerOf(c.caseType()).orElse(null));
    }

    private String render(CaseView c, Map<String, String> entered, Map<String, String> errors, List<String> general,
                          String comment, TaskAction chosen, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("county", org.findById(c.scopeOrgUnitId()).map(OrgUnitRef::name).orElse(""));
        Optional<TaskView> mine = workflows.myTasks(null).stream().filter(t -> t.caseId() == c.id()).findFirst();
        model.addAttribute("myTask", mine.orElse(null));
        model.addAttribute("myStep", mine.flatMap(t -> c.steps().stream().filter(s -> s.key().equals(t.stepKey()))
                .findFirst()).orElse(null));
        model.addAttribute("formFields", mine.map(t -> stepForm(c, t.stepKey())).orElse(List.of()));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("generalErrors", general);
        model.addAttribute("comment", comment);
        model.addAttribute("chosen", chosen);
        ValueTexts texts = texts(c);
        model.addAttribute("fieldLabels", labels(c, texts));
        model.addAttribute("texts", texts);
        return "workflow/case";
    }

    private static Map<String, String> labels(CaseView c, ValueTexts texts) {
        Map<String, String> labels = new LinkedHashMap<>();
        c.trail().forEach(e -> e.data().keySet().forEach(k -> labels.computeIfAbsent(k, texts::label)));
        c.data().keySet().forEach(k -> labels.computeIfAbsent(k, texts::label));
        return labels;
    }

}
