package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.shared.api.InvalidInputException;

/** The version a client sends back, in the body or as {@code If-Match: "<version>"}; null when it sends none. */
public final class Versions {

    private Versions() {
    }

    public static Long of(Long inBody, String ifMatch) {
        if (inBody != null) {
            if (inBody < 0) {
                throw new InvalidInputException("version", "{rating.error.version}");
            }
            return inBody;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replace("\"", "");
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidInputException("version", "{rating.error.version}");
        }
        return Long.parseLong(v);
    }
}
