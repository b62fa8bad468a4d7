package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.classification.domain.PurchaseOrder;
import com.tobacco.retailcrm.classification.persistence.PurchaseStore;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示购进 — with {@code crm.demo=true} and no purchases yet, three complete months of weekly orders for the demo
 * customers (after they are seeded), so that a classification run shows a real spread: supermarkets, department
 * stores and tobacco &amp; liquor shops buy more, groceries and venues less, each shop has its own size and price
 * level, and about one shop in twenty-five buys nothing. The same seed gives the same orders.
 */
@Component
@Order(70)
class DemoPurchases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchases.class);
    /** Format → typical cartons per weekly order and price per carton (元). */
    private static final Map<String, double[]> PROFILE = Map.of(
            "1", new double[] {6, 160}, "2", new double[] {10, 190}, "3", new double[] {22, 210},
            "4", new double[] {35, 260}, "5", new double[] {28, 320}, "6", new double[] {4, 200},
            "9", new double[] {3, 170});

    private final PurchaseStore store;
    private final CrmProperties properties;
    private final Clock clock;

    DemoPurchases(PurchaseStore store, CrmProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || store.hasAny()) {
            return;
        }
        List<String[]> customers = store.activeCustomerFormats();
        if (customers.isEmpty()) {
            return;
        }
        YearMonth last = YearMonth.from(clock.instant().atZone(properties.zone())).minusMonths(1);
        LocalDate from = last.minusMonths(2).atDay(1);
        LocalDate to = last.atEndOfMonth();
        Random random = new Random(20261101L);
        List<PurchaseOrder> batch = new ArrayList<>();
        int orders = 0;
        for (String[] c : customers) {
            double[] profile = PROFILE.getOrDefault(c[1], new double[] {5, 180});
            if (random.nextInt(25) == 0) {
                continue;
            }
            double size = Math.exp(random.nextGaussian() * 0.6);
            double price = profile[1] * Math.exp(random.nextGaussian() * 0.15);
            int weekday = random.nextInt(7);
            for (LocalDate d = from.plusDays(weekday); !d.isAfter(to); d = d.plusWeeks(1)) {
                long cartons = Math.round(profile[0] * size * (1 + random.nextGaussian() * 0.25));
                if (cartons <= 0) {
                    continue;
                }
                BigDecimal qty = BigDecimal.valueOf(cartons).setScale(2);
                BigDecimal amount = qty.multiply(BigDecimal.valueOf(price)).setScale(2, RoundingMode.HALF_UP);
                batch.add(new PurchaseOrder("DEMO-" + c[0] + "-" + d.toString().replace("-", ""), c[0], d, qty, amount));
                if (batch.size() == 5_000) {
                    store.upsert(batch, clock.instant(), "demo");
                    orders += batch.size();
                    batch.clear();
                }
            }
        }
        store.upsert(batch, clock.instant(), "demo");
        orders += batch.size();
        log.info("Demo purchases: {} orders from {} to {} for {} customers", orders, from, to, customers.size());
    }
}
