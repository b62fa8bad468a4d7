package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer page links to the workflows' change-request form for those who may raise one, and only for them. */
class CustomerPageLinksTest extends CustomerApiTestBase {

    @Test
    void customerPageOffersAChangeRequestToBusinessStaffButNotToTheLeader() throws Exception {
        County c = county();
        String code = createManaged(c, "发起修改单测试店").get("customerCode").asString();
        String leader = "ld" + unique();
        userWithRoles(leader, c.code(), null, List.of("LEADER"));
        String link = "/change-requests/new?customerCode=" + code;

        String managerPage = pageAs(c.managerName(), "/customers/" + code);
        assertThat(managerPage).contains(link).contains("发起修改单");
        String leaderPage = pageAs(leader, "/customers/" + code);
        assertThat(leaderPage).contains("发起修改单测试店").doesNotContain(link);
    }
}
