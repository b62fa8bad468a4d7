package com.tobacco.retailcrm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.complaint.domain.ComplaintLimits;
import com.tobacco.retailcrm.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The limits the intake and the actions check are the widths of the columns that keep the text. */
class ComplaintFieldLimitsTest extends ApiTest {

    @Test
    void everyCheckedLimitFitsItsColumnSoNothingIsCutOnSaving() {
        assertThat(width("customer_code")).isEqualTo(ComplaintLimits.CUSTOMER_CODE);
        assertThat(width("contact_name")).isEqualTo(ComplaintLimits.CONTACT_NAME);
        assertThat(width("accused_employee")).isEqualTo(ComplaintLimits.USERNAME);
        assertThat(width("assignee")).isEqualTo(ComplaintLimits.USERNAME);
        assertThat(width("pause_reason")).isEqualTo(ComplaintLimits.PAUSE_REASON);
        assertThat(width("cause")).isEqualTo(ComplaintLimits.CAUSE);
        // free texts are kept in unbounded columns; the limit is the only bound
        assertThat(width("description")).isNull();
        assertThat(width("reply")).isNull();
    }

    private Integer width(String column) {
        return jdbc.queryForObject("select character_maximum_length from information_schema.columns"
                + " where table_name = 'complaint' and column_name = ?", Integer.class, column);
    }
}
