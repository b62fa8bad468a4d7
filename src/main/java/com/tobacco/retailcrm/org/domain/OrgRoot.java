package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.org.api.OrgUnitType;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An empty database gets the company as the root of its tree, so the first administrators have a place to sit. */
@Component
@Order(0)
class OrgRoot implements ApplicationRunner {

    private final OrgUnitRepository units;
    private final Clock clock;
    private final String code;
    private final String name;

    OrgRoot(OrgUnitRepository units, Clock clock, @Value("${crm.company.code:HQ}") String code,
            @Value("${crm.company.name:市烟草专卖局（公司）}") String name) {
        this.units = units;
        this.clock = clock;
        this.code = code;
        this.name = name;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() == 0) {
            units.save(new OrgUnit(code, name, OrgUnitType.COMPANY, null, clock.instant()));
        }
    }
}
