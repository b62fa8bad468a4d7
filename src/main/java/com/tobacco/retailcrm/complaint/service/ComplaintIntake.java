package com.tobacco.retailcrm.complaint.service;

import static com.tobacco.retailcrm.complaint.service.ComplaintInput.enumValue;
import static com.tobacco.retailcrm.complaint.service.ComplaintInput.failOn;
import static com.tobacco.retailcrm.complaint.service.ComplaintInput.text;

import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintLimits;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Deadlines;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.complaint.domain.TimeLimits;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 投诉受理 — takes a complaint in as the signed-in agent (its first-contact owner, 首问负责人): each mistake named by
 * its field, due times fixed from the time limits, a monthly number, and the possible duplicates shown before saving.
 */
@Service
public class ComplaintIntake {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final ComplaintStore store;
    private final ComplaintAccess access;
    private final ComplaintListing listing;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final TimeLimits limits;
    private final ComplaintProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    ComplaintIntake(ComplaintStore store, ComplaintAccess access, ComplaintListing listing, CustomerArchive archive,
                    UserDirectory users, OrgDirectory org, ComplaintProperties properties, CrmProperties crm,
                    Clock clock) {
        this.store = store;
        this.access = access;
        this.listing = listing;
        this.archive = archive;
        this.users = users;
        this.org = org;
        this.limits = properties.timeLimits();
        this.properties = properties;
        this.zone = crm.zone();
        this.clock = clock;
    }

    /** What an agent types in; enum values and the received time as sent, checked here so each mistake is named. */
    public record IntakeCommand(String customerCode, String contactName, String contactPhone, String channel,
                                String category, String priority, String description, String receivedAt,
                                String accusedEmployee, Long duplicateOf) {
    }

    @Transactional
    public ComplaintDetails intake(IntakeCommand command) {
        CurrentUser me = CurrentUsers.require();
        List<FieldProblem> problems = new ArrayList<>();
        Channel channel = enumValue(Channel.class, "channel", command.channel(), problems);
        Category category = enumValue(Category.class, "category", command.category(), problems);
        Priority priority = enumValue(Priority.class, "priority", command.priority(), problems);
        String contactName = text("contactName", command.contactName(), ComplaintLimits.CONTACT_NAME, true, problems);
        String contactPhone = text("contactPhone", command.contactPhone(), ComplaintLimits.CONTACT_PHONE, true,
                problems);
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            problems.add(new FieldProblem("contactPhone", "{complaint.error.phone}"));
        }
        String description = text("description", command.description(), ComplaintLimits.DESCRIPTION, true, problems);
        Instant now = ComplaintActions.now(clock);
        Instant receivedAt = receivedAt(command.receivedAt(), now, problems);
        CustomerRecord customer = customer(command.customerCode(), problems);
        String accused = accused(command.accusedEmployee(), category, me, problems);
        Complaint duplicateOf = null;
        if (command.duplicateOf() != null) {
            duplicateOf = store.find(command.duplicateOf()).filter(d -> access.maySee(me, d)).orElse(null);
            if (duplicateOf == null) {
                problems.add(new FieldProblem("duplicateOf", "{complaint.error.notFound}"));
            }
        }
        failOn(problems);
        String countyCode = customer == null ? null : customer.countyCode();
        Long countyId = countyCode == null ? null : org.findByCode(countyCode).map(OrgUnitRef::id).orElse(null);
        Complaint.Intake in = new Complaint.Intake(channel, category, priority,
                customer == null ? null : customer.customerCode(), countyCode, countyId,
                customer == null ? null : (String) customer.get("customerManager"),
                customer == null ? null : (String) customer.get("storeName"), contactName, contactPhone, description,
                accused, duplicateOf == null ? null : duplicateOf.id());
        long id = store.insert(Complaint.received(store.nextNumber(MONTH.format(now.atZone(zone))), in, receivedAt, now,
                me.username(), Deadlines.fixedAtIntake(receivedAt, limits.of(category, priority))));
        store.addEvent(id, now, me.username(), ComplaintAction.INTAKE, null, ComplaintStatus.RECEIVED, description);
        if (duplicateOf != null) {
            store.addEvent(id, now, me.username(), ComplaintAction.LINK, null, null, duplicateOf.number());
        }
        return listing.details(id, me);
    }

    /** Customers for the intake form's look-up: by phone, name, pinyin initials or code, within the caller's scope. */
    @Transactional(readOnly = true)
    public List<CustomerSummary> lookupCustomers(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return archive.search(new CustomerQuery(q.trim(), null, null, null, null, null, null, Map.of()),
                PageQuery.of(0, 10, null, Set.of("customerCode"), "customerCode,asc")).items();
    }

    /** Possible duplicates of a complaint that is about to be taken in (for the intake form, before saving). */
    @Transactional(readOnly = true)
    public List<Complaint> possibleDuplicates(String customerCode, Category category, Instant receivedAt) {
        if (customerCode == null || category == null) {
            return List.of();
        }
        CurrentUser me = CurrentUsers.require();
        Instant at = receivedAt == null ? ComplaintActions.now(clock) : receivedAt;
        return store.sameCustomerAndCategory(customerCode, category, at.minus(properties.duplicateWindow()),
                at.plus(properties.duplicateWindow()), null).stream().filter(c -> access.maySee(me, c)).toList();
    }

    private CustomerRecord customer(String customerCode, List<FieldProblem> problems) {
        String code = text("customerCode", customerCode, ComplaintLimits.CUSTOMER_CODE, false, problems);
        if (code == null) {
            return null;
        }
        CustomerRecord customer = archive.find(code).orElse(null);
        if (customer == null) {
            problems.add(new FieldProblem("customerCode", "{complaint.error.customerUnknown}"));
        }
        return customer;
    }

    /** 被投诉人: only on a staff-conduct complaint, a known user, and never the agent taking it in. */
    private String accused(String value, Category category, CurrentUser me, List<FieldProblem> problems) {
        String accused = text("accusedEmployee", value, ComplaintLimits.USERNAME, false, problems);
        if (accused != null) {
            if (category != null && category != Category.STAFF_CONDUCT) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.accusedNotConduct}"));
            } else if (users.find(accused).isEmpty()) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.userUnknown}"));
            } else if (accused.equals(me.username())) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.accusedSelf}"));
            }
        }
        return accused;
    }

    private Instant receivedAt(String value, Instant now, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.required}"));
            return null;
        }
        Instant at;
        try {
            String text = value.trim();
            at = text.length() <= 19 ? LocalDateTime.parse(text).atZone(zone).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.format}"));
            return null;
        }
        // people and scripts name the second, never less; due times then read back exactly as returned
        at = at.truncatedTo(ChronoUnit.SECONDS);
        if (at.isAfter(now)) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.future}"));
        } else if (at.isBefore(now.minus(properties.maxReceivedAge()))) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.tooOld}"));
        }
        return at;
    }
}
