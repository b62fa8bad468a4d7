package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.workflow.api.CaseSummary;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StartCase;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 新入网: opening a case for a new licence holder. The monopoly officer's request IS step 1 (转交): it carries
 * exactly what step 1 forwards (name, licence, location, county), so the case starts with step 1 completed by the
 * officer at that moment and the customer manager's visit (step 2) open — its 1 wd counts from the forwarding.
 */
@Service
public class OnboardingService {

    private static final ChangeSource SOURCE = ChangeSource.of(ChangeSource.Kind.ONBOARDING, "new");

    private final Workflows workflows;
    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final UserDirectory users;

    OnboardingService(Workflows workflows, CustomerArchive archive, OrgDirectory org, UserDirectory users) {
        this.workflows = workflows;
        this.archive = archive;
        this.org = org;
        this.users = users;
    }

    @Transactional
    public CaseView start(OnboardingRequest request) {
        Map<String, Object> fields = request.archiveFields();
        List<FieldProblem> problems = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (v == null || v.toString().isBlank()) {
                problems.add(new FieldProblem(k, "{workflow.error.field.required}"));
            }
        });
        Optional<OrgUnitRef> county = request.countyCode() == null ? Optional.empty()
                : org.findByCode(request.countyCode()).filter(u -> u.type() == OrgUnitType.COUNTY);
        if (county.isEmpty()) {
            problems.add(new FieldProblem("countyCode", "{workflow.error.countyCode}"));
        }
        archive.check(null, fields, county.map(OrgUnitRef::code).orElse(null), SOURCE).stream()
                .filter(p -> fields.containsKey(p.field()) && problems.stream().noneMatch(q -> q.field().equals(p.field())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var officer = CurrentUsers.require();
        if (!users.scopeOf(officer).includes(null, county.get().id())) {
            throw new ForbiddenException(List.of(new FieldProblem("countyCode", "{workflow.error.county.outOfScope}")),
                    "workflow.error.county.outOfScope");
        }
        Map<String, Object> data = new LinkedHashMap<>(fields);
        data.put("countyCode", county.get().code());
        CaseView started = workflows.start(new StartCase(OnboardingHandler.CASE_TYPE, request.storeName().strip(),
                county.get().id(), null, data));
        String forwarding = started.currentStep().orElseThrow().taskId();
        return workflows.complete(forwarding, new TaskCompletion(TaskAction.DONE,
                "转交" + county.get().name(), Map.of()));
    }

    public CaseView find(long id) {
        return workflows.find(id).filter(c -> OnboardingHandler.CASE_TYPE.equals(c.caseType()))
                .orElseThrow(() -> new NotFoundException("workflow.error.case.notFound", id));
    }

    public PageResponse<CaseSummary> list(PageQuery page) {
        return workflows.cases(OnboardingHandler.CASE_TYPE, page);
    }

    /** The fields a step's form shows and its data may hold, required ones first. */
    public static List<String> fieldsOf(String stepKey) {
        return OnboardingStep.of(stepKey).map(OnboardingStep::fields).orElse(List.of());
    }

    public static List<String> requiredOf(String stepKey) {
        return OnboardingStep.of(stepKey).map(OnboardingStep::required).orElse(List.of());
    }
}
