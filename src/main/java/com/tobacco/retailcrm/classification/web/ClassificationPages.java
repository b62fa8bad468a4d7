package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.classification.service.Adjustments;
import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the classification pages and downloads show besides the stored rows: names of formats, counties, reasons. */
@Component
class ClassificationPages {

    private final CustomerFields fields;
    private final OrgDirectory org;
    private final Messages messages;
    private final RunStore store;

    ClassificationPages(CustomerFields fields, OrgDirectory org, Messages messages, RunStore store) {
        this.fields = fields;
        this.org = org;
        this.messages = messages;
        this.store = store;
    }

    /** Retail-format code → name in the caller's language (the configurable list of the field dictionary). */
    Map<String, String> formatNames() {
        return options("retailFormat");
    }

    private Map<String, String> options(String key) {
        var locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        return fields.find(key).map(FieldDefinition::options).orElse(List.of()).stream()
                .collect(Collectors.toMap(EnumOption::code, o -> en ? o.labelEn() : o.labelZh(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    String scaleName(String scale) {
        return scale == null ? "" : messages.text("classification.scale." + scale);
    }

    List<OrgUnitRef> counties() {
        return org.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY).toList();
    }

    Map<Long, String> countyNames() {
        return org.all().stream().collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
    }

    Optional<Long> countyId(String countyCode) {
        if (countyCode == null || countyCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(org.findByCode(countyCode.strip()).filter(u -> u.type() == OrgUnitType.COUNTY)
                .orElseThrow(() -> new NotFoundException("classification.report.error.county", countyCode)).id());
    }

    /**
     * The county a report is read for: any (or all, when none is named) for the market department and leaders; a
     * county head reads only their own county, whatever they name.
     */
    Optional<Long> reportCountyId(String countyCode) {
        CurrentUser user = CurrentUsers.require();
        if (user.has(Role.MARKET_DEPT) || user.has(Role.LEADER)) {
            return countyId(countyCode);
        }
        long own = org.countyOf(user.orgUnitId())
                .orElseThrow(() -> new ForbiddenException("classification.report.error.noCounty")).id();
        if (countyId(countyCode).filter(id -> id != own).isPresent()) {
            throw new ForbiddenException("classification.report.error.otherCounty", countyCode);
        }
        return Optional.of(own);
    }

    String reason(RunStore.Adjustment a) {
        Adjustments.Reason r = Adjustments.reason(a);
        Object[] args = Arrays.stream(r.args()).map(arg -> arg instanceof String s && s.startsWith("{")
                ? messages.text(s) : arg).toArray();
        return messages.text(r.messageKey(), args);
    }

    /** One line of the adjustment report as the page, the API and the download show it. */
    record AdjustmentLine(String countyCode, String countyName, String customerCode, String storeName,
                          String fromClass, String toClass, String reason, long runId, String period) {
    }

    List<AdjustmentLine> adjustments(YearMonth month, Long countyId, long offset, int limit) {
        List<String> periods = Adjustments.periods(month);
        Map<Long, OrgUnitRef> units = org.all().stream().collect(Collectors.toMap(OrgUnitRef::id, Function.identity()));
        return store.adjustments(periods.get(0), periods.get(1), countyId, offset, limit).stream().map(a -> {
            OrgUnitRef county = units.get(a.countyOrgUnitId());
            return new AdjustmentLine(county == null ? "" : county.code(), county == null ? "" : county.name(),
                    a.customerCode(), a.storeName(), a.fromClass(), a.toClass(), reason(a), a.runId(), a.period());
        }).toList();
    }

    long countAdjustments(YearMonth month, Long countyId) {
        List<String> periods = Adjustments.periods(month);
        return store.countAdjustments(periods.get(0), periods.get(1), countyId);
    }
}
