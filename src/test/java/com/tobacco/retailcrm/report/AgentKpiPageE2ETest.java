package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service head imports a month's agent figures on the agent KPI page: a file with a bad row is refused whole
 * with each row's problem in Chinese, a good one fills the table with the agents' names and indices.
 */
@Tag("e2e")
class AgentKpiPageE2ETest extends BrowserTest {

    private Path file(String text) throws IOException {
        Path f = Files.createTempFile("agents-", ".csv");
        Files.writeString(f, "话务员账号,话务量,投诉电话,月话务目标,监听得分,测试电话得分,被投诉次数,培训平均分,缺勤次数\n" + text,
                StandardCharsets.UTF_8);
        f.toFile().deleteOnExit();
        return f;
    }

    @Test
    void aMonthsFiguresAreImportedFromAFileOnTheAgentPage() throws IOException {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String head = "sh" + unique();
        userWithRoles(head, dept, null, List.of("SERVICE_HEAD"));
        String agent = "ag" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        String month = "2033-" + String.format("%02d", 1 + (int) (Math.random() * 12));

        signIn(head, USER_PASSWORD);
        open("/kpi/agents?month=" + month);
        find("[data-test=import-file]").sendKeys(file(agent + ",1250,50,1000,92,87.5,2,88,1\n"
                + agent + ",一千,0,1000,92,87.5,2,88,1\n").toString());
        clickAndWaitForNewPage("[data-test=import-submit]");
        assertThat(find("[data-test=import-errors]").getText()).contains("整个文件未导入").contains("话务量")
                .contains("应为不小于 0 的整数").contains("3");
        assertThat(texts("[data-test=agents] tbody tr")).containsExactly("该月尚未录入话务员考核数据");
        screenshot("agent-kpi-import-refused");

        find("[data-test=import-file]").sendKeys(file(agent + ",1250,50,1000,92,87.5,2,88,1\n").toString());
        clickAndWaitForNewPage("[data-test=import-submit]");
        assertThat(find("[data-test=flash-success]").getText()).contains("已导入 1 名话务员");
        assertThat(find("[data-test=agents] tbody tr").getText()).contains("测试" + agent).contains("120.00");
        screenshot("agent-kpi-imported");
    }
}
