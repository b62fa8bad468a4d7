package com.tobacco.retailcrm.org.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read access to the organisation tree for other modules. */
public interface OrgDirectory {

    Optional<OrgUnitRef> findByCode(String code);

    Optional<OrgUnitRef> findById(long id);

    /** The unit's code: codes never change, so this is read from the database once per unit and node. */
    Optional<String> codeOf(long id);

    /** The unit and every unit below it. */
    Set<Long> subtreeIds(long orgUnitId);

    /** The county marketing department the unit belongs to (itself, or its nearest COUNTY ancestor). */
    Optional<OrgUnitRef> countyOf(long orgUnitId);

    List<OrgUnitRef> all();
}
