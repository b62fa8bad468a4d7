package com.tobacco.retailcrm.customer.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldGroup;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataRetentionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final PersonalDataRetention threeYears = new PersonalDataRetention(Period.ofYears(3), SHANGHAI);

    @Test
    void retentionRunsOutThreeYearsAfterCancellationToTheMinuteInTheCompanysCalendar() {
        Instant cancelled = Instant.parse("2023-02-28T16:30:00Z"); // 2023-03-01 00:30 in Shanghai
        assertThat(threeYears.end(cancelled)).isEqualTo(Instant.parse("2026-02-28T16:30:00Z"));
        assertThat(threeYears.hasRunOut(cancelled, Instant.parse("2026-02-28T16:29:59Z"))).isFalse();
        assertThat(threeYears.hasRunOut(cancelled, Instant.parse("2026-02-28T16:30:00Z"))).isTrue();
    }

    @Test
    void aCustomerCancelledOnTheTwentyNinthOfFebruaryIsDueOnTheTwentyEighthThreeYearsLater() {
        Instant cancelled = Instant.parse("2024-02-29T02:00:00Z");
        assertThat(threeYears.end(cancelled).atZone(SHANGHAI).toLocalDate()).hasToString("2027-02-28");
    }

    @Test
    void theLatestDueCancellationIsTheRetentionBeforeNow() {
        Instant now = Instant.parse("2026-12-03T07:00:00Z");
        Instant latest = threeYears.latestDueCancellation(now);
        assertThat(threeYears.hasRunOut(latest, now)).isTrue();
        assertThat(threeYears.hasRunOut(latest.plusSeconds(1), now)).isFalse();
    }

    @Test
    void theRetentionMustBePositive() {
        assertThatThrownBy(() -> new PersonalDataRetention(Period.ZERO, SHANGHAI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataRetention(Period.ofYears(-1), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void personalFieldsAreTheSensitiveOnesAndWhatIsSaidOfThePeopleBehindTheShop() {
        List<FieldDefinition> dictionary = List.of(field("storeName", false), field("idCardNo", true),
                field("responsiblePerson", false), field("contactPerson", false), field("address", false),
                field("mobilePhone", true), field("birthday", false), field("vulnerableGroup", false),
                field("vulnerableKind", false), field("openedOn", false));
        assertThat(PersonalDataRetention.personalFields(dictionary)).extracting(FieldDefinition::key)
                .containsExactly("idCardNo", "responsiblePerson", "contactPerson", "mobilePhone", "birthday",
                        "vulnerableGroup", "vulnerableKind");
    }

    private static FieldDefinition field(String key, boolean sensitive) {
        return new FieldDefinition(key, FieldGroup.BASIC, key, key, FieldType.TEXT, null, null, null, null, false, null,
                MaintenanceClass.REALTIME, RequiredLevel.OPTIONAL, sensitive, false, 0, List.of(), 0);
    }
}
