package com.tobacco.retailcrm.shared.api;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * 人员姓名 — people by name for a module that may not depend on the one that keeps the users (the audit log, which
 * every module writes to, shows who did what by name).
 */
public interface PersonNames {

    /** The display name of each username that belongs to someone; usernames nobody has are left out. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** The usernames of the people whose username or display name is exactly this text. */
    Set<String> usernamesCalled(String text);
}
