package com.tobacco.retailcrm.service.supply;

/** 货源类别 of a brand: only GENERAL (常销) brands may be supplied in an emergency; SCARCE (紧俏) and CONTROLLED (控量) never. */
enum SupplyClass {
    GENERAL, SCARCE, CONTROLLED;

    boolean allowedInEmergency() {
        return this == GENERAL;
    }
}
