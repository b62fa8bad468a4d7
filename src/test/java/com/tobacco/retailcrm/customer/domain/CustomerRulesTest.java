package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerRulesTest {

    private static Customer customer(String status) {
        return new Customer(1L, 1L, 3, Map.of("customerCode", "12345678", "status", status, "storeName", "华信超市"));
    }

    @Test
    void businessStaffMayRequestChangesButNotTheLeaderNorAdminsNorForACancelledCustomer() {
        for (Role role : Role.values()) {
            var user = new CurrentUser(1, "u", "u", 1, Set.of(role), false);
            assertThat(EditPermissions.mayRequestChanges(user, "ACTIVE")).as("%s", role)
                    .isEqualTo(!role.isAdmin() && role != Role.LEADER);
            assertThat(EditPermissions.mayRequestChanges(user, "CANCELLED")).as("%s, cancelled", role).isFalse();
        }
        var leaderAndManager = new CurrentUser(1, "u", "u", 1, Set.of(Role.LEADER, Role.CUSTOMER_MANAGER), false);
        assertThat(EditPermissions.mayRequestChanges(leaderAndManager, "SUSPENDED")).isTrue();
    }

    @Test
    void statusMovesPendingToActiveAndBetweenActiveAndSuspendedThenToCancelled() {
        assertThat(CustomerStatus.PENDING.mayMoveTo(CustomerStatus.ACTIVE)).isTrue();
        assertThat(CustomerStatus.ACTIVE.mayMoveTo(CustomerStatus.SUSPENDED)).isTrue();
        assertThat(CustomerStatus.SUSPENDED.mayMoveTo(CustomerStatus.ACTIVE)).isTrue();
        assertThat(CustomerStatus.SUSPENDED.mayMoveTo(CustomerStatus.CANCELLED)).isTrue();
        assertThat(CustomerStatus.PENDING.mayMoveTo(CustomerStatus.SUSPENDED)).isFalse();
        assertThat(CustomerStatus.ACTIVE.mayMoveTo(CustomerStatus.PENDING)).isFalse();
        assertThat(CustomerStatus.CANCELLED.mayMoveTo(CustomerStatus.ACTIVE)).isFalse();
    }

    @Test
    void statusChangeNeedsAReason() {
        assertThatThrownBy(() -> customer("ACTIVE").apply(Map.of("status", "SUSPENDED"), " "))
                .isInstanceOf(BusinessRuleException.class).hasMessage("customer.error.reasonRequired");
        assertThat(customer("ACTIVE").apply(Map.of("status", "SUSPENDED"), "装修停业")).hasSize(1);
    }

    @Test
    void cancelledCustomerIsReadOnly() {
        assertThatThrownBy(() -> customer("CANCELLED").apply(Map.of("storeName", "新名字"), null))
                .isInstanceOf(BusinessRuleException.class).hasMessage("customer.error.cancelled");
    }

    @Test
    void onlyRealDifferencesAreChanges() {
        var diffs = customer("ACTIVE").apply(Map.of("storeName", "华信超市", "contactPerson", "张三"), null);
        assertThat(diffs).extracting(Customer.Difference::field).containsExactly("contactPerson");
    }

    @Test
    void maskingPerDomainRules() {
        assertThat(Masking.mask("mobilePhone", "13812345678")).isEqualTo("138****5678");
        assertThat(Masking.mask("idCardNo", "11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(Masking.mask("bankAccount", "6222021234567890")).isEqualTo("****7890");
        assertThat(Masking.mask("homeAddress", "浙江省杭州市西湖区文三路100号")).isEqualTo("浙江省杭州市****");
        assertThat(Masking.mask("homeAddress", "北京")).isEqualTo("北****");
    }

    @Test
    void pinyinInitialsReadPolyphonesAsInTheName() {
        assertThat(StoreNameInitials.of("华信超市")).isEqualTo("hxcs");
        assertThat(StoreNameInitials.of("重庆小面")).isEqualTo("cqxm");
        assertThat(StoreNameInitials.of("长城烟酒")).isEqualTo("ccyj");
        assertThat(StoreNameInitials.of("银行路便利店")).isEqualTo("yhlbld");
        assertThat(StoreNameInitials.of("乐购超市")).isEqualTo("lgcs");
        assertThat(StoreNameInitials.of("ABC便利店1号")).isEqualTo("abcbld1h");
    }
}
