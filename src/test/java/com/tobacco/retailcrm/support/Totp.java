package com.tobacco.retailcrm.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' authenticator app: remembers the TOTP secret of every user the helpers enrolled and computes their codes
 * on the application's (test) clock. The application accepts a code once and only a later time step after it, so
 * each code handed out is of a step later than the last one given to that user: now, else the next step (accepted for
 * clock drift), else the test clock moves on 30 s. Two sign-ins of one user within 30 s thus both work.
 */
public final class Totp {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {
    }

    public static void remember(String username, String secret) {
        SECRETS.put(username, secret);
        LAST_STEP.remove(username);
    }

    public static boolean knows(String username) {
        return SECRETS.containsKey(username);
    }

    public static String secretOf(String username) {
        return SECRETS.get(username);
    }

    /** A fresh code for an enrolled user; null for one the helpers did not enrol. */
    public static synchronized String codeFor(String username, MutableClock clock) {
        String secret = SECRETS.get(username);
        if (secret == null) {
            return null;
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        long step = Math.max(now, LAST_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
        if (step > now + 1) {
            clock.advance(Duration.ofSeconds(30));
            return codeFor(username, clock);
        }
        LAST_STEP.put(username, step);
        return code(secret, step);
    }

    public static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
