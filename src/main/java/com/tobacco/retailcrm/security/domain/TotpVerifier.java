package com.tobacco.retailcrm.security.domain;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Time-based one-time passwords (RFC 6238) for multi-factor sign-in, on the application's clock. */
@Component
class TotpVerifier {

    private final CodeVerifier verifier;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    TotpVerifier(Clock clock) {
        TimeProvider time = () -> clock.instant().getEpochSecond();
        var v = new DefaultCodeVerifier(new DefaultCodeGenerator(), time);
        v.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = v;
    }

    String newSecret() {
        return secrets.generate();
    }

    boolean valid(String secret, String code) {
        return secret != null && code != null && code.matches("\\d{6}") && verifier.isValidCode(secret, code);
    }
}
