package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.service.api.VisitCoverage;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Visits, plans and coverage as JSON (docs/api.md field names) with people's and counties' names beside the codes. */
@Component
public class VisitJson {

    private final UserDirectory users;
    private final OrgDirectory org;
    private final CustomerFields fields;
    private final Messages messages;
    private final ZoneId zone;

    VisitJson(UserDirectory users, OrgDirectory org, CustomerFields fields, Messages messages, CrmProperties crm) {
        this.users = users;
        this.org = org;
        this.fields = fields;
        this.messages = messages;
        this.zone = crm.zone();
    }

    public Map<String, Object> visit(Visit v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("customerCode", v.customerCode());
        m.put("storeName", v.storeName());
        m.put("customerManager", v.customerManager());
        m.put("visitedBy", v.visitedBy());
        m.put("visitedByName", name(v.visitedBy()));
        m.put("visitedAt", v.visitedAt().atZone(zone).toOffsetDateTime());
        m.put("visitDate", v.visitDate());
        m.put("purpose", v.purpose().name());
        m.put("purposeName", messages.text("visit.purpose." + v.purpose()));
        m.put("findings", v.findings());
        m.put("salesAnomaly", v.salesAnomaly());
        m.put("checkedFields", v.checkedFields());
        m.put("wrongFields", v.wrongFields());
        m.put("nextActions", v.nextActions());
        m.put("createdAt", v.createdAt().atZone(zone).toOffsetDateTime());
        return m;
    }

    public Map<String, Object> photo(VisitPhoto p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("visitId", p.visitId());
        m.put("contentType", p.contentType());
        m.put("sizeBytes", p.sizeBytes());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("uploadedBy", p.uploadedBy());
        m.put("uploadedAt", p.uploadedAt().atZone(zone).toOffsetDateTime());
        m.put("url", "/api/v1/visits/" + p.visitId() + "/photos/" + p.id());
        return m;
    }

    public Map<String, Object> due(VisitPlans.Due d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerCode", d.customerCode());
        m.put("storeName", d.storeName());
        m.put("manager", d.manager());
        m.put("managerName", name(d.manager()));
        m.put("cycle", d.cycle().name());
        m.put("cycleName", messages.text("visit.cycle." + d.cycle()));
        m.put("lastVisit", d.lastVisit());
        m.put("dueOn", d.dueOn());
        m.put("overdue", d.overdue());
        return m;
    }

    /** docs/api.md's coverage document, with counties beside the managers (for the page and the GIS). */
    public Map<String, Object> coverage(YearMonth month, List<CoverageReport.Cell> cells) {
        Names names = new Names(cells);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", month.toString());
        List<Map<String, Object>> managers = new ArrayList<>();
        CoverageReport.sum(cells, c -> c.manager() == null ? "" : c.manager()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("manager", e.getKey().isEmpty() ? null : e.getKey());
                    line.put("managerName", e.getKey().isEmpty() ? messages.text("visit.page.unassigned")
                            : names.person(e.getKey()));
                    line.putAll(figures(e.getValue()));
                    managers.add(line);
                });
        m.put("managers", managers);
        m.put("areas", areas(cells, names));
        List<Map<String, Object>> counties = new ArrayList<>();
        CoverageReport.sum(cells, CoverageReport.Cell::countyId).entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry::getKey)).forEach(e -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    var unit = Optional.ofNullable(names.unitsById.get(e.getKey()));
                    line.put("countyCode", unit.map(u -> u.code()).orElse(null));
                    line.put("countyName", unit.map(u -> u.name()).orElse("—"));
                    line.putAll(figures(e.getValue()));
                    counties.add(line);
                });
        m.put("counties", counties);
        m.put("total", figures(CoverageReport.total(cells)));
        return m;
    }

    /**
     * The managers and org units one coverage document names, read once for the whole document: looked up line by
     * line they cost a few queries per manager, which at a company's 150 managers was most of the request.
     */
    private final class Names {

        private final Map<String, UserRef> managers;
        private final Map<Long, OrgUnitRef> unitsById = new HashMap<>();
        private final Map<String, OrgUnitRef> unitsByCode = new HashMap<>();

        Names(List<CoverageReport.Cell> cells) {
            managers = users.findAll(cells.stream().map(CoverageReport.Cell::manager).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet()));
            org.all().forEach(u -> {
                unitsById.put(u.id(), u);
                unitsByCode.put(u.code(), u);
            });
        }

        String person(String username) {
            UserRef user = managers.get(username);
            return user == null ? username : user.displayName();
        }

        /** The AREA unit the manager belongs to, or the nearest above; none for a manager outside any area. */
        Optional<OrgUnitRef> areaOf(String manager) {
            UserRef user = managers.get(manager);
            OrgUnitRef unit = user == null ? null : unitsById.get(user.orgUnitId());
            while (unit != null && unit.type() != OrgUnitType.AREA && unit.parentCode() != null) {
                unit = unitsByCode.get(unit.parentCode());
            }
            return Optional.ofNullable(unit).filter(u -> u.type() == OrgUnitType.AREA);
        }
    }

    /**
     * By area (片区): a manager's customers count for the AREA unit the manager belongs to (or the nearest above);
     * a manager outside any area, or none, is reported under no area ({@code areaCode} null).
     */
    private List<Map<String, Object>> areas(List<CoverageReport.Cell> cells, Names names) {
        Map<String, VisitCoverage> sums = CoverageReport.sum(cells, c -> c.manager() == null ? ""
                : names.areaOf(c.manager()).map(OrgUnitRef::code).orElse(""));
        List<Map<String, Object>> areas = new ArrayList<>();
        sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            OrgUnitRef unit = names.unitsByCode.get(e.getKey());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("areaCode", unit == null ? null : unit.code());
            line.put("areaName", unit == null ? messages.text("visit.page.noArea") : unit.name());
            line.put("countyName", unit == null || unit.parentCode() == null ? null
                    : Optional.ofNullable(names.unitsByCode.get(unit.parentCode())).map(OrgUnitRef::name).orElse(null));
            line.putAll(figures(e.getValue()));
            areas.add(line);
        });
        return areas;
    }

    static Map<String, Object> figures(VisitCoverage c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("due", c.due());
        m.put("visited", c.visited());
        m.put("coverage", c.ratio() == null ? null : c.ratio().toPlainString());
        return m;
    }

    public String name(String username) {
        return username == null ? null : users.find(username).map(UserRef::displayName).orElse(username);
    }

    public String fieldLabel(String key) {
        return fields.find(key).map(f -> f.label(LocaleContextHolder.getLocale())).orElse(key);
    }
}
