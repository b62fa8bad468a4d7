package com.tobacco.retailcrm.service.supply;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * 数量 as people read it: {@code 30} rather than the stored {@code 30.00}, {@code 2.5} stays {@code 2.5}. Pages call it
 * as {@code ${@quantities.text(q)}}; the API keeps the decimal as stored.
 */
@Component("quantities")
public class Quantities {

    public String text(Object quantity) {
        if (quantity instanceof BigDecimal q) {
            return plain(q);
        }
        return quantity == null ? "" : quantity.toString();
    }

    public static String plain(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }
}
