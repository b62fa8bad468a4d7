package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The password strength rule: at least ten characters from at least three of four classes. */
class SecurityPolicyTest {

    static SecurityPolicy defaults() {
        var policy = new SecurityPolicy();
        policy.update(new PolicySettings(10, 3, 5, 90, 5, 15, 15, 20, 480, false, 0L));
        return policy;
    }

    @ParameterizedTest(name = "{0} has {1} classes")
    @CsvSource({"abcdefghij, 1", "abcdeFGHIJ, 2", "abcde12345, 2", "abcDE12345, 3", "abc!E12345, 4", "密码密码密码密码密码, 0",
            "'abc de 123', 2"})
    void characterClassesAreCounted(String password, int classes) {
        assertThat(SecurityPolicy.characterClasses(password)).isEqualTo(classes);
    }

    @Test
    void aStrongPasswordHasNoWeakness() {
        assertThat(defaults().weaknesses("Abcdefgh12")).isEmpty();
        assertThat(defaults().weaknesses("Passw0rd!x")).isEmpty();
    }

    @Test
    void tooShortAndTooFewClassesAreBothReported() {
        assertThat(defaults().weaknesses("abc")).containsExactly("error.password.tooShort", "error.password.classes");
        assertThat(defaults().weaknesses("Ab1!")).containsExactly("error.password.tooShort");
        assertThat(defaults().weaknesses("abcdefghijklmnop")).containsExactly("error.password.classes");
        assertThat(defaults().weaknesses(null)).containsExactly("error.password.tooShort");
    }
}
