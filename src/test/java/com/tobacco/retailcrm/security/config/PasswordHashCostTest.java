package com.tobacco.retailcrm.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The integration tests hash passwords at a low cost to stay fast; what ships must not: the delivered configuration
 * hashes at cost 10 or more, and changing the cost never locks anybody out, because each hash carries its own.
 */
class PasswordHashCostTest {

    @Test
    void theDeliveredConfigurationHashesAtCostTenOrMore() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        int cost = Integer.parseInt(yaml.getObject().getProperty("crm.security.password-hash-cost"));

        assertThat(cost).isGreaterThanOrEqualTo(10);
        assertThat(new SecurityConfiguration().passwordEncoder(cost).encode("Secret#2026ab"))
                .startsWith("{bcrypt}$2a$" + cost + "$");
    }

    @Test
    void aPasswordHashedAtAnotherCostStillMatchesAfterTheCostChanges() {
        String atFour = new SecurityConfiguration().passwordEncoder(4).encode("Secret#2026ab");
        var atTwelve = new SecurityConfiguration().passwordEncoder(12);

        assertThat(atTwelve.matches("Secret#2026ab", atFour)).isTrue();
        assertThat(atTwelve.matches("Secret#2026ac", atFour)).isFalse();
    }
}
