package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示用户 — with {@code crm.demo=true}, a system whose only users are the three bootstrap administrators gets at
 * least one user per role, seated in the demo organisation with the reporting line customer manager → market
 * manager → county head, all with the password {@value #PASSWORD} and not asked to change it (a demo must be
 * usable at once). Runs once: any other user present means it has run, or the system is real.
 */
@Component
@Order(25)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo#2026crm";
    /**
     * The demo's administrators and leader must sign in with MFA like real ones; their authenticator secret is this
     * fixed, published one (README, 'Demo users') so a person can add it to an app. Only ever set with crm.demo=true.
     */
    static final String DEMO_TOTP_SECRET = "RETAILCRMDEMOTOTPSECRETKEYABCDEF";
    private static final String SEEDER = "demo-seed";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo user: {@code orgUnit} is a demo org unit code or {@code null} for the company. */
    record Person(String username, String name, String orgUnit, String supervisor, Set<Role> roles, String phone) {
    }

    static final List<Person> PEOPLE = List.of(
            person("zhaoguoqiang", "赵国强", null, null, Role.LEADER, "13907310001"),
            person("hanlei", "韩磊", null, null, Role.SYSTEM_ADMIN, "13907310002"),
            person("fengxue", "冯雪", null, null, Role.SECURITY_ADMIN, "13907310003"),
            person("caoying", "曹颖", null, null, Role.AUDIT_ADMIN, "13907310004"),
            person("liuyang", "刘洋", "MKT", null, Role.MARKET_DEPT, "13907310011"),
            person("chenjing", "陈静", "DIST", null, Role.DISTRIBUTION_DEPT, "13907310012"),
            person("yangfan", "杨帆", "SALES", null, Role.SALES_DEPT, "13907310013"),
            person("zhouli", "周丽", "SVC", null, Role.SERVICE_AGENT, "13907310014"),
            person("wujun", "吴军", "MON", null, Role.MONOPOLY_OFFICER, "13907310015"),
            person("qianhui", "钱慧", "SVC", null, Role.SERVICE_HEAD, "13907310016"),
            person("songtao", "宋涛", "MKT", null, Role.MARKETING_DEPUTY, "13907310017"),
            person("sunwei", "孙伟", "CITY", null, Role.COUNTY_HEAD, "13907310021"),
            person("wanghaitao", "王海涛", "CITY-A1", "sunwei", Role.MARKET_MANAGER, "13907310022"),
            person("lijuan", "李娟", "CITY-A2", "sunwei", Role.MARKET_MANAGER, "13907310023"),
            person("zhangpeng", "张鹏", "CITY-A3", "sunwei", Role.MARKET_MANAGER, "13907310024"),
            person("zhangwei", "张伟", "CITY-A1", "wanghaitao", Role.CUSTOMER_MANAGER, "13907310031"),
            person("wangfang", "王芳", "CITY-A1", "wanghaitao", Role.CUSTOMER_MANAGER, "13907310032"),
            person("liqiang", "李强", "CITY-A2", "lijuan", Role.CUSTOMER_MANAGER, "13907310033"),
            person("liumin", "刘敏", "CITY-A2", "lijuan", Role.CUSTOMER_MANAGER, "13907310034"),
            person("chenlei", "陈磊", "CITY-A3", "zhangpeng", Role.CUSTOMER_MANAGER, "13907310035"),
            person("zhoujianguo", "周建国", "EAST", null, Role.COUNTY_HEAD, "13907310041"),
            person("hegang", "何刚", "EAST-A1", "zhoujianguo", Role.MARKET_MANAGER, "13907310042"),
            person("luoxia", "罗霞", "EAST-A2", "zhoujianguo", Role.MARKET_MANAGER, "13907310043"),
            person("huangyong", "黄勇", "EAST-A1", "hegang", Role.CUSTOMER_MANAGER, "13907310044"),
            person("zhaojing", "赵静", "EAST-A2", "luoxia", Role.CUSTOMER_MANAGER, "13907310045"),
            person("xuming", "徐明", "WEST", null, Role.COUNTY_HEAD, "13907310051"),
            person("gaofeng", "高峰", "WEST-A1", "xuming", Role.MARKET_MANAGER, "13907310052"),
            person("tangmin", "唐敏", "WEST-A2", "xuming", Role.MARKET_MANAGER, "13907310053"),
            person("wupeng", "吴鹏", "WEST-A1", "gaofeng", Role.CUSTOMER_MANAGER, "13907310054"),
            person("zhengli", "郑丽", "WEST-A2", "tangmin", Role.CUSTOMER_MANAGER, "13907310055"));

    private static Person person(String username, String name, String orgUnit, String supervisor, Role role, String phone) {
        return new Person(username, name, orgUnit, supervisor, EnumSet.of(role), phone);
    }

    private final UserAccountRepository accounts;
    private final UserAdministration users;
    private final OrgDirectory org;
    private final CrmProperties properties;
    private final Clock clock;
    private final SecurityPolicyRepository policies;

    DemoUsers(UserAccountRepository accounts, UserAdministration users, OrgDirectory org, CrmProperties properties,
              Clock clock, SecurityPolicyRepository policies) {
        this.policies = policies;
        this.accounts = accounts;
        this.users = users;
        this.org = org;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || hasUsersBeyondBootstrapAdmins() || org.findByCode("CITY").isEmpty()) {
            return;
        }
        String company = org.all().stream().filter(u -> u.parentCode() == null).map(OrgUnitRef::code).findFirst()
                .orElseThrow();
        for (Person p : PEOPLE) {
            users.create(new UserCommand(p.username(), p.name(), p.orgUnit() == null ? company : p.orgUnit(),
                    p.supervisor(), PASSWORD, p.phone()));
            users.assignRoles(SEEDER, p.username(), p.roles());
            UserAccount account = accounts.findByUsername(p.username()).orElseThrow();
            // The demo password counts as chosen by the user: keep the hash, drop the demand to change it.
            account.changePassword(account.getPasswordHash(), clock.instant());
            if (policies.current().mfaRequiredFor(p.roles())) {
                account.enableMfa(DEMO_TOTP_SECRET);
            }
        }
        log.info("Demo data: created {} users with the password {}; administrators and leaders sign in with MFA, "
                + "TOTP secret {} (see README, 'Demo users')", PEOPLE.size(), PASSWORD, DEMO_TOTP_SECRET);
    }

    private boolean hasUsersBeyondBootstrapAdmins() {
        return accounts.findAll().stream().anyMatch(u -> !BootstrapAdmins.USERNAMES.contains(u.getUsername()));
    }
}
