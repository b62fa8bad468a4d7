package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.customer.api.FieldChange;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 客户档案服务 — creates customers, applies changes with their history, and shows customers as the caller may see them. */
@Service
public class CustomerArchiveService implements CustomerArchive {

    static final List<String> NEEDED_TO_CREATE = List.of("customerCode", "licenceNo", "storeName", "retailFormat", "marketType");
    static final Map<String, Object> CREATE_DEFAULTS = Map.of("orderFrequency", "WEEKLY", "orderMethod", "ONLINE",
            "settlementMethod", "ELECTRONIC", "status", "ACTIVE");
    private static final String SYSTEM_ACTOR = "system";

    private final FieldDictionary dictionary;
    private final CustomerValidator validator;
    private final CustomerStore store;
    private final CustomerSearch searcher;
    private final EditPermissions permissions;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Clock clock;
    private final SensitiveDataCipher cipher;
    private final SearchAdmission admission;

    CustomerArchiveService(FieldDictionary dictionary, CustomerValidator validator, CustomerStore store,
                           CustomerSearch searcher, EditPermissions permissions, OrgDirectory org, UserDirectory users,
                           AuditLog audit, Clock clock, SensitiveDataCipher cipher, SearchAdmission admission) {
        this.cipher = cipher;
        this.admission = admission;
        this.dictionary = dictionary;
        this.validator = validator;
        this.store = store;
        this.searcher = searcher;
        this.permissions = permissions;
        this.org = org;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CustomerRecord create(Map<String, Object> fields, String countyCode, ChangeSource source) {
        List<Violation> problems = new ArrayList<>();
        Customer customer = validator.prepareNew(fields, county(countyCode), source, problems);
        throwIfAny(problems);
        String code = customer.code();
        String licence = (String) customer.get("licenceNo");
        if (store.existsCode(code)) {
            throw new ConflictException("customerCode", "customer.error.duplicate.customerCode", code);
        }
        if (store.existsLicence(licence)) {
            throw new ConflictException("licenceNo", "customer.error.duplicate.licenceNo", licence);
        }
        Instant now = clock.instant();
        long id;
        try {
            id = store.insert(customer, now, actor());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("customerCode", "customer.error.duplicate.customerCode", code);
        }
        List<CustomerStore.HistoryEntry> history = new ArrayList<>();
        customer.values().forEach((key, value) -> history.add(new CustomerStore.HistoryEntry(id, code, key, null,
                FieldValues.format(value), actor(), now, source.toString(), null)));
        store.history(history);
        audit.record(changeEvent("CUSTOMER_CREATED", code, customer.values().keySet(), source));
        return record(store.find(code, false).orElseThrow(), Set.of(), countyCode);
    }

    @Override
    @Transactional
    public AppliedChanges applyChanges(String customerCode, Map<String, Object> changes, Long expectedVersion,
                                       ChangeSource source, String reason) {
        Customer customer = visible(customerCode, true);
        List<Customer.Difference> diffs = change(customer, changes, expectedVersion, source, reason);
        if (diffs.isEmpty()) {
            return new AppliedChanges(customerCode, customer.version(), List.of());
        }
        Instant now = clock.instant();
        if (!store.update(customer, diffs.stream().map(Customer.Difference::field).toList(), now)) {
            throw new ConflictException("version", "error.version.stale");
        }
        store.history(history(customer, diffs, now, source, reason));
        audit.record(changeEvent(customerCode, diffs, source));
        return applied(customer, diffs);
    }

    /**
     * The rules of a change, applied to the customer in memory (nothing written): values parsed, permission for a
     * direct edit, the version expected, the rules across fields, the customer's own rules (a cancelled customer is
     * read-only, status transitions). Throws the refusal; returns the fields that really changed.
     */
    List<Customer.Difference> change(Customer customer, Map<String, Object> changes, Long expectedVersion,
                                     ChangeSource source, String reason) {
        return change(customer, changes, expectedVersion, source, reason, validator.new CountyManagers());
    }

    /** {@link #change(Customer, Map, Long, ChangeSource, String)} with the answers about managers a batch shares. */
    List<Customer.Difference> change(Customer customer, Map<String, Object> changes, Long expectedVersion,
                                     ChangeSource source, String reason, CustomerValidator.CountyManagers managers) {
        List<Violation> problems = new ArrayList<>();
        Map<String, Object> parsed = validator.parse(changes, source, problems);
        if (source.kind().editPermission()) {
            checkDirectPermission(customer, parsed.keySet().stream()
                    .filter(k -> !FieldValues.same(customer.get(k), parsed.get(k))).toList());
        }
        if (expectedVersion != null && expectedVersion != customer.version()) {
            throw new ConflictException("version", "error.version.stale");
        }
        Map<String, Object> after = new HashMap<>(customer.values());
        after.putAll(parsed);
        validator.checkTogether(after, parsed, customer.countyOrgUnitId(), problems, managers);
        throwIfAny(problems);
        return customer.apply(parsed, reason);
    }

    /** The 修改台账 rows of a change: one per changed field, the reason on the status's. */
    List<CustomerStore.HistoryEntry> history(Customer customer, List<Customer.Difference> diffs, Instant now,
                                             ChangeSource source, String reason) {
        String who = actor();
        return diffs.stream().map(d -> new CustomerStore.HistoryEntry(customer.id(), customer.code(), d.field(),
                FieldValues.format(d.oldValue()), FieldValues.format(d.newValue()), who, now, source.toString(),
                d.field().equals("status") ? reason : null)).toList();
    }

    /** What a change did, as the API answers it: the new version and each field's old and new value as shown. */
    AppliedChanges applied(Customer customer, List<Customer.Difference> diffs) {
        return new AppliedChanges(customer.code(), customer.version() + 1, diffs.stream()
                .map(d -> new FieldChange(d.field(), shown(d.field(), d.oldValue()), shown(d.field(), d.newValue()))).toList());
    }

    /** The audit event of a change. */
    static AuditEntry changeEvent(String customerCode, List<Customer.Difference> diffs, ChangeSource source) {
        return changeEvent("CUSTOMER_CHANGED", customerCode, diffs.stream().map(Customer.Difference::field).toList(),
                source);
    }

    /**
     * A change of customer data in the audit log: the customer and the names of the fields, never their values (the
     * history keeps those, sensitive ones encrypted).
     */
    private static AuditEntry changeEvent(String action, String customerCode, java.util.Collection<String> fields,
                                          ChangeSource source) {
        return AuditEntry.customer(action, customerCode)
                .detail("source=" + source + " fields=" + String.join(",", new java.util.TreeSet<>(fields)));
    }

    private void checkDirectPermission(Customer customer, List<String> keys) {
        CurrentUser user = CurrentUsers.require();
        Set<String> editable = permissions.editableBy(user, customer.manager(), dictionary.all());
        var locale = LocaleContextHolder.getLocale();
        List<FieldProblem> refused = keys.stream().filter(k -> !editable.contains(k))
                .map(k -> new FieldProblem(k, dictionary.require(k).label(locale))).toList();
        if (!refused.isEmpty()) {
            throw new ForbiddenException(refused, "customer.error.forbiddenFields");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<FieldProblem> check(String customerCode, Map<String, Object> fields, String countyCode, ChangeSource source) {
        List<Violation> problems = new ArrayList<>();
        Optional<Customer> existing = customerCode == null ? Optional.empty() : store.find(customerCode, false);
        if (existing.isEmpty()) {
            validator.prepareNew(fields, county(countyCode), source, problems);
        } else {
            Map<String, Object> parsed = validator.parse(fields, source, problems);
            Map<String, Object> after = new HashMap<>(existing.get().values());
            after.putAll(parsed);
            validator.checkTogether(after, parsed, existing.get().countyOrgUnitId(), problems);
        }
        return validator.describe(problems);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> fingerprints(String customerCode, java.util.Collection<String> keys) {
        Customer customer = visible(customerCode, false);
        Map<String, String> prints = new LinkedHashMap<>();
        for (String key : keys) {
            String text = FieldValues.format(customer.get(key));
            prints.put(key, text == null || text.isEmpty() ? "-" : cipher.keyedHash(key + "=" + text));
        }
        return prints;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerRecord> find(String customerCode) {
        return store.find(customerCode, false).filter(this::inScope).map(c -> record(c, Set.of(), null));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, CustomerRecord> findAll(java.util.Collection<String> customerCodes) {
        var scope = scope();
        Map<String, CustomerRecord> found = new HashMap<>();
        for (Customer c : store.findAll(customerCodes)) {
            if (scope.includes(c.manager(), c.countyOrgUnitId())) {
                found.put(c.code(), record(c, Set.of(), null));
            }
        }
        return found;
    }

    /**
     * The customer as the API and the customer page show it: sensitive values in clear where the caller may see
     * them (each such read is audited) when {@code reveal}, masked otherwise.
     */
    @Transactional
    public CustomerRecord view(String customerCode, boolean reveal) {
        Customer customer = visible(customerCode, false);
        Set<String> clear = new LinkedHashSet<>();
        if (reveal) {
            CurrentUser user = CurrentUsers.current().orElse(null);
            dictionary.all().stream().filter(FieldDefinition::sensitive)
                    .filter(f -> customer.get(f.key()) != null)
                    .filter(f -> SensitiveAccess.mayReadClear(user, customer.manager(), f))
                    .forEach(f -> clear.add(f.key()));
        }
        if (!clear.isEmpty()) {
            audit.record(AuditEntry.customer("CUSTOMER_SENSITIVE_READ", customerCode)
                    .detail("fields=" + String.join(",", clear)));
        }
        return record(customer, clear, null);
    }

    /** The 修改台账 of a customer, newest first; sensitive values are always masked here. */
    @Transactional(readOnly = true)
    public List<HistoryView> history(String customerCode) {
        Customer customer = visible(customerCode, false);
        return store.historyOf(customer.id()).stream().map(h -> new HistoryView(h.field(),
                shown(h.field(), h.oldValue()), shown(h.field(), h.newValue()), h.changedBy(), h.changedAt(),
                h.source(), h.reason())).toList();
    }

    /** One row of the history as the API shows it. */
    public record HistoryView(String field, String oldValue, String newValue, String changedBy, Instant changedAt,
                              String source, String reason) {
    }

    /** The fields the caller may edit directly on this customer (for the edit form). */
    @Override
    @Transactional(readOnly = true)
    public Set<String> directlyEditable(String customerCode) {
        Customer customer = visible(customerCode, false);
        if (customer.status().readOnly()) {
            return Set.of();
        }
        return permissions.editableBy(CurrentUsers.require(), customer.manager(), dictionary.all());
    }

    /** The fields a list may be sorted by. */
    public static Set<String> sortableFields() {
        return CustomerSearch.sortable();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String customerCode) {
        return store.existsCode(customerCode);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<String> existing(java.util.Collection<String> customerCodes) {
        return store.existingCodes(customerCodes);
    }

    /**
     * No transaction: the search is one statement (at most three, each with its own snapshot under READ COMMITTED
     * in a transaction too), so a transaction would only add its commit's round trip to every search. Its statements
     * wait their turn ({@link SearchAdmission}).
     */
    @Override
    public PageResponse<CustomerSummary> search(CustomerQuery query, PageQuery page) {
        DataScope scope = scope();
        return admission.run(() -> searcher.search(query, page, scope)).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(CustomerQuery query, Consumer<CustomerRecord> consumer) {
        searcher.forEach(query, scope(), c -> consumer.accept(record(c, Set.of(), null)));
    }

    private CustomerSummary summary(Customer c) {
        var result = CompletenessRule.of(dictionary.all(), c.values());
        return new CustomerSummary(c.code(), (String) c.get("licenceNo"), (String) c.get("storeName"),
                (String) c.get("retailFormat"), (String) c.get("marketType"), (String) c.get("status"), c.manager(),
                countyCode(c.countyOrgUnitId()), (String) c.get("address"),
                Masking.mask("orderPhone", (String) c.get("orderPhone")), result.completeness().overall(), c.version());
    }

    /** The customer as {@link #find} shows it (sensitive values masked). */
    CustomerRecord record(Customer c) {
        return record(c, Set.of(), null);
    }

    private CustomerRecord record(Customer c, Set<String> clear, String knownCountyCode) {
        Map<String, Object> shown = new LinkedHashMap<>();
        Set<String> masked = new LinkedHashSet<>();
        for (FieldDefinition f : dictionary.all()) {
            Object v = c.get(f.key());
            if (v == null) {
                continue;
            }
            if (f.sensitive() && !clear.contains(f.key())) {
                shown.put(f.key(), Masking.mask(f.key(), FieldValues.format(v)));
                masked.add(f.key());
            } else {
                shown.put(f.key(), v);
            }
        }
        var result = CompletenessRule.of(dictionary.all(), c.values());
        return new CustomerRecord(c.code(), knownCountyCode != null ? knownCountyCode : countyCode(c.countyOrgUnitId()),
                c.version(), shown, masked, result.completeness(), result.missingFields());
    }

    private String shown(String field, Object value) {
        String text = FieldValues.format(value);
        return dictionary.find(field).filter(FieldDefinition::sensitive).isPresent() ? Masking.mask(field, text) : text;
    }

    private Customer visible(String code, boolean lock) {
        return store.find(code, lock).filter(this::inScope)
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", code));
    }

    private boolean inScope(Customer c) {
        return visibility().test(c);
    }

    /** Whether the caller may see a customer: the caller's scope read once, for as many customers as needed. */
    java.util.function.Predicate<Customer> visibility() {
        var scope = CurrentUsers.current().map(users::scopeOf);
        return c -> scope.map(s -> s.includes(c.manager(), c.countyOrgUnitId())).orElse(true);
    }

    private DataScope scope() {
        return CurrentUsers.current().map(users::scopeOf)
                .orElse(DataScope.company());
    }

    private Optional<OrgUnitRef> county(String countyCode) {
        return countyCode == null ? Optional.empty()
                : org.findByCode(countyCode).filter(u -> u.type() == OrgUnitType.COUNTY);
    }

    private String countyCode(long orgUnitId) {
        return org.codeOf(orgUnitId).orElse(null);
    }

    private static String actor() {
        return CurrentUsers.current().map(CurrentUser::username).orElse(SYSTEM_ACTOR);
    }

    private void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(validator.describe(problems));
        }
    }
}
