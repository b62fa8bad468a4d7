package com.tobacco.retailcrm.security.config;

import java.io.Serializable;

/** What the sign-in form sends besides username and password: the caller's address and a TOTP code. */
record LoginDetails(String remoteAddress, String totp) implements Serializable {
}
