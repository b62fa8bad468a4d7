package com.tobacco.retailcrm.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How the HTTP-against-bare-SQL benchmarks time one piece of work, the same way for each. */
public final class BenchTiming {

    private BenchTiming() {
    }

    /** Two warm-up runs, then seven measured; sorted microseconds. */
    public static List<Long> time(Runnable work) {
        work.run();
        work.run();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            work.run();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        return micros;
    }
}
