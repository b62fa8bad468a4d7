package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 批量新建 — creates many customers at once for a bulk import, with the same rules as
 * {@link CustomerArchiveService#create} (defaults, validation, unique code and licence, history with the source)
 * but set-based, in two steps: {@link #prepare} validates the rows in memory (by {@link CustomerValidator#prepareNew},
 * as create does) and renders the valid ones and their history as COPY text, without a transaction, so it can run
 * while an earlier batch is written; {@link #write} finds duplicates with one query and inserts the rest with one
 * COPY for the customers and one for their history. Rows with custom fields are left to the one-by-one path (the
 * batch insert writes fixed columns only). {@link #write} runs in the caller's transaction: if the database still
 * refuses (a code taken meanwhile), the whole batch fails and the caller falls back to one row at a time.
 */
@Component
public class CustomerBatchCreation {

    private final FieldDictionary dictionary;
    private final CustomerValidator validator;
    private final CustomerStore store;
    private final OrgDirectory org;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Messages messages;
    private final SensitiveDataCipher cipher;

    CustomerBatchCreation(FieldDictionary dictionary, CustomerValidator validator, CustomerStore store,
                          OrgDirectory org, JdbcTemplate jdbc, Clock clock, Messages messages,
                          SensitiveDataCipher cipher) {
        this.messages = messages;
        this.cipher = cipher;
        this.dictionary = dictionary;
        this.validator = validator;
        this.store = store;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new customer to create: its row number in the file, its values (as for create) and its county's code. */
    public record NewCustomer(int row, Map<String, Object> fields, String countyCode) {
    }

    /** What became of a row: created, refused with problems, or left to the one-by-one path ({@code deferred}). */
    public record Outcome(int row, boolean created, boolean deferred, List<FieldProblem> problems) {
    }

    /**
     * Validates and renders a batch of new customers without writing anything, so that a bulk import can do this
     * work while its previous batch is being written. Ids are reserved from the sequence here.
     */
    public Prepared prepare(List<NewCustomer> rows, ChangeSource source) {
        Map<String, Optional<OrgUnitRef>> counties = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<Integer, Customer> valid = new LinkedHashMap<>();
        List<FieldDefinition> customFields = dictionary.customFields();
        CustomerValidator.CountyManagers managers = validator.new CountyManagers();
        for (NewCustomer row : rows) {
            List<Violation> problems = new ArrayList<>();
            Optional<OrgUnitRef> county = row.countyCode() == null ? Optional.empty() : counties.computeIfAbsent(
                    row.countyCode(), code -> org.findByCode(code).filter(u -> u.type() == OrgUnitType.COUNTY));
            Customer customer = validator.prepareNew(row.fields(), county, source, problems, managers);
            Map<String, Object> parsed = customer.values();
            boolean custom = customFields.stream().anyMatch(f -> parsed.containsKey(f.key()));
            if (!problems.isEmpty()) {
                outcomes.add(new Outcome(row.row(), false, false, validator.describe(problems)));
            } else if (custom) {
                outcomes.add(new Outcome(row.row(), false, true, List.of()));
            } else {
                valid.put(row.row(), customer);
                outcomes.add(null);
            }
        }
        String at = CustomerStore.copyText(clock.instant());
        String who = CurrentUsers.current().map(CurrentUser::username).orElse("system");
        List<Long> ids = store.reserveIds(valid.size());
        Map<Integer, CustomerStore.RenderedCustomer> rendered = new HashMap<>();
        int i = 0;
        for (var entry : valid.entrySet()) {
            rendered.put(entry.getKey(), store.render(entry.getValue(), ids.get(i++), at, who, source.toString()));
        }
        return new Prepared(rows, outcomes, valid, rendered);
    }

    /**
     * A validated and rendered batch (see {@link #prepare}): an outcome for each row already settled (refused or
     * left to the one-by-one path), null where the row is valid and waits to be written.
     */
    public static final class Prepared {
        private final List<NewCustomer> rows;
        private final List<Outcome> outcomes;
        private final Map<Integer, Customer> valid;
        private final Map<Integer, CustomerStore.RenderedCustomer> rendered;

        private Prepared(List<NewCustomer> rows, List<Outcome> outcomes, Map<Integer, Customer> valid,
                         Map<Integer, CustomerStore.RenderedCustomer> rendered) {
            this.rows = rows;
            this.outcomes = outcomes;
            this.valid = valid;
            this.rendered = rendered;
        }

        /** Whether some rows were left to the one-by-one path already (custom fields). */
        public boolean anyDeferred() {
            return outcomes.stream().anyMatch(o -> o != null && o.deferred());
        }
    }

    /**
     * Writes a prepared batch in the caller's transaction. A row whose code the archive has by now (created since the
     * batch was prepared, by an earlier batch of the same file being written beside it or by someone else) is not
     * created but left to the one-by-one path, which updates that customer; a row whose licence another customer
     * holds is refused.
     */
    @Transactional
    public List<Outcome> write(Prepared batch) {
        List<NewCustomer> rows = batch.rows;
        List<Outcome> outcomes = new ArrayList<>(batch.outcomes);
        Map<Integer, Customer> valid = new LinkedHashMap<>(batch.valid);
        refuseDuplicates(valid, outcomes, rows);
        store.copyNew(valid.keySet().stream().map(batch.rendered::get).toList());
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, new Outcome(rows.get(i).row(), true, false, List.of()));
            }
        }
        return outcomes;
    }

    /**
     * A code the archive has by now leaves the row to the one-by-one path (see {@link #write}); a licence the archive
     * has, or given twice in the batch, refuses the row (as create does).
     */
    private void refuseDuplicates(Map<Integer, Customer> valid, List<Outcome> outcomes, List<NewCustomer> rows) {
        String[] codes = valid.values().stream().map(Customer::code).toArray(String[]::new);
        String[] licences = valid.values().stream().map(c -> (String) c.get("licenceNo")).toArray(String[]::new);
        Set<String> takenCodes = new HashSet<>();
        Set<String> takenLicences = new HashSet<>();
        jdbc.query("select customer_code, licence_no from customer where customer_code = any(?) or licence_no = any(?)",
                rs -> {
                    takenCodes.add(rs.getString(1));
                    takenLicences.add(rs.getString(2));
                }, codes, licences);
        for (int i = 0; i < rows.size(); i++) {
            Customer c = valid.get(rows.get(i).row());
            if (c == null || outcomes.get(i) != null) {
                continue;
            }
            String licence = (String) c.get("licenceNo");
            List<Violation> problems = new ArrayList<>();
            if (!takenCodes.add(c.code())) {
                valid.remove(rows.get(i).row());
                outcomes.set(i, new Outcome(rows.get(i).row(), false, true, List.of()));
                continue;
            }
            if (!takenLicences.add(licence)) {
                problems.add(Violation.of("licenceNo", "customer.error.duplicate.licenceNo", licence));
            }
            if (!problems.isEmpty()) {
                valid.remove(rows.get(i).row());
                outcomes.set(i, new Outcome(rows.get(i).row(), false, false, describeConflict(problems)));
            }
        }
    }

    /** Conflict messages name the value, like the 409 of create; their first argument is the value, not a label. */
    private List<FieldProblem> describeConflict(List<Violation> problems) {
        return problems.stream().map(v -> new FieldProblem(v.field(),
                messages.text(v.messageKey(), v.args().toArray()))).toList();
    }

}
