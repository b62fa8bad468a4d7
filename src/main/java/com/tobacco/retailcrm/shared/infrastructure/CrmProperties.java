package com.tobacco.retailcrm.shared.infrastructure;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole application ({@code crm.*}).
 *
 * @param dataDir where the embedded database, keys and photos live ({@code CRM_DATA_DIR}, default {@code ./data})
 * @param zone the company's time zone, in which instants are shown and working time is counted
 * @param demo fill an empty database with demo data ({@code CRM_DEMO=true} or {@code --crm.demo=true})
 */
@ConfigurationProperties(prefix = "crm")
public record CrmProperties(Path dataDir, ZoneId zone, boolean demo) {

    public CrmProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
