package com.tobacco.retailcrm.complaint.domain;

import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.ASSIGNED;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.CALLED_BACK;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.CLOSED;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.IN_PROGRESS;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.PAUSED;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.RECEIVED;
import static com.tobacco.retailcrm.complaint.domain.ComplaintStatus.RESOLVED;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import java.util.EnumSet;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import java.util.Set;

/**
 * 投诉流转 — the status machine of docs/domain/complaint.md: RECEIVED → ASSIGNED → IN_PROGRESS (after the first response; PAUSED while
 * waiting on the customer) → RESOLVED (written reply) → CALLED_BACK → CLOSED, an unsatisfied callback back to
 * IN_PROGRESS. Anything else is refused with the rule that forbids it (422), never silently ignored.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * The status after the action, or a {@link BusinessRuleException} naming the rule.
     *
     * @param satisfaction the callback's result (only for {@link ComplaintAction#CALLBACK})
     */
    public static ComplaintStatus next(ComplaintAction action, ComplaintStatus from, Satisfaction satisfaction) {
        return switch (action) {
            // Assigning again is a transfer (转办): the complaint keeps its status, the new person picks it up.
            case ASSIGN -> when(from, EnumSet.of(RECEIVED, ASSIGNED, IN_PROGRESS, PAUSED), action,
                    from == RECEIVED ? ASSIGNED : from, "complaint.rule.assign.answered");
            case RESPOND -> switch (from) {
                case ASSIGNED -> IN_PROGRESS;
                case RECEIVED -> refuse("complaint.rule.respond.unassigned", from, action);
                case IN_PROGRESS, PAUSED -> refuse("complaint.rule.respond.already", from, action);
                default -> refuse("complaint.rule.transition", from, action);
            };
            case PAUSE -> switch (from) {
                case IN_PROGRESS -> PAUSED;
                case RECEIVED, ASSIGNED -> refuse("complaint.rule.pause.noResponse", from, action);
                case PAUSED -> refuse("complaint.rule.pause.already", from, action);
                default -> refuse("complaint.rule.transition", from, action);
            };
            case RESUME -> when(from, EnumSet.of(PAUSED), action, IN_PROGRESS, "complaint.rule.resume.notPaused");
            case RESOLVE -> switch (from) {
                case IN_PROGRESS -> RESOLVED;
                case RECEIVED, ASSIGNED -> refuse("complaint.rule.resolve.noResponse", from, action);
                case PAUSED -> refuse("complaint.rule.resolve.paused", from, action);
                default -> refuse("complaint.rule.transition", from, action);
            };
            case CALLBACK -> {
                if (satisfaction == null) {
                    throw new IllegalArgumentException("a callback needs its satisfaction");
                }
                yield when(from, EnumSet.of(RESOLVED, CALLED_BACK), action,
                        satisfaction.accepted() ? CALLED_BACK : IN_PROGRESS, "complaint.rule.callback.unresolved");
            }
            case CLOSE -> switch (from) {
                case CALLED_BACK -> CLOSED;
                case RESOLVED -> refuse("complaint.rule.close.noCallback", from, action);
                default -> refuse("complaint.rule.close.unresolved", from, action);
            };
            case INTAKE, LINK, ESCALATE -> throw new IllegalArgumentException(action + " does not move the status");
        };
    }

    /** Whether the action is allowed from the status (for pages offering only what may be done now). */
    public static boolean allows(ComplaintAction action, ComplaintStatus from) {
        try {
            next(action, from, Satisfaction.SATISFIED);
            return true;
        } catch (BusinessRuleException e) {
            return false;
        }
    }

    private static ComplaintStatus when(ComplaintStatus from, Set<ComplaintStatus> allowed, ComplaintAction action,
                                        ComplaintStatus to, String rule) {
        return allowed.contains(from) ? to : refuse(rule, from, action);
    }

    private static ComplaintStatus refuse(String rule, ComplaintStatus from, ComplaintAction action) {
        // Resolvable arguments: the message source puts the status and action in the reader's language.
        throw new BusinessRuleException(rule, new DefaultMessageSourceResolvable("complaint.status." + from.name()),
                new DefaultMessageSourceResolvable("complaint.action." + action.name()));
    }
}
