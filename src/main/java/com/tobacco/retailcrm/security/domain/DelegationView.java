package com.tobacco.retailcrm.security.domain;

import java.time.LocalDate;

/** 代岗 — a backup acting for a user over a date range (AB岗). */
public record DelegationView(long id, String username, String backup, LocalDate startsOn, LocalDate endsOn) {
}
