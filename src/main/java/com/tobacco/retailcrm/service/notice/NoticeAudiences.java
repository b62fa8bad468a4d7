package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * 受众 — what an audience may name and what it means: counties of the org tree, the archive's retail formats, and
 * three-part class codes ({@code 1-2-1}: market type, format, scale, docs/domain/classification.md) built from the same dictionary.
 * An unknown code is refused with 422 naming the field; the labels are the compose form's Chinese choices.
 */
@Component
class NoticeAudiences {

    private final OrgDirectory orgs;
    private final CustomerFields fields;

    NoticeAudiences(OrgDirectory orgs, CustomerFields fields) {
        this.orgs = orgs;
        this.fields = fields;
    }

    /** A choice of the compose form. */
    record Choice(String code, String label) {
    }

    /** The audience as SQL arguments; 422 naming the field for a code the archive does not know. */
    NoticeStore.Filter filter(Notice.Audience a) {
        List<Long> counties = new ArrayList<>();
        for (String code : a.countyCodes()) {
            counties.add(orgs.findByCode(code).filter(u -> u.type() == OrgUnitType.COUNTY).map(OrgUnitRef::id)
                    .orElseThrow(() -> unknown("audience.countyCodes", code)));
        }
        a.retailFormats().stream().filter(f -> option("retailFormat", f).isEmpty()).findFirst()
                .ifPresent(f -> {
                    throw unknown("audience.retailFormats", f);
                });
        a.customerClasses().stream().filter(c -> classLabel(c, Locale.CHINA).isEmpty()).findFirst()
                .ifPresent(c -> {
                    throw unknown("audience.customerClasses", c);
                });
        return new NoticeStore.Filter(counties.toArray(Long[]::new), a.retailFormats().toArray(String[]::new),
                a.customerClasses().toArray(String[]::new));
    }

    List<Choice> counties() {
        return orgs.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY)
                .map(u -> new Choice(u.code(), u.name())).toList();
    }

    List<Choice> formats(Locale locale) {
        return options("retailFormat").stream().map(o -> new Choice(o.code(), o.label(locale))).toList();
    }

    /** Every three-part class: market type × format × scale, labelled like 城网·便利店·大. */
    List<Choice> classes(Locale locale) {
        List<Choice> all = new ArrayList<>();
        for (EnumOption market : options("marketType")) {
            for (EnumOption format : options("retailFormat")) {
                for (EnumOption scale : options("businessScale")) {
                    all.add(new Choice(market.code() + "-" + format.code() + "-" + scale.code(),
                            market.label(locale) + "·" + format.label(locale) + "·" + scale.label(locale)));
                }
            }
        }
        return all;
    }

    /** The audience in words for pages: each dimension's labels, 全部 where it does not narrow. */
    Map<String, List<String>> describe(Notice.Audience a, Locale locale) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("countyCodes", labels(a.countyCodes(), c -> orgs.findByCode(c).map(OrgUnitRef::name)));
        out.put("retailFormats", labels(a.retailFormats(), f -> option("retailFormat", f).map(o -> o.label(locale))));
        out.put("customerClasses", labels(a.customerClasses(), c -> classLabel(c, locale)));
        return out;
    }

    Optional<String> classLabel(String code, Locale locale) {
        String[] parts = code == null ? new String[0] : code.split("-", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var market = option("marketType", parts[0]);
        var format = option("retailFormat", parts[1]);
        var scale = option("businessScale", parts[2]);
        if (market.isEmpty() || format.isEmpty() || scale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(market.get().label(locale) + "·" + format.get().label(locale) + "·" + scale.get().label(locale));
    }

    private static List<String> labels(List<String> codes, Function<String, Optional<String>> label) {
        return codes.stream().map(c -> label.apply(c).orElse(c)).toList();
    }

    private Optional<EnumOption> option(String field, String code) {
        return options(field).stream().filter(o -> o.code().equals(code)).findFirst();
    }

    private List<EnumOption> options(String field) {
        return fields.find(field).map(f -> f.options() == null ? List.<EnumOption>of() : f.options()).orElse(List.of());
    }

    private static BusinessRuleException unknown(String field, String code) {
        return new BusinessRuleException("notice.error.unknownCode", field, code);
    }
}
