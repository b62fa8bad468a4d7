package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.domain.FieldDictionary;
import com.tobacco.retailcrm.shared.infrastructure.ClusterLocks;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Several instances on one database: imports and classification runs run one at a time across all of them, and a
 * field of the dictionary changed through one is seen by the others within seconds. Another instance is
 * stood for by this test holding the same PostgreSQL advisory lock on a connection of its own (the two-node step of
 * .ci/run proves it with two real instances).
 */
class SeveralInstancesOnOneDatabaseTest extends CustomerApiTestBase {

    @Autowired
    ClusterLocks locks;

    @Autowired
    ApplicationContext context;

    @Autowired
    FieldDictionary dictionary;

    private FileTransfer.Result importOne(County c) {
        String csv = "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode\n"
                + digits(12) + "," + digits(12) + ",锁测试店,1,1," + c.code() + "\n";
        return new FileTransfer(http.base()).upload("/api/v1/customers/import", c.marketDept(), "lock.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void anImportStartedWhileAnotherInstanceImportsIsRefusedWithAConflictAndAcceptedOnceItHasFinished() {
        County c = county();
        try (ClusterLocks.Held elsewhere = locks.tryHold("customer-import").orElseThrow()) {
            var refused = importOne(c);
            assertThat(refused.status()).as("%s", refused).isEqualTo(409);
            assertThat(refused.contentType()).contains("problem+json");
            assertThat(refused.json().get("detail").asString()).contains("导入正在进行");
        }
        var accepted = importOne(c);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("created").asInt()).isEqualTo(1);
    }

    @Test
    void theLockIsReleasedWhenAnImportFails() {
        County c = county();
        var bad = new FileTransfer(http.base()).upload("/api/v1/customers/import", c.marketDept(), "bad.csv",
                "nonsense,columns\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(bad.status()).isEqualTo(400);
        try (ClusterLocks.Held held = locks.tryHold("customer-import").orElseThrow()) {
            assertThat(held).isNotNull();
        }
    }

    @Test
    void aRestartDoesNotMarkAnImportRunningOnAnotherInstanceAsInterrupted() {
        long id = jdbc.queryForObject("""
                insert into customer_import (file_name, format, status, total, created_by, created_at)
                values ('elsewhere.csv', 'CSV', 'RUNNING', 10, 'tester', ?) returning id""", Long.class,
                Timestamp.from(clock.instant()));
        Object importer = context.getBean("customerImporter");
        try (ClusterLocks.Held elsewhere = locks.tryHold("customer-import").orElseThrow()) {
            ReflectionTestUtils.invokeMethod(importer, "abandonInterrupted");
            assertThat(status(id)).isEqualTo("RUNNING");
        }
        ReflectionTestUtils.invokeMethod(importer, "abandonInterrupted");
        assertThat(status(id)).as("nobody holds the lock: that import died with its instance").isEqualTo("FAILED");
    }

    @Test
    void aClassificationRunStartedWhileAnotherIsBeingComputedOrAppliedIsRefusedWithAConflict() {
        County c = county();
        try (ClusterLocks.Held elsewhere = locks.tryHold("classification-run").orElseThrow()) {
            var refused = http.post("/api/v1/classification-runs", c.marketDept(), Map.of("period", "2025-11"));
            assertThat(refused.status()).as("%s", refused).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("分类计算");
        }
        var started = http.post("/api/v1/classification-runs", c.marketDept(), Map.of("period", "2025-11"));
        assertThat(started.status()).as("%s", started).isEqualTo(201);
    }

    @Test
    void aDictionaryFieldChangedThroughAnotherInstanceIsSeenWithinSeconds() throws InterruptedException {
        assertThat(dictionary.require("bankName").labelZh()).isEqualTo("开户银行");
        jdbc.update("update customer_field set label_zh = '开户银行（他处修改）', version = version + 1 where key = 'bankName'");
        try {
            Thread.sleep(FieldDictionary.RECHECK_NANOS / 1_000_000 + 200);
            assertThat(dictionary.require("bankName").labelZh()).isEqualTo("开户银行（他处修改）");
        } finally {
            jdbc.update("update customer_field set label_zh = '开户银行', version = version + 1 where key = 'bankName'");
        }
    }

    private String status(long importId) {
        return jdbc.queryForObject("select status from customer_import where id = ?", String.class, importId);
    }
}
