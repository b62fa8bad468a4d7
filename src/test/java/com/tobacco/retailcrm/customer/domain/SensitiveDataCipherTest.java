package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitiveDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static SensitiveDataCipher cipher(String algorithm, Path dir) {
        return new SensitiveDataCipher(new DataKeys(KEY, "", new CrmProperties(dir, null, false)), algorithm);
    }

    @Test
    void aesAndSm4RoundTripAndReadEachOther(@TempDir Path dir) {
        SensitiveDataCipher aes = cipher("AES", dir);
        SensitiveDataCipher sm4 = cipher("SM4", dir);
        String a = aes.encrypt("11010519491231002X");
        String s = sm4.encrypt("11010519491231002X");
        assertThat(a).startsWith("AES:").doesNotContain("11010519491231002X");
        assertThat(s).startsWith("SM4:").doesNotContain("11010519491231002X");
        assertThat(aes.decrypt(s)).isEqualTo("11010519491231002X");
        assertThat(sm4.decrypt(a)).isEqualTo("11010519491231002X");
        assertThat(aes.encrypt("x")).as("random IV").isNotEqualTo(aes.encrypt("x"));
    }

    @Test
    void phoneHashIsKeyedAndIgnoresPunctuation(@TempDir Path dir) {
        SensitiveDataCipher c = cipher("AES", dir);
        assertThat(c.phoneHash("0571-87654321")).isEqualTo(c.phoneHash("057187654321")).hasSize(64);
        assertThat(c.phoneHash("13812345678")).isNotEqualTo(c.phoneHash("13812345679"));
    }

    @Test
    void generatedKeyIsOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        var first = new SensitiveDataCipher(new DataKeys("", "", new CrmProperties(dir, null, false)), "AES");
        Path file = dir.resolve("keys/data.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var second = new SensitiveDataCipher(new DataKeys("", "", new CrmProperties(dir, null, false)), "AES");
        assertThat(second.decrypt(first.encrypt("秘密"))).isEqualTo("秘密");
    }

    @Test
    void unknownAlgorithmOrForeignKeyIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> cipher("DES", dir)).isInstanceOf(IllegalStateException.class);
        String other = new SensitiveDataCipher(new DataKeys(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32}), "", new CrmProperties(dir, null, false)), "AES").encrypt("x");
        assertThatThrownBy(() -> cipher("AES", dir).decrypt(other)).isInstanceOf(IllegalStateException.class);
    }
}
