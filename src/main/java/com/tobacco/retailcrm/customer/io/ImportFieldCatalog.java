package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The columns of a customer file, read from the field dictionary each time (so a custom field added by the market
 * department is imported and exported at once): every field except photos, which are uploaded one by one, plus
 * the customer's county (所属县区), which the archive keeps beside the fields.
 */
@Component
class ImportFieldCatalog {

    static final String COUNTY_LABEL = "所属县区";

    private final CustomerFields dictionary;

    ImportFieldCatalog(CustomerFields dictionary) {
        this.dictionary = dictionary;
    }

    List<ImportField> fields() {
        List<ImportField> fields = new ArrayList<>();
        for (FieldDefinition d : dictionary.all()) {
            if (d.type() == FieldType.IMAGE) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (EnumOption o : d.options()) {
                options.put(o.code(), o.labelZh());
            }
            fields.add(new ImportField(d.key(), d.labelZh(), d.type().name(), options, !d.system(), d.sensitive()));
            if (d.key().equals("customerCode")) {
                fields.add(new ImportField(ImportField.COUNTY_CODE, COUNTY_LABEL, "TEXT", Map.of(), true, false));
            }
        }
        return fields;
    }
}
