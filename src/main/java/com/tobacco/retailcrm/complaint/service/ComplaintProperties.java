package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Callbacks;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.complaint.domain.TimeLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 投诉设置 ({@code crm.complaints.*}): time limits per priority or category.priority, the callback levels each priority
 * needs, how far back a complaint may have been received, and the windows of possible duplicates and repeats.
 */
@ConfigurationProperties(prefix = "crm.complaints")
public record ComplaintProperties(Map<String, TimeLimits.Limit> limits, Map<Priority, List<CallbackLevel>> callbacks,
                                  Duration maxReceivedAge, Duration duplicateWindow, Duration repeatWindow) {

    public ComplaintProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        callbacks = callbacks == null ? Map.of() : Map.copyOf(callbacks);
        maxReceivedAge = maxReceivedAge == null ? Duration.ofDays(30) : maxReceivedAge;
        duplicateWindow = duplicateWindow == null ? Duration.ofDays(7) : duplicateWindow;
        repeatWindow = repeatWindow == null ? Duration.ofDays(30) : repeatWindow;
    }

    TimeLimits timeLimits() {
        return new TimeLimits(limits);
    }

    Callbacks requiredCallbacks() {
        return new Callbacks(callbacks);
    }
}
