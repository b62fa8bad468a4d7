package com.tobacco.retailcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The web shell in a real browser: sign-in, forced password change, menu by role, language, error page. */
@Tag("e2e")
class WebShellE2ETest extends BrowserTest {

    private static final String INITIAL = "Init#Pass2026";

    /** A user as the system administrator leaves them: roles given, initial password not yet changed. */
    private String newUser(List<String> roles) {
        String username = "e2e" + unique();
        var created = http.post("/api/v1/users", adminToken("sysadmin"), Http.body("username", username,
                "displayName", "王测试", "orgUnitCode", rootOrgCode(), "initialPassword", INITIAL));
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        var assigned = http.put("/api/v1/users/" + username + "/roles", adminToken("secadmin"), Http.body("roles", roles));
        assertThat(assigned.status()).as("roles: %s", assigned).isEqualTo(200);
        return username;
    }

    private List<String> menuGroups() {
        return texts(".crm-menu-group");
    }

    private List<String> menuItems() {
        return texts(".crm-menu-item");
    }

    @Test
    void wrongPasswordIsRefusedWithTheReasonInChinese() {
        open("/login");
        screenshot("login");
        find("#username").sendKeys("sysadmin");
        find("#password").sendKeys("not-the-password");
        find("[data-test=login-submit]").click();

        assertThat(find("[data-test=login-error]").getText()).contains("用户名或密码错误");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        screenshot("login-refused");
    }

    @Test
    void repeatedFailuresLockTheAccountAndThePageSaysForHowLong() {
        String username = newUser(List.of("SALES_DEPT"));
        for (int i = 0; i < 5; i++) {
            open("/login");
            find("#username").sendKeys(username);
            find("#password").sendKeys("wrong-" + i);
            find("[data-test=login-submit]").click();
            find("[data-test=login-error]");
        }
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(INITIAL);  // even the right password is refused while locked
        find("[data-test=login-submit]").click();
        assertThat(find("[data-test=login-error]").getText()).contains("已被锁定").contains("分钟后再试");
        screenshot("login-locked");
    }

    @Test
    void newUserMustChangeThePasswordBeforeAnythingElse() {
        String username = newUser(List.of("CUSTOMER_MANAGER"));
        signIn(username, INITIAL);

        assertThat(browser.getCurrentUrl()).endsWith("/password");
        assertThat(find("[data-test=password-forced]").getText()).contains("请先修改密码");
        assertThat(find("[data-test=password-policy]").getText()).contains("至少");
        screenshot("password-forced");

        open("/");  // the gate sends them back
        assertThat(browser.getCurrentUrl()).endsWith("/password");

        find("#oldPassword").sendKeys(INITIAL);
        find("#newPassword").sendKeys("short");
        find("#repeatPassword").sendKeys("short");
        find("[data-test=password-submit]").click();
        assertThat(find("[data-test=error-newPassword]").getText()).contains("密码长度不足");
        screenshot("password-refused");

        find("#oldPassword").sendKeys(INITIAL);
        find("#newPassword").sendKeys(USER_PASSWORD);
        find("#repeatPassword").sendKeys(USER_PASSWORD);
        find("[data-test=password-submit]").click();

        waitFor(d -> d.getCurrentUrl().endsWith("/"));
        assertThat(find("[data-test=flash-success]").getText()).contains("密码已修改");
        assertThat(menuGroups()).startsWith("工作台").contains("客户档案", "流程待办").doesNotContain("安全管理", "审计");
        assertThat(texts("[data-test=role]")).containsExactly("客户经理");
        assertThat(find("[data-test=scope]").getText()).contains("本人负责的客户");
        screenshot("home-customer-manager");
    }

    @Test
    void systemAdministratorSeesSystemManagementAndNotTheAuditLog() {
        signInAdmin("sysadmin");

        assertThat(menuGroups()).containsExactly("工作台", "系统管理");
        assertThat(menuItems()).containsExactly("工作台", "组织机构", "用户管理", "工作日历");
        assertThat(menuItems()).doesNotContain("审计日志");
        assertThat(texts("[data-test=shortcut] .fw-semibold")).containsExactly("组织机构", "用户管理", "工作日历");
        assertThat(find("[data-test=display-name]").getText()).isEqualTo("系统管理员");
        screenshot("home-sysadmin");

        open("/admin/audit");
        assertThat(find("[data-test=error-status]").getText()).isEqualTo("403");
        assertThat(find("[data-test=error-title]").getText()).isEqualTo("无权操作");
        screenshot("error-403");

        open("/admin/org");
        assertThat(find("[data-test=org-tree]").getText()).contains("公司");
        assertThat(all(".crm-menu-item.active")).extracting(e -> e.getText().strip()).containsExactly("组织机构");
        screenshot("org");
    }

    @Test
    void auditAdministratorSeesOnlyTheAuditLog() {
        signInAdmin("auditadmin");

        assertThat(menuGroups()).containsExactly("工作台", "审计");
        assertThat(menuItems()).containsExactly("工作台", "审计日志");

        find(".crm-menu-item[href='/admin/audit']").click();
        assertThat(find("[data-test=audit-table]").getText()).contains("登录");
        new Select(find("#action")).selectByValue("LOGIN");
        find("#actor").sendKeys("auditadmin");
        find("[data-test=filter-submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("action=LOGIN"));
        List<String> actors = all("[data-test=audit-table] tbody tr td:nth-child(2)").stream()
                .map(e -> e.getText().strip()).distinct().toList();
        assertThat(actors).containsExactly(jdbc.queryForObject(
                "select display_name from app_user where username = 'auditadmin'", String.class));
        screenshot("audit");
    }

    @Test
    void theSystemAdministratorCreatesAUserThroughTheUsersPage() {
        signInAdmin("sysadmin");
        open("/admin/users");
        screenshot("users");
        find("[data-test=user-new]").click();

        clickAndWaitForNewPage("[data-test=user-save]");  // nothing filled in: every required field says so in Chinese
        assertThat(find("[data-test=error-username]").getText()).isNotBlank();
        assertThat(find("[data-test=error-displayName]").getText()).contains("不能为空");
        screenshot("user-form-errors");

        String username = "web" + unique();
        find("#username").sendKeys(username);
        find("#displayName").sendKeys("赵新员");
        new Select(find("#orgUnitCode")).selectByValue(rootOrgCode());
        find("#initialPassword").sendKeys("weak");
        clickAndWaitForNewPage("[data-test=user-save]");
        assertThat(find("[data-test=error-initialPassword]").getText()).contains("密码长度不足");

        find("#initialPassword").clear();
        find("#initialPassword").sendKeys(INITIAL);
        find("[data-test=user-save]").click();

        waitFor(d -> d.getCurrentUrl().contains("/admin/users?q="));
        assertThat(find("[data-test=flash-success]").getText()).contains("赵新员");
        assertThat(find("[data-test=user-table]").getText()).contains(username, "赵新员", "启用");
        screenshot("users-created");

        // Edit: give them a supervisor.
        browser.findElement(By.cssSelector("tr[data-username='" + username + "'] a[href$='/edit']")).click();
        new Select(find("#supervisor")).selectByValue("sysadmin");
        find("[data-test=user-save]").click();
        waitFor(d -> d.getCurrentUrl().contains("/admin/users?q="));
        assertThat(find("tr[data-username='" + username + "'] td:nth-child(5)").getText()).isEqualTo("sysadmin");

        // Disable them through the batch bar.
        browser.findElement(By.cssSelector("tr[data-username='" + username + "'] input[data-crm-row]")).click();
        assertThat(find("[data-crm-selected-count]").getText()).isEqualTo("1");
        find("[data-test=batch-disable]").click();
        browser.switchTo().alert().accept();
        waitFor(d -> !d.findElements(By.cssSelector("[data-test=flash-success]")).isEmpty());
        assertThat(find("[data-test=flash-success]").getText()).contains("已停用 1 个用户");
        assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username)).isFalse();
    }

    @Test
    void theSystemAdministratorGrowsTheOrganisationTree() {
        signInAdmin("sysadmin");
        open("/admin/org?parent=" + rootOrgCode());
        String code = "E2E" + unique();
        new Select(find("#type")).selectByValue("AREA");  // an area cannot sit directly under the company
        find("#code").sendKeys(code);
        find("#name").sendKeys("南县营销部");
        find("[data-test=org-create-submit]").click();
        assertThat(find("[data-test=error-type]").getText()).contains("不能设在所选上级机构之下");
        screenshot("org-refused");

        new Select(find("#type")).selectByValue("COUNTY");
        find("[data-test=org-create-submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/org"));
        assertThat(find("[data-test=flash-success]").getText()).contains("南县营销部");
        assertThat(find(".crm-tree-node[data-code='" + code + "']").getText()).contains("南县营销部", "县区营销部");

        find(".crm-tree-node[data-code='" + code + "'] a[href*='edit=']").click();
        find("#renameName").clear();
        find("#renameName").sendKeys("南县市场营销部");
        find("[data-test=org-rename] button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin/org"));
        assertThat(find(".crm-tree-node[data-code='" + code + "']").getText()).contains("南县市场营销部");
    }

    @Test
    void theSecurityAdministratorIsToldWhyAnAssignmentBreaksTheSeparationOfDuties() {
        String username = newUser(List.of("CUSTOMER_MANAGER"));
        signInAdmin("secadmin");
        open("/admin/roles/" + username);
        find("#role-SYSTEM_ADMIN").click();
        find("[data-test=roles-save]").click();

        assertThat(find("[data-test=form-errors]").getText()).contains("三权分立");
        assertThat(jdbc.queryForList("select role from user_role r join app_user u on u.id = r.user_id where u.username = ?",
                String.class, username)).containsExactly("CUSTOMER_MANAGER");
        screenshot("roles-refused");

        find("#role-SYSTEM_ADMIN").click();
        find("#role-MARKET_MANAGER").click();
        find("[data-test=roles-save]").click();
        waitFor(d -> d.getCurrentUrl().contains("/admin/roles?q="));
        assertThat(find("[data-test=role-table]").getText()).contains("客户经理", "市场经理");
        screenshot("roles");

        open("/admin/policy");
        String minLength = find("#passwordMinLength").getAttribute("value");
        String lockout = find("#lockoutThreshold").getAttribute("value");
        assertThat(minLength).isNotBlank();
        screenshot("policy");
        find("#passwordMinLength").clear();
        find("#passwordMinLength").sendKeys("5");  // below the policy's floor of 8
        find("#lockoutThreshold").clear();
        find("[data-test=policy-save]").click();
        assertThat(find("[data-test=error-passwordMinLength]").getText()).contains("8");
        assertThat(find("[data-test=error-lockoutThreshold]").getText()).isEqualTo("不能为空");
        screenshot("policy-refused");
        find("#passwordMinLength").clear();
        find("#passwordMinLength").sendKeys(minLength);
        find("#lockoutThreshold").clear();
        find("#lockoutThreshold").sendKeys(lockout);
        find("[data-test=policy-save]").click();
        assertThat(find("[data-test=flash-success]").getText()).contains("安全策略已保存");
    }

    @Test
    void theLanguageSwitchTurnsThePagesIntoEnglishAndBack() {
        signInAdmin("sysadmin");
        find("[data-test=lang-en]").click();
        waitFor(d -> d.findElement(By.cssSelector(".crm-system-name")).getText().startsWith("Retail"));
        assertThat(menuItems()).contains("Users", "Organisation");
        open("/admin/users");  // the choice sticks for the next pages
        assertThat(find("h1").getText()).contains("Users");
        screenshot("users-english");

        find("[data-test=lang-zh]").click();
        waitFor(d -> d.findElement(By.cssSelector(".crm-system-name")).getText().equals("卷烟零售客户管理与服务系统"));
        assertThat(menuItems()).contains("用户管理");

        find("[data-test=logout]").click();
        waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
        assertThat(find(".alert-info").getText()).contains("您已安全退出");
        open("/admin/users");  // the session is gone
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void anUnknownPageShowsTheChineseErrorPage() {
        signInAdmin("sysadmin");
        open("/no/such/page");
        assertThat(find("[data-test=error-status]").getText()).isEqualTo("404");
        assertThat(find("[data-test=error-message]").getText()).contains("不存在");
        screenshot("error-404");
    }
}
