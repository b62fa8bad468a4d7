package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a value as a client or a file sends it into the field's canonical Java value (String, LocalDate, BigDecimal,
 * Integer, Boolean), checking the field's type, format and range. Blank text means "no value".
 */
public final class FieldValues {

    private static final Pattern IMAGE_REF = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

    private FieldValues() {
    }

    /** The parsed value, or null when the input is empty; a problem is added to {@code problems} instead of thrown. */
    public static Object parse(FieldDefinition f, Object raw, List<Violation> problems) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        int before = problems.size();
        Object value = switch (f.type()) {
            case TEXT, USER -> text(f, raw, problems);
            case PHONE -> phone(f, raw, problems);
            case IMAGE -> image(f, raw, problems);
            case DATE -> date(f, raw, problems);
            case ENUM -> enumCode(f, raw, problems);
            case DECIMAL -> decimal(f, raw, problems);
            case INTEGER -> integer(f, raw, problems);
            case BOOLEAN -> bool(f, raw, problems);
        };
        return problems.size() > before ? null : value;
    }

    /** The value as text: how it is compared, written to history and to files. */
    public static String format(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    /** Whether two canonical values are the same (2.50 equals 2.5). */
    public static boolean same(Object a, Object b) {
        return java.util.Objects.equals(format(a), format(b));
    }

    private static String text(FieldDefinition f, Object raw, List<Violation> problems) {
        if (!(raw instanceof String s)) {
            problems.add(Violation.of(f.key(), "customer.error.text"));
            return null;
        }
        String v = s.strip();
        if (f.format() != null) {
            v = v.toUpperCase(Locale.ROOT).replace(" ", "");
            if (!formatValid(f.format(), v)) {
                problems.add(Violation.of(f.key(), "customer.error.format." + f.format()));
            }
        } else if (f.maxLength() != null && v.codePointCount(0, v.length()) > f.maxLength()) {
            problems.add(Violation.of(f.key(), "customer.error.text.tooLong", f.maxLength()));
        }
        return v;
    }

    static boolean formatValid(String format, String v) {
        return switch (format) {
            case "CUSTOMER_CODE" -> CustomerCode.isValid(v);
            case "LICENCE_NO" -> LicenceNumber.isValid(v);
            case "ID_CARD" -> IdCardNumber.isValid(v);
            case "CREDIT_CODE" -> CreditCode.isValid(v);
            case "BANK_ACCOUNT" -> BankAccountNumber.isValid(v);
            case "REGION_CODE" -> RegionCode.isValid(v);
            case "MONTH_DAY" -> MonthDay.isValid(v);
            default -> throw new IllegalStateException("unknown format " + format);
        };
    }

    private static String phone(FieldDefinition f, Object raw, List<Violation> problems) {
        String v = raw instanceof String s ? s.strip().replace(" ", "") : null;
        if (!PhoneNumber.isValid(v)) {
            problems.add(Violation.of(f.key(), "customer.error.phone"));
        }
        return v;
    }

    private static String image(FieldDefinition f, Object raw, List<Violation> problems) {
        if (!(raw instanceof String s) || !IMAGE_REF.matcher(s.strip()).matches()) {
            problems.add(Violation.of(f.key(), "customer.error.image"));
            return null;
        }
        return s.strip();
    }

    private static LocalDate date(FieldDefinition f, Object raw, List<Violation> problems) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(((String) raw).strip());
        } catch (ClassCastException | DateTimeParseException e) {
            problems.add(Violation.of(f.key(), "customer.error.date"));
            return null;
        }
    }

    private static String enumCode(FieldDefinition f, Object raw, List<Violation> problems) {
        String v = raw instanceof String s ? s.strip() : raw instanceof Number n ? n.toString() : null;
        if (v == null || f.option(v).isEmpty()) {
            String allowed = f.options().stream().map(o -> o.code() + " " + o.labelZh()).collect(Collectors.joining("、"));
            problems.add(Violation.of(f.key(), "customer.error.enum", String.valueOf(raw), allowed));
            return null;
        }
        return v;
    }

    private static BigDecimal decimal(FieldDefinition f, Object raw, List<Violation> problems) {
        BigDecimal d = number(raw);
        if (d == null) {
            problems.add(Violation.of(f.key(), "customer.error.decimal"));
            return null;
        }
        if (f.scale() != null && Math.max(d.stripTrailingZeros().scale(), 0) > f.scale()) {
            problems.add(Violation.of(f.key(), "customer.error.decimal.scale", f.scale()));
        }
        checkRange(f, d, problems);
        return d;
    }

    private static Integer integer(FieldDefinition f, Object raw, List<Violation> problems) {
        BigDecimal d = number(raw);
        if (d == null || d.stripTrailingZeros().scale() > 0
                || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            problems.add(Violation.of(f.key(), "customer.error.integer"));
            return null;
        }
        checkRange(f, d, problems);
        return d.intValueExact();
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof String s && s.strip().length() <= 40) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static void checkRange(FieldDefinition f, BigDecimal d, List<Violation> problems) {
        if (f.minValue() != null) {
            int c = d.compareTo(f.minValue());
            if (f.minExclusive() && c <= 0) {
                problems.add(Violation.of(f.key(), "customer.error.range.minExclusive", f.minValue().toPlainString()));
            } else if (c < 0) {
                problems.add(Violation.of(f.key(), "customer.error.range.min", f.minValue().toPlainString()));
            }
        }
        if (f.maxValue() != null && d.compareTo(f.maxValue()) > 0) {
            problems.add(Violation.of(f.key(), "customer.error.range.max", f.maxValue().toPlainString()));
        }
    }

    private static Boolean bool(FieldDefinition f, Object raw, List<Violation> problems) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    break;
            }
        }
        problems.add(Violation.of(f.key(), "customer.error.boolean"));
        return null;
    }

    /** The option codes of an enum field, for messages and forms. */
    static List<String> codes(FieldDefinition f) {
        return f.options().stream().map(EnumOption::code).toList();
    }
}
