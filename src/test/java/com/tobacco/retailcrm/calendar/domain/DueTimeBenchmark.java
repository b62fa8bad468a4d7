package com.tobacco.retailcrm.calendar.domain;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Due computations per second on one thread over random starts and limits on the 2024–2026 statutory calendar.
 * Run with {@code ./mvnw -Pbench test-compile exec:exec}; the goal is at least 1,000,000 ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DueTimeBenchmark {

    private static final int SIZE = 4096;

    private CalendarSnapshot calendar;
    private Instant[] starts;
    private BigDecimal[] amounts;
    private WorkTimeUnit[] units;
    private int next;

    @Setup
    public void setUp() {
        calendar = CalendarFixtures.defaultCalendar();
        Random random = new Random(42);
        starts = new Instant[SIZE];
        amounts = new BigDecimal[SIZE];
        units = new WorkTimeUnit[SIZE];
        for (int i = 0; i < SIZE; i++) {
            starts[i] = LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(random.nextInt(3 * 365 * 24 * 60))
                    .atZone(CalendarFixtures.SHANGHAI).toInstant();
            amounts[i] = BigDecimal.valueOf(1 + random.nextInt(100), random.nextInt(2));
            units[i] = WorkTimeUnit.values()[random.nextInt(3)];
        }
    }

    @Benchmark
    public Instant due() {
        int i = next++ & (SIZE - 1);
        return calendar.due(starts[i], amounts[i], units[i]);
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {DueTimeBenchmark.class.getSimpleName()});
    }
}
