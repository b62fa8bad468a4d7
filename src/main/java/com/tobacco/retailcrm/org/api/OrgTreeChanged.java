package com.tobacco.retailcrm.org.api;

/**
 * Published inside the transaction that adds or moves an org unit, so that what other modules derived from the tree
 * (the units of a county's data scope) is forgotten once it commits. Other nodes hear it from the database (V220).
 */
public record OrgTreeChanged(String orgUnitCode) {
}
