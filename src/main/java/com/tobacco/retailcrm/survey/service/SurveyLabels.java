package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names for the codes a survey stores: a stratum's options (城网 · 便利店), a county, a customer manager. */
@Component
public class SurveyLabels {

    private final CustomerFields fields;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final Campaigns campaigns;

    SurveyLabels(CustomerFields fields, OrgDirectory org, UserDirectory users, Campaigns campaigns) {
        this.fields = fields;
        this.org = org;
        this.users = users;
        this.campaigns = campaigns;
    }

    public List<Campaigns.Stratum> campaignStrata(long campaignId) {
        return campaigns.strata(campaignId);
    }

    /** "1|2" under strata fields marketType, retailFormat → 城网 · 便利店 (codes whose field is not known stay codes). */
    public String stratum(String stratum, List<String> strataFields) {
        if (stratum == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String[] codes = stratum.split("\\|", -1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            String code = codes[i];
            FieldDefinition f = strataFields != null && i < strataFields.size()
                    ? fields.find(strataFields.get(i)).orElse(null) : null;
            names.add("-".equals(code) ? "（空）" : f == null ? code : f.valueText(code, locale));
        }
        return String.join(" · ", names);
    }

    public String county(long orgUnitId) {
        return org.findById(orgUnitId).map(OrgUnitRef::name).orElse(String.valueOf(orgUnitId));
    }

    public String person(String username) {
        return username == null ? null : users.find(username).map(UserRef::displayName).orElse(username);
    }

    /** The label of a strata field (营业形态 for retailFormat). */
    public String field(String key) {
        return fields.find(key).map(f -> f.label(LocaleContextHolder.getLocale())).orElse(key);
    }
}
