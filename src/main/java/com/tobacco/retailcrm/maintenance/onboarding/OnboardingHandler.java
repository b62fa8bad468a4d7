package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.maintenance.fields.ArchiveCaseFields;
import com.tobacco.retailcrm.maintenance.fields.ArchiveCaseHandler;
import com.tobacco.retailcrm.workflow.api.CaseField;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.Notifications;
import com.tobacco.retailcrm.workflow.api.StepContext;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each onboarding step does to the archive: step 2 creates the customer (PENDING), steps 4–6 fill their
 * departments' fields, step 7 makes it ACTIVE and tells the customer manager. Every write has the history source
 * {@code ONBOARDING:<caseId>}.
 */
@Component
class OnboardingHandler extends ArchiveCaseHandler {

    static final String CASE_TYPE = "ONBOARDING";

    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;

    OnboardingHandler(CustomerArchive archive, OrgDirectory org, UserDirectory users, Notifications notifications,
                      JdbcTemplate jdbc, ArchiveCaseFields fields) {
        super(fields);
        this.archive = archive;
        this.org = org;
        this.users = users;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    /** Each step asks for the archive fields its department fills in (docs/domain/maintenance.md). */
    @Override
    public List<CaseField> stepForm(String stepKey) {
        return fields.form(OnboardingService.fieldsOf(stepKey), OnboardingService.requiredOf(stepKey));
    }

    @Override
    public Map<String, Object> onComplete(StepContext context) {
        OnboardingStep step = OnboardingStep.of(context.stepKey()).orElseThrow();
        if (context.action() == TaskAction.SEND_BACK) {
            return Map.of();
        }
        List<FieldProblem> problems = stepProblems(step, context.data());
        Map<String, Object> data = new LinkedHashMap<>(context.data());
        data.values().removeIf(OnboardingHandler::blank);
        CaseView onboarding = context.caseView();
        ChangeSource source = ChangeSource.of(ChangeSource.Kind.ONBOARDING, onboarding.id());
        if (step == OnboardingStep.VISIT && onboarding.customerCode() == null) {
            return createCustomer(onboarding, data, problems, source);
        }
        Map<String, Object> changes = step == OnboardingStep.CLOSING ? Map.of("status", "ACTIVE") : withoutCode(data);
        if (changes.isEmpty()) {
            throwIfAny(problems);
            return Map.of();
        }
        addAll(problems, archive.check(onboarding.customerCode(), changes, null, source));
        throwIfAny(problems);
        archive.applyChanges(onboarding.customerCode(), changes, null, source,
                step == OnboardingStep.CLOSING ? "新入网办结" : null);
        Object manager = changes.get("customerManager");
        return manager == null ? Map.of() : Map.of("customerManager", manager);
    }

    /** Step 7 is done: the customer manager learns that their customer is active. */
    @Override
    public void onEnd(CaseView finished) {
        Object manager = finished.data().get("customerManager");
        if ("COMPLETED".equals(finished.status()) && manager != null) {
            notifications.tell(manager.toString(), "ONBOARDING_DONE", String.valueOf(finished.id()),
                    "workflow.notification.onboardingDone", List.of(finished.title(), String.valueOf(finished.customerCode())),
                    "/onboardings/" + finished.id());
        }
    }

    /** Only the step's own fields, the required ones present; anything else is named back to the caller. */
    private static List<FieldProblem> stepProblems(OnboardingStep step, Map<String, Object> data) {
        List<FieldProblem> problems = new ArrayList<>();
        data.keySet().stream().filter(k -> !step.fields().contains(k))
                .forEach(k -> problems.add(new FieldProblem(k, "{workflow.error.field.notThisStep}")));
        step.required().stream().filter(k -> blank(data.get(k)))
                .forEach(k -> problems.add(new FieldProblem(k, "{workflow.error.field.required}")));
        return problems;
    }

    /** Adds the archive's problems about fields not reported yet, so each field is named once. */
    private static void addAll(List<FieldProblem> problems, List<FieldProblem> more) {
        more.stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).forEach(problems::add);
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Map<String, Object> createCustomer(CaseView onboarding, Map<String, Object> data, List<FieldProblem> problems,
                                               ChangeSource source) {
        OrgUnitRef county = org.findById(onboarding.scopeOrgUnitId()).orElseThrow();
        if (!blank(data.get("customerManager")) && !isManagerOf(data.get("customerManager").toString(), county)) {
            addAll(problems, List.of(new FieldProblem("customerManager", "{workflow.error.customerManager.notInCounty}")));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        onboarding.data().forEach((k, v) -> {
            if (!"countyCode".equals(k)) {
                fields.put(k, v);
            }
        });
        fields.putAll(data);
        fields.put("status", "PENDING");
        if (problems.isEmpty() && !fields.containsKey("customerCode")) {
            fields.put("customerCode", newCustomerCode(county));
        }
        addAll(problems, archive.check(null, fields, county.code(), source).stream()
                .filter(p -> fields.containsKey(p.field()) || step2Needs(p.field())).toList());
        throwIfAny(problems);
        var created = archive.create(fields, county.code(), source);
        return Map.of("customerCode", created.customerCode(), "customerManager", data.get("customerManager"));
    }

    private static boolean step2Needs(String field) {
        return OnboardingStep.VISIT.required().contains(field);
    }

    private boolean isManagerOf(String manager, OrgUnitRef county) {
        return users.withRoleUnder(Role.CUSTOMER_MANAGER, county.id()).stream()
                .anyMatch(u -> u.username().equals(manager));
    }

    /**
     * 客户代码 from the county and a sequence: the county's code when it is 2–6 digits (a GB/T 2260 county code), else
     * its id in 6 digits, then an 8-digit sequence number — 10 to 14 digits in all, within the archive's 8–16.
     */
    private String newCustomerCode(OrgUnitRef county) {
        String prefix = county.code().matches("\\d{2,6}") ? county.code()
                : String.format("%06d", county.id() % 1_000_000);
        String code;
        do {
            long next = jdbc.queryForObject("select nextval('onboarding_customer_seq')", Long.class);
            code = prefix + String.format("%08d", next % 100_000_000L);
        } while (archive.exists(code));
        return code;
    }

    /** Once created, a customer keeps its code when the visit is redone after a send-back. */
    private static Map<String, Object> withoutCode(Map<String, Object> data) {
        Map<String, Object> rest = new LinkedHashMap<>(data);
        rest.remove("customerCode");
        return rest;
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }
}
