package com.tobacco.retailcrm.customer.domain;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives customers written before partial phone search existed the hashes of their phones' last four digits and local
 * number, in batches after start-up (only the application holds the key, so a migration cannot). Idempotent: a row
 * whose phone has its tail hash is done; safe on several instances (a row is written with the same values twice).
 */
@Component
class PhoneSearchBackfill {

    private static final Logger log = LoggerFactory.getLogger(PhoneSearchBackfill.class);
    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final SensitiveDataCipher cipher;

    PhoneSearchBackfill(JdbcTemplate jdbc, SensitiveDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread worker = new Thread(this::run, "phone-search-backfill");
        worker.setDaemon(true);
        worker.start();
    }

    /** Fills every row that lacks the hashes; returns how many rows it wrote. */
    int run() {
        int total = 0;
        try {
            int done;
            do {
                done = batch();
                total += done;
            } while (done == BATCH);
            if (total > 0) {
                log.info("Phone search: hashed the last four digits of {} customers' phones", total);
            }
        } catch (RuntimeException e) {
            log.warn("Phone search backfill stopped; it resumes at the next start", e);
        }
        return total;
    }

    private int batch() {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("""
                select id, order_phone, mobile_phone from customer
                where (order_phone is not null and order_phone_tail_hash is null)
                   or (mobile_phone is not null and mobile_phone_tail_hash is null)
                limit ?""", rs -> {
            String order = cipher.decrypt(rs.getString(2));
            String mobile = cipher.decrypt(rs.getString(3));
            rows.add(new Object[] {cipher.phoneTailHash(order), cipher.phoneLocalHash(order),
                    cipher.phoneTailHash(mobile), cipher.phoneLocalHash(mobile), rs.getLong(1), rs.getString(2),
                    rs.getString(3)});
        }, BATCH);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    update customer set order_phone_tail_hash = ?, order_phone_local_hash = ?,
                        mobile_phone_tail_hash = ?, mobile_phone_local_hash = ?
                    where id = ? and order_phone is not distinct from ? and mobile_phone is not distinct from ?""",
                    rows);  // a phone changed meanwhile got its own hashes with the change
        }
        return rows.size();
    }
}
