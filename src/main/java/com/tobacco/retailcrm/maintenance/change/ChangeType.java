package com.tobacco.retailcrm.maintenance.change;

import static com.tobacco.retailcrm.maintenance.change.StepKey.*;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 修改类型 — the kinds of change request of DOMAIN.md §3.2, each with its route of steps and the fields it may carry.
 * A field that belongs to a dedicated procedure (the order phone → PHONE) may not be slipped through another type.
 */
public enum ChangeType {
    /** 一般修改: county checks → market dept applies → county confirms. */
    GENERAL(List.of(COUNTY_CHECK, MARKET_APPLY, COUNTY_CONFIRM)),
    /** 电话号码变更: customer manager reviews → market manager approves → market dept applies. */
    PHONE(List.of(MANAGER_REVIEW, MARKET_MANAGER_APPROVE, MARKET_APPLY)),
    /** 订货周期调整: the department approves → applied → the customer is told. */
    ORDER_CYCLE(List.of(DEPT_APPROVE, MARKET_APPLY, CUSTOMER_NOTIFY)),
    /** 属性调整: manager confirms against the standard → approval → applied. */
    ATTRIBUTE(List.of(MANAGER_CONFIRM, MARKET_MANAGER_APPROVE, MARKET_APPLY)),
    /** 应急维护: the general route with each step due within half a natural hour. */
    URGENT(List.of(COUNTY_CHECK, MARKET_APPLY, COUNTY_CONFIRM)),
    /** 大批量维护: market-dept head approves and the file is applied as one batch → each county reviews. */
    BULK(List.of(BULK_APPROVE, COUNTY_REVIEW));

    /** Order cycle and route fields (订货周期、线路). */
    static final Set<String> ORDER_CYCLE_FIELDS = Set.of("orderFrequency", "orderDay", "orderBatch", "visitBatch",
            "visitCycle", "deliveryRoute", "deliverySequence", "deliveryStaff");
    /** Delivery fields: a request touching only these is approved by the distribution department. */
    static final Set<String> DELIVERY_FIELDS = Set.of("deliveryRoute", "deliverySequence", "deliveryStaff");
    /**
     * Attribute fields (业态、市场类型、合理定量类别、月度商定量); business scale and class are also attributes but SYSTEM
     * fields, refused before the type is looked at.
     */
    static final Set<String> ATTRIBUTE_FIELDS = Set.of("retailFormat", "marketType", "quotaCategory",
            "monthlyAgreedQty", "businessScale", "customerClass");

    private final List<StepKey> route;

    ChangeType(List<StepKey> route) {
        this.route = route;
    }

    public List<StepKey> route() {
        return route;
    }

    /** The step after {@code step} on this route, if any. */
    public Optional<StepKey> after(StepKey step) {
        int i = route.indexOf(step);
        return i >= 0 && i + 1 < route.size() ? Optional.of(route.get(i + 1)) : Optional.empty();
    }

    /**
     * Why this type may not carry the field (a message key), or empty when it may. Photos are uploaded on the customer
     * page, never through a request.
     */
    public Optional<String> misfit(FieldDefinition field) {
        if (field.type() == FieldType.IMAGE) {
            return Optional.of("change.error.field.image");
        }
        if (field.key().equals("customerCode")) {
            return Optional.of("change.error.field.code");  // the code names the customer; it is never changed
        }
        return switch (this) {
            case PHONE -> field.type() == FieldType.PHONE ? Optional.empty() : Optional.of("change.error.field.notPhone");
            case ORDER_CYCLE -> ORDER_CYCLE_FIELDS.contains(field.key()) ? Optional.empty()
                    : Optional.of("change.error.field.notOrderCycle");
            case ATTRIBUTE -> ATTRIBUTE_FIELDS.contains(field.key()) ? Optional.empty()
                    : Optional.of("change.error.field.notAttribute");
            case GENERAL -> field.type() == FieldType.PHONE ? Optional.of("change.error.field.usePhone") : Optional.empty();
            case URGENT, BULK -> Optional.empty();
        };
    }
}
