package com.tobacco.retailcrm.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.DataScope.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The data scope as a predicate: in memory ({@code includes}) and as SQL ({@code toSql}). */
class DataScopeTest {

    private final DataScope own = new DataScope(Kind.OWN, Set.of("cm1"), Set.of());
    private final DataScope team = new DataScope(Kind.TEAM, Set.of("mm", "cm1", "cm2"), Set.of());
    private final DataScope county = new DataScope(Kind.COUNTY, Set.of(), Set.of(10L, 11L));

    @Test
    void companyScopeIncludesEveryCustomerAndNoneScopeNone() {
        assertThat(DataScope.company().includes("anyone", 99L)).isTrue();
        assertThat(DataScope.company().includes(null, null)).isTrue();
        assertThat(DataScope.none().includes("cm1", 10L)).isFalse();
        assertThat(DataScope.company().toSql("m", "o").sql()).isEqualTo("true");
        assertThat(DataScope.none().toSql("m", "o").sql()).isEqualTo("false");
        assertThat(DataScope.company().toSql("m", "o").args()).isEmpty();
        assertThat(DataScope.none().toSql("m", "o").args()).isEmpty();
    }

    @Test
    void ownAndTeamScopesGoByTheCustomersManagerNotByTheCounty() {
        assertThat(own.includes("cm1", 10L)).isTrue();
        assertThat(own.includes("cm2", 10L)).isFalse();
        assertThat(own.includes(null, 10L)).isFalse();
        assertThat(team.includes("cm2", 99L)).isTrue();
        assertThat(team.includes("other", 10L)).isFalse();
    }

    @Test
    void theManagersAreBoundAsOneArrayArgumentWhateverTheirNumber() {
        var sql = team.toSql("c.customer_manager", "c.county_id");
        assertThat(sql.sql()).isEqualTo("c.customer_manager = any(?)");
        assertThat(sql.args()).hasSize(1);
        assertThat((String[]) sql.args().get(0)).containsExactlyInAnyOrder("mm", "cm1", "cm2");
        var single = own.toSql("m", "o");
        assertThat(single.args()).hasSize(1);
        assertThat((String[]) single.args().get(0)).containsExactly("cm1");
    }

    @Test
    void countyScopeGoesByTheCustomersOrgUnit() {
        assertThat(county.includes("anyone", 11L)).isTrue();
        assertThat(county.includes("cm1", 12L)).isFalse();
        assertThat(county.includes("cm1", null)).isFalse();
        var sql = county.toSql("c.customer_manager", "c.county_id");
        assertThat(sql.sql()).isEqualTo("c.county_id = any(?)");
        assertThat(sql.args()).hasSize(1);
        assertThat((Long[]) sql.args().get(0)).containsExactlyInAnyOrder(10L, 11L);
    }

    @Test
    void kindsAreOrderedFromNarrowestToWidest() {
        assertThat(Kind.values()).containsExactly(Kind.NONE, Kind.OWN, Kind.TEAM, Kind.COUNTY, Kind.COMPANY);
    }
}
