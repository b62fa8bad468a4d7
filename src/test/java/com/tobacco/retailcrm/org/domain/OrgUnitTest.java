package com.tobacco.retailcrm.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.org.api.OrgUnitType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which kinds of org unit may sit under which. */
class OrgUnitTest {

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource(nullValues = "ROOT", value = {
            "COMPANY, ROOT, true", "COMPANY, COMPANY, false", "DEPARTMENT, ROOT, false", "COUNTY, ROOT, false",
            "AREA, ROOT, false",
            "DEPARTMENT, COMPANY, true", "DEPARTMENT, DEPARTMENT, true", "DEPARTMENT, COUNTY, false",
            "COUNTY, COMPANY, true", "COUNTY, DEPARTMENT, true", "COUNTY, COUNTY, false", "COUNTY, AREA, false",
            "AREA, COUNTY, true", "AREA, COMPANY, false", "AREA, DEPARTMENT, false", "AREA, AREA, false"})
    void theTreeRule(OrgUnitType child, OrgUnitType parent, boolean allowed) {
        assertThat(OrgUnit.mayBeChildOf(child, parent)).isEqualTo(allowed);
    }
}
