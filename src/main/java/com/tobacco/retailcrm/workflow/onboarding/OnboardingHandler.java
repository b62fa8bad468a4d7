package com.tobacco.retailcrm.workflow.onboarding;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.workflow.api.CaseStepHandler;
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
class OnboardingHandler implements CaseStepHandler {

    static final String CASE_TYPE = "ONBOARDING";

    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;

    OnboardingHandler(CustomerArchive archive, OrgDirectory org, UserDirectory users, Notifications notifications,
                      JdbcTemplate jdbc) {
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

    @Override
    public Map<String, Object> onComplete(StepContext context) {
        OnboardingStep step = OnboardingStep.of(context.stepKey()).orElseThrow();
        if (context.action() == TaskAction.SEND_BACK) {
            return Map.of();
        }
        Map<String, Object> data = checkedData(step, context.data());
        CaseView onboarding = context.caseView();
        ChangeSource source = ChangeSource.of(ChangeSource.Kind.ONBOARDING, onboarding.id());
        return switch (step) {
            case VISIT -> onboarding.customerCode() == null ? createCustomer(onboarding, data, context, source)
                    : apply(onboarding.customerCode(), withoutCode(data), source, null);
            case MARKET_REVIEW, GIS_PLACEMENT, SALES_LIMITS -> apply(onboarding.customerCode(), data, source, null);
            case CLOSING -> {
                apply(onboarding.customerCode(), Map.of("status", "ACTIVE"), source, "新入网办结");
                yield Map.of();
            }
            case FORWARD, COUNTY_REVIEW -> Map.of();
        };
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
    private static Map<String, Object> checkedData(OnboardingStep step, Map<String, Object> data) {
        List<FieldProblem> problems = new ArrayList<>();
        data.keySet().stream().filter(k -> !step.fields().contains(k))
                .forEach(k -> problems.add(new FieldProblem(k, "{workflow.error.field.notThisStep}")));
        step.required().stream().filter(k -> blank(data.get(k)))
                .forEach(k -> problems.add(new FieldProblem(k, "{workflow.error.field.required}")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> kept = new LinkedHashMap<>(data);
        kept.values().removeIf(OnboardingHandler::blank);
        return kept;
    }

    private Map<String, Object> createCustomer(CaseView onboarding, Map<String, Object> data, StepContext context,
                                               ChangeSource source) {
        OrgUnitRef county = org.findById(onboarding.scopeOrgUnitId()).orElseThrow();
        checkManager(data.get("customerManager"), county);
        Map<String, Object> fields = new LinkedHashMap<>();
        onboarding.data().forEach((k, v) -> {
            if (!"countyCode".equals(k) && !"customerManager".equals(k)) {
                fields.put(k, v);
            }
        });
        fields.putAll(data);
        fields.putIfAbsent("customerCode", newCustomerCode(county));
        fields.put("status", "PENDING");
        var created = archive.create(fields, county.code(), source);
        return Map.of("customerCode", created.customerCode(), "customerManager", data.get("customerManager"));
    }

    private Map<String, Object> apply(String customerCode, Map<String, Object> data, ChangeSource source, String reason) {
        if (!data.isEmpty()) {
            archive.applyChanges(customerCode, data, null, source, reason);
        }
        Object manager = data.get("customerManager");
        return manager == null ? Map.of() : Map.of("customerManager", manager);
    }

    /** The customer manager must be one of the county's customer managers. */
    private void checkManager(Object manager, OrgUnitRef county) {
        boolean ok = manager != null && users.withRoleUnder(Role.CUSTOMER_MANAGER, county.id()).stream()
                .anyMatch(u -> u.username().equals(manager.toString()));
        if (!ok) {
            throw new InvalidInputException(List.of(new FieldProblem("customerManager",
                    "{workflow.error.customerManager.notInCounty}")));
        }
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
