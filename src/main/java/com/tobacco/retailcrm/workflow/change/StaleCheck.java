package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * 防覆盖 — the fields of a request that were changed in the archive since it was raised: their stored value's
 * fingerprint differs from the one captured at raise time. Changes to fields the request does not touch are ignored.
 */
@Component
class StaleCheck {

    private final CustomerArchive archive;

    StaleCheck(CustomerArchive archive) {
        this.archive = archive;
    }

    List<String> staleFields(String customerCode, Map<String, String> captured) {
        Map<String, String> now = archive.fingerprints(customerCode, captured.keySet());
        return captured.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), now.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }
}
