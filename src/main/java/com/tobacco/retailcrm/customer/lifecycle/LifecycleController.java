package com.tobacco.retailcrm.customer.lifecycle;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/{customerCode}/consent}: the consent recorded when the customer's personal data was
 * collected and, once destroyed, what was destroyed and when. For the business roles, within their data scope.
 */
@RestController
class LifecycleController {

    static final String BUSINESS_ROLES = "hasAnyRole('CUSTOMER_MANAGER','MARKET_MANAGER','COUNTY_HEAD',"
            + "'MARKET_DEPT','DISTRIBUTION_DEPT','SALES_DEPT','MONOPOLY_OFFICER','SERVICE_AGENT','LEADER')";

    private final PersonalDataLifecycle lifecycle;
    private final CustomerArchive archive;
    private final UserDirectory users;

    LifecycleController(PersonalDataLifecycle lifecycle, CustomerArchive archive, UserDirectory users) {
        this.lifecycle = lifecycle;
        this.archive = archive;
        this.users = users;
    }

    record ConsentJson(String basis, String obtainedBy, String obtainedByName, Instant obtainedAt, String channel,
                       ErasureJson personalDataDestroyed) {
    }

    record ErasureJson(List<String> fields, Instant cancelledAt, Instant destroyedAt) {
    }

    @GetMapping("/api/v1/customers/{customerCode}/consent")
    @PreAuthorize(BUSINESS_ROLES)
    ConsentJson consent(@PathVariable String customerCode) {
        String code = archive.find(customerCode)
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode)).customerCode();
        PersonalDataLifecycle.Consent consent = lifecycle.consent(code)
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode));
        ErasureJson erasure = lifecycle.erasure(code)
                .map(e -> new ErasureJson(e.fields(), e.cancelledAt(), e.destroyedAt())).orElse(null);
        return new ConsentJson(consent.basis(), consent.obtainedBy(), nameOf(consent.obtainedBy()), consent.obtainedAt(),
                consent.channel(), erasure);
    }

    private String nameOf(String username) {
        return users.find(username).map(UserRef::displayName).orElse(username);
    }
}
