package com.tobacco.retailcrm.complaint.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 处理时限 — first-response and resolution limits in natural hours per category × priority: a limit set for the pair
 * wins over the priority's, which wins over the built-in defaults (docs/domain/complaint.md: 24 h / 72 h, major 2 h / 48 h; urgent
 * 8 h / 60 h lies between them).
 */
public final class TimeLimits {

    /** The two limits of one kind of complaint. */
    public record Limit(Duration firstResponse, Duration resolution) {

        public Limit {
            if (firstResponse == null || resolution == null || firstResponse.isNegative() || firstResponse.isZero()
                    || resolution.compareTo(firstResponse) < 0) {
                throw new IllegalArgumentException("a limit needs 0 < first response <= resolution: "
                        + firstResponse + " / " + resolution);
            }
        }
    }

    public static final Map<Priority, Limit> DEFAULTS = Map.of(
            Priority.NORMAL, new Limit(Duration.ofHours(24), Duration.ofHours(72)),
            Priority.URGENT, new Limit(Duration.ofHours(8), Duration.ofHours(60)),
            Priority.MAJOR, new Limit(Duration.ofHours(2), Duration.ofHours(48)));

    private final Map<Priority, Limit> byPriority = new EnumMap<>(DEFAULTS);
    private final Map<String, Limit> byPair = new HashMap<>();

    /**
     * @param configured keys {@code NORMAL} (a priority) or {@code STAFF_CONDUCT.MAJOR} (category.priority); an
     *                   unknown key is a configuration mistake and refused at start
     */
    public TimeLimits(Map<String, Limit> configured) {
        configured.forEach((key, limit) -> {
            String[] parts = key.split("\\.");
            if (parts.length == 1) {
                byPriority.put(Priority.valueOf(parts[0]), limit);
            } else if (parts.length == 2) {
                byPair.put(Category.valueOf(parts[0]) + "." + Priority.valueOf(parts[1]), limit);
            } else {
                throw new IllegalArgumentException("bad complaint limit key " + key);
            }
        });
    }

    public Limit of(Category category, Priority priority) {
        Limit pair = byPair.get(category + "." + priority);
        return pair != null ? pair : byPriority.get(priority);
    }

    /** The configured limits, priorities first, for the settings shown to users. */
    public List<String> describe() {
        return byPriority.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().firstResponse().toHours() + "h/"
                + e.getValue().resolution().toHours() + "h").toList();
    }
}
