package com.tobacco.retailcrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No metrics are exposed and nothing traces requests, so the per-request observations Spring would otherwise make on
 * every API call (the HTTP server's request timer, one per filter of the security chain) are switched off; the
 * application's own code makes none.
 */
class RequestObservationsTest extends ApiTest {

    @Autowired
    ObservationRegistry registry;

    @Test
    void requestsAreNeitherTimedNorTracedPerFilterSinceNothingReadsIt() {
        assertThat(Observation.start("http.server.requests", registry).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.filterchains", registry).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authorizations", registry).isNoop()).isTrue();
        assertThat(Observation.start("some.other.observation", registry).isNoop()).as("other observations are left on")
                .isFalse();
    }
}
