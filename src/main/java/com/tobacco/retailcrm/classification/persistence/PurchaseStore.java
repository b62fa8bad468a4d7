package com.tobacco.retailcrm.classification.persistence;

import com.tobacco.retailcrm.classification.api.PurchaseFigures;
import com.tobacco.retailcrm.classification.api.PurchaseTotals;
import com.tobacco.retailcrm.classification.domain.PurchaseOrder;
import com.tobacco.retailcrm.customer.api.CustomerFacts;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 购进记录 in SQL: set-based writes (one statement per batch) and per-customer totals over a date range. */
@Repository
public class PurchaseStore implements PurchaseFigures {

    private final JdbcTemplate jdbc;

    PurchaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these customer codes are in the archive (any status), in one query. */
    public Set<String> knownCustomers(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select customer_code from " + CustomerFacts.VIEW
                + " where customer_code = any(?)", String.class, (Object) codes.toArray(String[]::new)));
    }

    /**
     * Inserts the orders, replacing those whose order number is already stored, in one statement. Order numbers
     * must be distinct within the call (ON CONFLICT cannot touch a row twice).
     */
    public void upsert(List<PurchaseOrder> orders, Instant receivedAt, String receivedBy) {
        if (orders.isEmpty()) {
            return;
        }
        int n = orders.size();
        String[] nos = new String[n];
        String[] codes = new String[n];
        Date[] dates = new Date[n];
        java.math.BigDecimal[] qty = new java.math.BigDecimal[n];
        java.math.BigDecimal[] amount = new java.math.BigDecimal[n];
        for (int i = 0; i < n; i++) {
            PurchaseOrder o = orders.get(i);
            nos[i] = o.orderNo();
            codes[i] = o.customerCode();
            dates[i] = Date.valueOf(o.orderDate());
            qty[i] = o.qty();
            amount[i] = o.amount();
        }
        jdbc.update("""
                insert into purchase (order_no, customer_code, order_date, qty, amount, received_at, received_by)
                select o.no, o.code, o.d, o.q, o.a, ?, ?
                from unnest(?::varchar[], ?::varchar[], ?::date[], ?::numeric[], ?::numeric[]) as o(no, code, d, q, a)
                on conflict (order_no) do update set customer_code = excluded.customer_code,
                    order_date = excluded.order_date, qty = excluded.qty, amount = excluded.amount,
                    received_at = excluded.received_at, received_by = excluded.received_by
                """, Timestamp.from(receivedAt), receivedBy, nos, codes, dates, qty, amount);
    }

    public boolean hasAny() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from purchase)", Boolean.class));
    }

    /** Code and retail format of every ACTIVE customer, in code order (for the demo orders). */
    public List<String[]> activeCustomerFormats() {
        return jdbc.query("select customer_code, retail_format from " + CustomerFacts.VIEW
                + " where status = 'ACTIVE' order by customer_code", (rs, i) -> new String[] {rs.getString(1),
                rs.getString(2)});
    }

    @Override
    public Map<String, PurchaseTotals> totalsByCustomer(LocalDate from, LocalDate toInclusive) {
        Map<String, PurchaseTotals> totals = new LinkedHashMap<>();
        jdbc.query("""
                select customer_code, sum(qty) as qty, sum(amount) as amount from purchase
                where order_date between ? and ? group by customer_code order by customer_code
                """, rs -> {
            String code = rs.getString("customer_code");
            totals.put(code, new PurchaseTotals(code, rs.getBigDecimal("qty"), rs.getBigDecimal("amount")));
        }, from, toInclusive);
        return totals;
    }
}
