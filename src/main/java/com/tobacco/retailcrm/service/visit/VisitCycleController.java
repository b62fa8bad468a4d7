package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.shared.api.SentVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The default visit cycles by business scale (docs/api.md): read by everyone in the business, set by 市场部. */
@RestController
@RequestMapping("/api/v1/settings/visit-cycles")
class VisitCycleController {

    private static final SentVersion VERSION = new SentVersion("If-Match", "{service.error.version}");

    private final VisitCycleSettings settings;

    VisitCycleController(VisitCycleSettings settings) {
        this.settings = settings;
    }

    record Body(Map<String, String> byScale, String unclassified, Long version) {
    }

    @GetMapping
    @PreAuthorize(ServiceItemController.BUSINESS)
    Map<String, Object> get() {
        return json(settings.current());
    }

    @PutMapping
    @PreAuthorize("hasRole('MARKET_DEPT')")
    Map<String, Object> put(@RequestBody(required = false) Body body,
                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Body b = body == null ? new Body(null, null, null) : body;
        Long version = VERSION.of(b.version(), ifMatch);
        return json(settings.replace(b.byScale(), b.unclassified(), version));
    }

    static Map<String, Object> json(VisitCycleSettings.Cycles c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> byScale = new LinkedHashMap<>();
        c.byScale().forEach((k, v) -> byScale.put(k, v.name()));
        m.put("byScale", byScale);
        m.put("unclassified", c.unclassified().name());
        m.put("version", c.version());
        return m;
    }
}
