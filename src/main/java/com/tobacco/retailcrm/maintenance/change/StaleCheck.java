package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final CustomerFields fields;

    StaleCheck(CustomerArchive archive, CustomerFields fields) {
        this.archive = archive;
        this.fields = fields;
    }

    /** The labels of the stale fields in the caller's language, joined with 、 for a message; empty when none is. */
    Optional<String> staleLabels(String customerCode, Map<String, String> captured) {
        List<String> stale = staleFields(customerCode, captured);
        return stale.isEmpty() ? Optional.empty() : Optional.of(stale.stream()
                .map(k -> fields.find(k).map(f -> f.label(LocaleContextHolder.getLocale())).orElse(k))
                .collect(Collectors.joining("、")));
    }

    List<String> staleFields(String customerCode, Map<String, String> captured) {
        Map<String, String> now = archive.fingerprints(customerCode, captured.keySet());
        return captured.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), now.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }
}
