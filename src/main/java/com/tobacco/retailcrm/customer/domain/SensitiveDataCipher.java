package com.tobacco.retailcrm.customer.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest with AES-256-GCM or SM4-GCM (国密, Bouncy Castle), chosen by
 * {@code crm.crypto.algorithm}. Ciphertext is {@code ALG:keyId:base64(iv|ciphertext|tag)}, so values written under
 * either algorithm stay readable after the setting changes. Phones also get an HMAC-SHA256 keyed hash for
 * exact search without decrypting.
 */
@Component
public class SensitiveDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String algorithm;
    private final String keyId;
    private final SecretKeySpec aesKey;
    private final SecretKeySpec sm4Key;
    private final SecretKeySpec hashKey;
    private final Provider bouncyCastle = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    /*
     * Cipher and Mac instances are not thread-safe but are costly to look up and key (a bulk import seals and hashes
     * some hundred thousand values): each thread keeps its own, keyed once. A Cipher is initialised again with a
     * fresh IV for every value, as GCM requires.
     */
    private final ThreadLocal<Map<String, Cipher>> ciphers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SensitiveDataCipher(DataKeys keys, @Value("${crm.crypto.algorithm:AES}") String algorithm) {
        this.algorithm = algorithm.strip().toUpperCase(Locale.ROOT);
        if (!this.algorithm.equals("AES") && !this.algorithm.equals("SM4")) {
            throw new IllegalStateException("crm.crypto.algorithm must be AES or SM4, not " + algorithm);
        }
        this.keyId = keys.keyId();
        this.aesKey = new SecretKeySpec(keys.derive("customer-data/aes-256-gcm", 32), "AES");
        this.sm4Key = new SecretKeySpec(keys.derive("customer-data/sm4-gcm", 16), "SM4");
        this.hashKey = new SecretKeySpec(keys.derive("customer-data/phone-hmac", 32), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(algorithm, Cipher.ENCRYPT_MODE, iv).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return algorithm + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[1].equals(keyId)) {
            throw new IllegalStateException("value was encrypted with another key (" + (parts.length > 1 ? parts[1] : "?") + ")");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher c = cipher(parts[0], Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The keyed hash of a phone's digits, or null for no phone. */
    public String phoneHash(String phone) {
        String digits = PhoneNumber.digits(phone);
        if (digits == null || digits.isEmpty()) {
            return null;
        }
        return keyedHash(digits);
    }

    /**
     * The keyed hash of a phone's last four digits (尾号), or null: lets search find a customer by "5678" without the
     * archive keeping any part of the number in clear. Prefixed so it never equals a full number's hash.
     */
    public String phoneTailHash(String phone) {
        String tail = PhoneNumber.tail(phone);
        return tail == null ? null : keyedHash("tail:" + tail);
    }

    /** The keyed hash of a fixed line's number without its area code, or null (a mobile, or no phone). */
    public String phoneLocalHash(String phone) {
        String local = PhoneNumber.local(phone);
        return local == null ? null : localNumberHash(local);
    }

    /** The keyed hash of a local number's digits (a fixed line without its area code). */
    public String localNumberHash(String digits) {
        return keyedHash("local:" + digits);
    }

    /** The keyed hash (HMAC-SHA256) of a text: equal texts give equal hashes, and the text cannot be guessed back. */
    public String keyedHash(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Cipher cipher(String alg, int mode, byte[] iv) throws GeneralSecurityException {
        Map<String, Cipher> mine = ciphers.get();
        Cipher c = mine.get(alg);
        if (c == null) {
            c = switch (alg) {
                case "AES" -> Cipher.getInstance("AES/GCM/NoPadding");
                case "SM4" -> Cipher.getInstance("SM4/GCM/NoPadding", bouncyCastle);
                default -> throw new GeneralSecurityException("unknown algorithm " + alg);
            };
            mine.put(alg, c);
        }
        c.init(mode, alg.equals("AES") ? aesKey : sm4Key, new GCMParameterSpec(TAG_BITS, iv));
        return c;
    }

    /** A keyed-hash instance for this thread, initialised once: doFinal leaves it ready for the next text. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
