package com.tobacco.retailcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sidebar shows a user exactly the entries of their roles, in the declared order, and marks the open page. */
class MenuTest {

    private final Menu menu = new Menu(List.of(
            new MenuEntry("menu.group.audit", "menu.audit", "/admin/audit", "journal-text", Set.of("AUDIT_ADMIN"), 900),
            new MenuEntry("menu.group.system", "menu.users", "/admin/users", "people", Set.of("SYSTEM_ADMIN"), 820),
            new MenuEntry("menu.group.home", "menu.home", "/", "speedometer2", Set.of(), 0),
            new MenuEntry("menu.group.system", "menu.org", "/admin/org", "diagram-3", Set.of("SYSTEM_ADMIN"), 810),
            new MenuEntry("menu.group.customer", "menu.customers", "/customers", "people",
                    Set.of("CUSTOMER_MANAGER", "MARKET_DEPT"), 100)));

    private static CurrentUser user(Role... roles) {
        return new CurrentUser(1, "u", "用户", 1, Set.of(roles), false);
    }

    private static List<String> paths(List<MenuGroup> groups) {
        return groups.stream().flatMap(g -> g.entries().stream()).map(MenuEntry::path).toList();
    }

    @Test
    void aUserSeesTheEntriesOfAnyOfTheirRolesAndTheEntriesForEveryone() {
        assertThat(paths(menu.visibleTo(user(Role.SYSTEM_ADMIN)))).containsExactly("/", "/admin/org", "/admin/users");
        assertThat(paths(menu.visibleTo(user(Role.AUDIT_ADMIN)))).containsExactly("/", "/admin/audit");
        assertThat(paths(menu.visibleTo(user(Role.CUSTOMER_MANAGER, Role.MARKET_DEPT)))).containsExactly("/", "/customers");
        assertThat(paths(menu.visibleTo(user()))).containsExactly("/");
    }

    @Test
    void groupsComeInTheOrderOfTheirLowestEntry() {
        var groups = menu.visibleTo(user(Role.SYSTEM_ADMIN, Role.CUSTOMER_MANAGER));
        assertThat(groups).extracting(MenuGroup::labelKey)
                .containsExactly("menu.group.home", "menu.group.customer", "menu.group.system");
    }

    @Test
    void theActiveEntryIsTheLongestPathThatIsThePageOrAParentOfIt() {
        var groups = menu.visibleTo(user(Role.SYSTEM_ADMIN));
        assertThat(Menu.activePath(groups, "/")).isEqualTo("/");
        assertThat(Menu.activePath(groups, "/admin/users")).isEqualTo("/admin/users");
        assertThat(Menu.activePath(groups, "/admin/users/zhangsan/edit")).isEqualTo("/admin/users");
        assertThat(Menu.activePath(groups, "/admin/usersx")).isNull();
        assertThat(Menu.activePath(groups, "/password")).isNull();
    }
}
