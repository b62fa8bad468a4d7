package com.tobacco.retailcrm.security.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to users for other modules. */
public interface UserDirectory {

    Optional<UserRef> find(String username);

    /** The users of these usernames by username, in one lookup (a report naming many people); unknown ones left out. */
    Map<String, UserRef> findAll(Collection<String> usernames);

    /** Enabled users holding the role whose org unit lies in the given unit's subtree. */
    List<UserRef> withRoleUnder(Role role, long orgUnitId);

    /** The users who report to this one, directly or through others. */
    List<UserRef> reportsOf(String username);

    /** The backup (AB岗) acting for the user on that day, if any. */
    Optional<UserRef> backupOn(String username, LocalDate day);

    /** The users whose backup (AB岗) on that day is this user: the inverse of {@link #backupOn}. */
    List<UserRef> backedUpBy(String backupUsername, LocalDate day);

    DataScope scopeOf(CurrentUser user);
}
