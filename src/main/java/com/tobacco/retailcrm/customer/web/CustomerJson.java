package com.tobacco.retailcrm.customer.web;

import com.tobacco.retailcrm.customer.api.CustomerRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customer in the API's flat shape: every field by key, plus version, countyCode, completeness, missingFields. */
final class CustomerJson {

    private CustomerJson() {
    }

    static Map<String, Object> of(CustomerRecord r) {
        Map<String, Object> json = new LinkedHashMap<>(r.fields());
        json.put("countyCode", r.countyCode());
        json.put("version", r.version());
        json.put("completeness", r.completeness());
        json.put("missingFields", r.missingFields());
        json.put("maskedFields", r.masked());
        return json;
    }
}
