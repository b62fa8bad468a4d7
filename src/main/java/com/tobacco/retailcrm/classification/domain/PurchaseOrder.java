package com.tobacco.retailcrm.classification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 购进订单 — one order from the distribution system: qty in 条 and amount in 元, exact decimals of at most 2 places,
 * never negative, dated no later than today. The order number is the distribution system's key.
 */
public record PurchaseOrder(String orderNo, String customerCode, LocalDate orderDate, BigDecimal qty,
                            BigDecimal amount) {

    private static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_.:/-]{1,60}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** numeric(14,2) for qty, numeric(16,2) for amount: digits before the point. */
    private static final int QTY_INTEGER_DIGITS = 12;
    private static final int AMOUNT_INTEGER_DIGITS = 14;

    /** A message key with its argument (the field), as returned by {@link #parse}. */
    public record Problem(String messageKey, String field) {
    }

    /** Either the order or the reasons it is refused (every reason at once). */
    public record Parsed(PurchaseOrder order, List<Problem> problems) {
        public boolean valid() {
            return order != null;
        }
    }

    /**
     * Reads an order from its values as text (numbers in plain notation). The customer's existence is checked by the
     * caller, set-based, over the whole batch.
     */
    public static Parsed parse(String orderNo, String customerCode, String orderDate, String qty, String amount,
                               LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String no = trim(orderNo);
        if (no == null) {
            problems.add(new Problem("classification.purchase.error.required", "orderNo"));
        } else if (!ORDER_NO.matcher(no).matches()) {
            problems.add(new Problem("classification.purchase.error.orderNo", "orderNo"));
        }
        String code = trim(customerCode);
        if (code == null) {
            problems.add(new Problem("classification.purchase.error.required", "customerCode"));
        } else if (code.length() > 40) {
            problems.add(new Problem("classification.purchase.error.unknownCustomer", "customerCode"));
        }
        LocalDate date = date(trim(orderDate), today, problems);
        BigDecimal q = quantity(trim(qty), "qty", QTY_INTEGER_DIGITS, problems);
        BigDecimal a = quantity(trim(amount), "amount", AMOUNT_INTEGER_DIGITS, problems);
        return problems.isEmpty() ? new Parsed(new PurchaseOrder(no, code, date, q, a), List.of())
                : new Parsed(null, List.copyOf(problems));
    }

    private static LocalDate date(String text, LocalDate today, List<Problem> problems) {
        if (text == null) {
            problems.add(new Problem("classification.purchase.error.required", "orderDate"));
            return null;
        }
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            LocalDate d = LocalDate.parse(text);
            if (d.isAfter(today)) {
                problems.add(new Problem("classification.purchase.error.future", "orderDate"));
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem("classification.purchase.error.date", "orderDate"));
            return null;
        }
    }

    private static BigDecimal quantity(String text, String field, int integerDigits, List<Problem> problems) {
        if (text == null) {
            problems.add(new Problem("classification.purchase.error.required", field));
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem("classification.purchase.error.number", field));
            return null;
        }
        if (value.signum() < 0) {
            problems.add(new Problem("classification.purchase.error.negative", field));
            return null;
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            problems.add(new Problem("classification.purchase.error.precision", field));
            return null;
        }
        if (stripped.precision() - stripped.scale() > integerDigits) {
            problems.add(new Problem("classification.purchase.error.tooLarge", field));
            return null;
        }
        return stripped.setScale(2);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
