package com.tobacco.retailcrm.maintenance.change;

/**
 * A change request ended: COMPLETED (applied and confirmed) or REJECTED with the reason. Published so the requester
 * can be told (the to-do notifications listen to it).
 */
public record ChangeRequestDecided(long requestId, String requester, String status, String reason) {
}
