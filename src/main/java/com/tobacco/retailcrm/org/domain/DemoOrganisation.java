package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示组织 — with {@code crm.demo=true}, a tree that holds only the company gets a realistic organisation: the
 * marketing centre's departments, the monopoly administration, and three county marketing departments with their
 * market-manager areas. Runs once: a tree with anything under the company is left alone.
 */
@Component
@Order(20)
class DemoOrganisation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    /** Code, name, type, parent code ({@code null}: the company). Parents come before their children. */
    record Unit(String code, String name, OrgUnitType type, String parent) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit("MKT", "市场部", OrgUnitType.DEPARTMENT, null),
            new Unit("DIST", "配送部", OrgUnitType.DEPARTMENT, null),
            new Unit("SALES", "销售部", OrgUnitType.DEPARTMENT, null),
            new Unit("SVC", "客服部", OrgUnitType.DEPARTMENT, null),
            new Unit("MON", "专卖管理所", OrgUnitType.DEPARTMENT, null),
            new Unit("CITY", "城区营销部", OrgUnitType.COUNTY, null),
            new Unit("CITY-A1", "城区第一市场片区", OrgUnitType.AREA, "CITY"),
            new Unit("CITY-A2", "城区第二市场片区", OrgUnitType.AREA, "CITY"),
            new Unit("CITY-A3", "城区第三市场片区", OrgUnitType.AREA, "CITY"),
            new Unit("EAST", "东县营销部", OrgUnitType.COUNTY, null),
            new Unit("EAST-A1", "东县城关片区", OrgUnitType.AREA, "EAST"),
            new Unit("EAST-A2", "东县乡镇片区", OrgUnitType.AREA, "EAST"),
            new Unit("WEST", "西县营销部", OrgUnitType.COUNTY, null),
            new Unit("WEST-A1", "西县城关片区", OrgUnitType.AREA, "WEST"),
            new Unit("WEST-A2", "西县乡镇片区", OrgUnitType.AREA, "WEST"));

    private final OrgUnitRepository repository;
    private final OrgUnitService units;
    private final CrmProperties properties;

    DemoOrganisation(OrgUnitRepository repository, OrgUnitService units, CrmProperties properties) {
        this.repository = repository;
        this.units = units;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || repository.count() != 1) {
            return;
        }
        String company = repository.findAll().get(0).getCode();
        for (Unit u : UNITS) {
            units.create(new OrgUnitCommand(u.code(), u.name(), u.type(), u.parent() == null ? company : u.parent()));
        }
        log.info("Demo data: created {} org units under {}", UNITS.size(), company);
    }
}
