package com.tobacco.retailcrm.security.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The second factor's codes, each accepted once: a TOTP code only if its time step is later than the last one
 * accepted (RFC 6238 §5.2; the check and the record are one conditional UPDATE, so two nodes cannot both accept it),
 * and 恢复码 (recovery codes) that are crossed out when used.
 */
@Component
class MfaCodes {

    static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcTemplate jdbc;
    private final TotpVerifier totp;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MfaCodes(JdbcTemplate jdbc, TotpVerifier totp, Clock clock) {
        this.jdbc = jdbc;
        this.totp = totp;
        this.clock = clock;
    }

    /** A TOTP code or a recovery code; true when it is right and had not been used. */
    boolean accept(long userId, String secret, String code) {
        if (code != null && isRecoveryCode(code)) {
            return jdbc.update("update mfa_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null",
                    Timestamp.from(clock.instant()), userId, hash(normalise(code))) > 0;
        }
        return acceptTotp(userId, secret, code);
    }

    /** A TOTP code only (enrolment proves the authenticator, not a recovery code). */
    boolean acceptTotp(long userId, String secret, String code) {
        var step = totp.step(secret, code);
        return step.isPresent() && jdbc.update(
                "update app_user set mfa_last_step = ? where id = ? and (mfa_last_step is null or mfa_last_step < ?)",
                step.getAsLong(), userId, step.getAsLong()) > 0;
    }

    /** New recovery codes replacing any earlier ones, in clear text for the user to keep; only hashes are stored. */
    List<String> issueRecoveryCodes(long userId) {
        jdbc.update("delete from mfa_recovery_code where user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomChars(4) + "-" + randomChars(4);
            jdbc.update("insert into mfa_recovery_code (user_id, code_hash) values (?, ?)", userId, hash(code));
            codes.add(code);
        }
        return codes;
    }

    void forget(long userId) {
        jdbc.update("delete from mfa_recovery_code where user_id = ?", userId);
        jdbc.update("update app_user set mfa_last_step = null where id = ?", userId);
    }

    static boolean isRecoveryCode(String code) {
        return normalise(code).matches("[a-z0-9]{4}-[a-z0-9]{4}");
    }

    private static String normalise(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }

    private String randomChars(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
