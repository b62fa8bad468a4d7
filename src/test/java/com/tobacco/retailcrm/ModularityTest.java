package com.tobacco.retailcrm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of the modular monolith: each capability uses only the others' API packages. */
class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersApi() {
        ApplicationModules.of(RetailCrmApplication.class).verify();
    }
}
