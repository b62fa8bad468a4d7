package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks a set of field values against the dictionary (known field, not SYSTEM unless computed, type, format,
 * range) and the rules across fields (licence expiry after issue, manager of the customer's county), collecting
 * every problem of the request before anyone sees one.
 */
@Component
public class CustomerValidator {

    private final FieldDictionary dictionary;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Messages messages;

    CustomerValidator(FieldDictionary dictionary, UserDirectory users, OrgDirectory org, Messages messages) {
        this.dictionary = dictionary;
        this.users = users;
        this.org = org;
        this.messages = messages;
    }

    /** Parsed values of the fields in {@code raw}; every problem goes to {@code problems}. */
    public Map<String, Object> parse(Map<String, Object> raw, ChangeSource source, List<Violation> problems) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            Optional<FieldDefinition> f = dictionary.find(key);
            if (f.isEmpty()) {
                problems.add(Violation.of(key, "customer.error.unknownField"));
            } else if (f.get().system() && !source.kind().computing()) {
                problems.add(Violation.of(key, "customer.error.systemField"));
            } else {
                parsed.put(key, FieldValues.parse(f.get(), value, problems));
            }
        });
        return parsed;
    }

    /**
     * A new customer from the fields given to create it (create and the bulk import alike): the create defaults,
     * every value parsed, the fields needed to create present, the rules across fields; problems go to
     * {@code problems}. An empty county is a problem too (the customer then has county id -1).
     */
    Customer prepareNew(Map<String, Object> fields, Optional<OrgUnitRef> county, ChangeSource source,
                        List<Violation> problems) {
        return prepareNew(fields, county, source, problems, new CountyManagers());
    }

    /** {@link #prepareNew(Map, Optional, ChangeSource, List)} with the answers about managers a batch shares. */
    Customer prepareNew(Map<String, Object> fields, Optional<OrgUnitRef> county, ChangeSource source,
                        List<Violation> problems, CountyManagers managers) {
        if (county.isEmpty()) {
            problems.add(Violation.of("countyCode", "customer.error.countyCode"));
        }
        Map<String, Object> raw = new LinkedHashMap<>(CustomerArchiveService.CREATE_DEFAULTS);
        raw.putAll(fields);
        Map<String, Object> parsed = parse(raw, source, problems);
        for (String key : CustomerArchiveService.NEEDED_TO_CREATE) {
            if (parsed.get(key) == null && problems.stream().noneMatch(p -> p.field().equals(key))) {
                problems.add(Violation.of(key, "customer.error.required"));
            }
        }
        long countyId = county.map(OrgUnitRef::id).orElse(-1L);
        checkTogether(parsed, parsed, countyId, problems, managers);
        parsed.values().removeIf(java.util.Objects::isNull);
        return new Customer(null, countyId, 0, parsed);
    }

    /** Rules across fields, on the values the customer would have after the change. */
    public void checkTogether(Map<String, Object> after, Map<String, Object> changed, long countyOrgUnitId,
                              List<Violation> problems) {
        checkTogether(after, changed, countyOrgUnitId, problems, new CountyManagers());
    }

    /** {@link #checkTogether(Map, Map, long, List)} with the answers about managers a batch shares. */
    void checkTogether(Map<String, Object> after, Map<String, Object> changed, long countyOrgUnitId,
                       List<Violation> problems, CountyManagers managers) {
        if (after.get("licenceIssueDate") instanceof LocalDate issued && after.get("licenceExpiryDate") instanceof LocalDate expires
                && !expires.isAfter(issued) && (changed.containsKey("licenceIssueDate") || changed.containsKey("licenceExpiryDate"))) {
            problems.add(Violation.of("licenceExpiryDate", "customer.error.expiryBeforeIssue"));
        }
        if (changed.get("customerManager") instanceof String manager && !managers.manage(manager, countyOrgUnitId)) {
            problems.add(Violation.of("customerManager", "customer.error.user"));
        }
    }

    /**
     * Whether users may be customer managers in counties, each asked of the user directory once: a bulk import's
     * rows name the same few managers, and asking for every row (the user, the supervisor, the org tree) cost more
     * than validating the rest of the row. Lives as long as one batch.
     */
    final class CountyManagers {

        private final Map<String, Boolean> answers = new java.util.HashMap<>();

        boolean manage(String username, long countyOrgUnitId) {
            return answers.computeIfAbsent(countyOrgUnitId + "/" + username,
                    k -> isCountyManager(username, countyOrgUnitId));
        }
    }

    private boolean isCountyManager(String username, long countyOrgUnitId) {
        return users.find(username)
                .filter(u -> u.enabled() && u.roles().contains(Role.CUSTOMER_MANAGER))
                .flatMap(u -> org.countyOf(u.orgUnitId()))
                .map(county -> county.id() == countyOrgUnitId).orElse(false);
    }

    /** The violations as messages in the caller's language, each naming the field by its label. */
    public List<FieldProblem> describe(List<Violation> problems) {
        var locale = LocaleContextHolder.getLocale();
        List<FieldProblem> out = new ArrayList<>();
        for (Violation v : problems) {
            String label = dictionary.find(v.field()).map(f -> f.label(locale)).orElse(v.field());
            List<Object> args = new ArrayList<>();
            args.add(label);
            args.addAll(v.args());
            out.add(new FieldProblem(v.field(), messages.text(v.messageKey(), args.toArray())));
        }
        return out;
    }
}
