package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every validator with good and bad values, check digits included. */
class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "3301060001", "1234567890123456"})
    void customerCodeIs8To16Digits(String good) {
        assertThat(CustomerCode.isValid(good)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "12345678901234567", "1234567a", "", " 12345678", "１２３４５６７８"})
    void customerCodeRefusesOtherShapes(String bad) {
        assertThat(CustomerCode.isValid(bad)).isFalse();
    }

    @Test
    void licenceNumberIsExactly12Digits() {
        assertThat(LicenceNumber.isValid("330106123456")).isTrue();
        assertThat(LicenceNumber.isValid("33010612345")).isFalse();
        assertThat(LicenceNumber.isValid("3301061234567")).isFalse();
        assertThat(LicenceNumber.isValid("33010612345X")).isFalse();
        assertThatThrownBy(() -> new LicenceNumber("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idCardNumberChecksTheGb11643CheckDigit() {
        assertThat(IdCardNumber.isValid("11010519491231002X")).isTrue();
        assertThat(IdCardNumber.isValid("110105194912310021")).as("wrong check digit").isFalse();
        assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        String first17 = "33010619800101001";
        assertThat(IdCardNumber.isValid(first17 + IdCardNumber.checkCharacter(first17))).isTrue();
    }

    @Test
    void idCardNumberRefusesImpossibleBirthDatesAndShapes() {
        String first17 = "11010519490231002"; // 31 February... 0231
        assertThat(IdCardNumber.isValid(first17 + IdCardNumber.checkCharacter(first17))).isFalse();
        assertThat(IdCardNumber.isValid("11010519491231002x")).as("lower-case x is normalised before, not here").isFalse();
        assertThat(IdCardNumber.isValid("1101051949123100")).isFalse();
    }

    @Test
    void creditCodeChecksTheGb32100CheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91350100M000100Y44")).as("wrong check character").isFalse();
        assertThat(CreditCode.isValid("91350100I000100Y43")).as("I is not in the character set").isFalse();
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        String first17 = "91330106MA2H0A1B2";
        assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "0571-87654321", "010-12345678", "0571-8765432", "010-12345678-123"})
    void phoneIsMobileOrFixedLineWithAreaCode(String good) {
        assertThat(PhoneNumber.isValid(good)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "87654321", "571-87654321", "0571 87654321x", "+8613812345678"})
    void phoneRefusesOthers(String bad) {
        assertThat(PhoneNumber.isValid(bad)).isFalse();
    }

    @Test
    void phoneDigitsMakeFixedLinesComparable() {
        assertThat(PhoneNumber.digits("0571-87654321")).isEqualTo("057187654321");
        assertThat(new PhoneNumber("13812345678").mobile()).isTrue();
        assertThat(new PhoneNumber("010-12345678").mobile()).isFalse();
    }

    @Test
    void bankAccountIs12To30Digits() {
        assertThat(BankAccountNumber.isValid("622202123456")).isTrue();
        assertThat(BankAccountNumber.isValid("6".repeat(30))).isTrue();
        assertThat(BankAccountNumber.isValid("62220212345")).isFalse();
        assertThat(BankAccountNumber.isValid("6".repeat(31))).isFalse();
        assertThat(BankAccountNumber.isValid("6222-0212-3456")).isFalse();
    }

    @Test
    void regionCodeIsSixDigits() {
        assertThat(RegionCode.isValid("330106")).isTrue();
        assertThat(RegionCode.isValid("33010")).isFalse();
        assertThat(RegionCode.isValid("030106")).isFalse();
    }
}
