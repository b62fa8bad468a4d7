package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.api.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 复核数据 — the {@code data} of a completed upkeep task (docs/domain/maintenance.md, scheduled upkeep). A half-year
 * review (静态字段半年复核) takes the STATIC fields its reviewer confirms or corrects, with the {@code version} of the
 * customer they reviewed: they are an edit of that customer made from the task, so the edit's rules hold (the
 * reviewer's direct-edit permission, 409 when the customer changed meanwhile, every field rule), and the history names
 * the task ({@code UPKEEP:<id>}). The other kinds are reminders and reports, completed with a comment only. A field a
 * task does not take is refused with 400 naming it, never dropped: the sender would believe it was recorded.
 */
@Component
class UpkeepData {

    static final String VERSION_KEY = "version";
    private static final SentVersion VERSION = new SentVersion(VERSION_KEY, "{upkeep.error.version}");

    private final CustomerArchive archive;
    private final CustomerFields fields;

    UpkeepData(CustomerArchive archive, CustomerFields fields) {
        this.archive = archive;
        this.fields = fields;
    }

    /** Applies the task's data in the caller's transaction, or refuses it whole; no data, nothing to do. */
    void apply(UpkeepTask task, Map<String, Object> data) {
        if (data.isEmpty()) {
            return;
        }
        if (task.kind() != UpkeepKind.HALF_YEAR_REVIEW) {
            throw new InvalidInputException(data.keySet().stream()
                    .map(k -> new FieldProblem(k, "{upkeep.error.data.none}")).toList());
        }
        Set<String> reviewed = fields.all().stream().filter(f -> f.maintenance() == MaintenanceClass.STATIC)
                .map(FieldDefinition::key).collect(Collectors.toSet());
        List<FieldProblem> notReviewed = data.keySet().stream()
                .filter(k -> !k.equals(VERSION_KEY) && !reviewed.contains(k))
                .map(k -> new FieldProblem(k, "{upkeep.error.data.notStatic}")).toList();
        if (!notReviewed.isEmpty()) {
            throw new InvalidInputException(notReviewed);
        }
        Map<String, Object> changes = new LinkedHashMap<>(data);
        Long version = VERSION.ofJsonValue(changes.remove(VERSION_KEY), null);
        archive.applyChanges(task.customerCode(), changes, changes.isEmpty() ? version : Versions.required(version),
                ChangeSource.of(ChangeSource.Kind.UPKEEP, task.id()));
    }
}
