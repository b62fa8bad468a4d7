package com.tobacco.retailcrm.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * 问卷链接令牌 — 32 random bytes (256 bits, far beyond guessing) in URL-safe Base64; only its SHA-256 is stored, so a
 * copy of the database cannot answer for a retailer.
 */
public final class LinkToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token; anything that is not a token of ours still hashes (and then matches nothing). */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
