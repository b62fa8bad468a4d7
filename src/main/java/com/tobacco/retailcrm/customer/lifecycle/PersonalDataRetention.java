package com.tobacco.retailcrm.customer.lifecycle;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * 个人信息保留期 — how long a CANCELLED customer's personal data is kept, and which of its fields are personal data.
 * Personal are the dictionary's sensitive fields (ID card, phones, home address, bank account) and what is said of
 * the people behind the shop without being encrypted: their names (负责人, 联系人), the keeper's birthday (经营者生日)
 * and whether and how they belong to a vulnerable group (弱势群体, 弱势群体类别: health or hardship). The shop's own data
 * (name, licence, address of the shop, purchases) stays for the archive.
 *
 * @param period the retention after cancellation (default three years), counted in calendar terms in the company's zone
 */
public record PersonalDataRetention(Period period, ZoneId zone) {

    /** The fields about the people behind the shop that are personal although not encrypted. */
    static final Set<String> ABOUT_THE_PEOPLE = Set.of("responsiblePerson", "contactPerson", "birthday",
            "vulnerableGroup", "vulnerableKind");

    public PersonalDataRetention {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive, not " + period);
        }
    }

    /** Whether a customer cancelled at that instant has had its data kept the whole period by now. */
    public boolean hasRunOut(Instant cancelledAt, Instant now) {
        return !now.isBefore(end(cancelledAt));
    }

    /** The first instant at which a customer cancelled at that instant may have its personal data destroyed. */
    public Instant end(Instant cancelledAt) {
        return cancelledAt.atZone(zone).plus(period).toInstant();
    }

    /** The latest cancellation whose retention has run out by now: customers cancelled at or before it are due. */
    public Instant latestDueCancellation(Instant now) {
        return now.atZone(zone).minus(period).toInstant();
    }

    /** The personal fields among the dictionary's, in its order. */
    public static List<FieldDefinition> personalFields(Collection<FieldDefinition> dictionary) {
        return dictionary.stream().filter(f -> f.sensitive() || ABOUT_THE_PEOPLE.contains(f.key())).toList();
    }
}
