package com.tobacco.retailcrm.maintenance.fields;

import com.tobacco.retailcrm.workflow.api.CaseStepHandler;

/** A case type whose data are archive fields: labelled, shown and kept out of the trail as the dictionary says. */
public abstract class ArchiveCaseHandler implements CaseStepHandler {

    protected final ArchiveCaseFields fields;

    protected ArchiveCaseHandler(ArchiveCaseFields fields) {
        this.fields = fields;
    }

    @Override
    public String label(String key) {
        return fields.label(key);
    }

    @Override
    public String valueText(String key, Object value) {
        return fields.valueText(key, value);
    }

    @Override
    public boolean personal(String key) {
        return fields.personal(key);
    }
}
