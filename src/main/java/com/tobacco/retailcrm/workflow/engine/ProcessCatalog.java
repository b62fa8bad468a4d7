package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.TaskAction;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The steps of each case type, read once per deployed process definition from its BPMN user tasks. */
@Component
class ProcessCatalog {

    static final String NAMESPACE = "http://retailcrm.tobacco.com/bpmn";
    private static final Pattern GROUP = Pattern.compile("([A-Z_]+|\\$\\{\\w+})@\\$\\{(\\w+)}");

    private final RepositoryService repository;
    private final Map<String, List<StepDefinition>> byDefinition = new ConcurrentHashMap<>();

    ProcessCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    /** The steps of the latest version of a case type, in step order. */
    List<StepDefinition> steps(String caseType) {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(caseType).latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalArgumentException("no process for case type " + caseType);
        }
        return stepsOf(definition.getId());
    }

    List<StepDefinition> stepsOf(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, this::read);
    }

    Optional<StepDefinition> step(String processDefinitionId, String key) {
        return stepsOf(processDefinitionId).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private List<StepDefinition> read(String processDefinitionId) {
        var process = repository.getBpmnModel(processDefinitionId).getMainProcess();
        return process.findFlowElementsOfType(UserTask.class).stream().map(this::step)
                .sorted(Comparator.comparingInt(StepDefinition::number)).toList();
    }

    private StepDefinition step(UserTask task) {
        String number = task.getAttributeValue(NAMESPACE, "step");
        String actions = task.getAttributeValue(NAMESPACE, "actions");
        if (number == null || actions == null || task.getDueDate() == null) {
            throw new IllegalStateException("user task " + task.getId() + " lacks crm:step, crm:actions or a dueDate");
        }
        var accepted = EnumSet.noneOf(TaskAction.class);
        Arrays.stream(actions.split(",")).map(String::trim).map(TaskAction::valueOf).forEach(accepted::add);
        String role = null;
        String scope = null;
        if (!task.getCandidateGroups().isEmpty()) {
            Matcher m = GROUP.matcher(task.getCandidateGroups().get(0));
            if (!m.matches()) {
                throw new IllegalStateException("candidate group of " + task.getId() + " must be ROLE@${variable} or ${roleVariable}@${variable}");
            }
            role = m.group(1).startsWith("$") ? null : m.group(1);
            scope = m.group(2);
        }
        return new StepDefinition(Integer.parseInt(number), task.getId(), task.getName(), role, scope,
                task.getDueDate(), accepted, Boolean.parseBoolean(task.getAttributeValue(NAMESPACE, "notByInitiator")));
    }
}
