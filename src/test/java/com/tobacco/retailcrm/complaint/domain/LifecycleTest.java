package com.tobacco.retailcrm.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status machine of docs/domain/complaint.md as a table: every action from every status, allowed (to which status) or refused (why). */
class LifecycleTest {

    private static final String GENERIC = "complaint.rule.transition";

    /** action → status → the next status, or the rule that refuses it. */
    private static final Map<String, Map<ComplaintStatus, String>> TABLE = Map.of(
            "ASSIGN", Map.of(ComplaintStatus.RECEIVED, "ASSIGNED", ComplaintStatus.ASSIGNED, "ASSIGNED",
                    ComplaintStatus.IN_PROGRESS, "IN_PROGRESS", ComplaintStatus.PAUSED, "PAUSED",
                    ComplaintStatus.RESOLVED, "complaint.rule.assign.answered",
                    ComplaintStatus.CALLED_BACK, "complaint.rule.assign.answered",
                    ComplaintStatus.CLOSED, "complaint.rule.assign.answered"),
            "RESPOND", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.respond.unassigned",
                    ComplaintStatus.ASSIGNED, "IN_PROGRESS",
                    ComplaintStatus.IN_PROGRESS, "complaint.rule.respond.already",
                    ComplaintStatus.PAUSED, "complaint.rule.respond.already",
                    ComplaintStatus.RESOLVED, GENERIC, ComplaintStatus.CALLED_BACK, GENERIC,
                    ComplaintStatus.CLOSED, GENERIC),
            "PAUSE", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.pause.noResponse",
                    ComplaintStatus.ASSIGNED, "complaint.rule.pause.noResponse",
                    ComplaintStatus.IN_PROGRESS, "PAUSED", ComplaintStatus.PAUSED, "complaint.rule.pause.already",
                    ComplaintStatus.RESOLVED, GENERIC, ComplaintStatus.CALLED_BACK, GENERIC,
                    ComplaintStatus.CLOSED, GENERIC),
            "RESUME", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.resume.notPaused",
                    ComplaintStatus.ASSIGNED, "complaint.rule.resume.notPaused",
                    ComplaintStatus.IN_PROGRESS, "complaint.rule.resume.notPaused",
                    ComplaintStatus.PAUSED, "IN_PROGRESS",
                    ComplaintStatus.RESOLVED, "complaint.rule.resume.notPaused",
                    ComplaintStatus.CALLED_BACK, "complaint.rule.resume.notPaused",
                    ComplaintStatus.CLOSED, "complaint.rule.resume.notPaused"),
            "RESOLVE", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.resolve.noResponse",
                    ComplaintStatus.ASSIGNED, "complaint.rule.resolve.noResponse",
                    ComplaintStatus.IN_PROGRESS, "RESOLVED", ComplaintStatus.PAUSED, "complaint.rule.resolve.paused",
                    ComplaintStatus.RESOLVED, GENERIC, ComplaintStatus.CALLED_BACK, GENERIC,
                    ComplaintStatus.CLOSED, GENERIC),
            "CALLBACK_SATISFIED", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.ASSIGNED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.IN_PROGRESS, "complaint.rule.callback.unresolved",
                    ComplaintStatus.PAUSED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.RESOLVED, "CALLED_BACK", ComplaintStatus.CALLED_BACK, "CALLED_BACK",
                    ComplaintStatus.CLOSED, "complaint.rule.callback.unresolved"),
            "CALLBACK_UNSATISFIED", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.ASSIGNED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.IN_PROGRESS, "complaint.rule.callback.unresolved",
                    ComplaintStatus.PAUSED, "complaint.rule.callback.unresolved",
                    ComplaintStatus.RESOLVED, "IN_PROGRESS", ComplaintStatus.CALLED_BACK, "IN_PROGRESS",
                    ComplaintStatus.CLOSED, "complaint.rule.callback.unresolved"),
            "CLOSE", Map.of(ComplaintStatus.RECEIVED, "complaint.rule.close.unresolved",
                    ComplaintStatus.ASSIGNED, "complaint.rule.close.unresolved",
                    ComplaintStatus.IN_PROGRESS, "complaint.rule.close.unresolved",
                    ComplaintStatus.PAUSED, "complaint.rule.close.unresolved",
                    ComplaintStatus.RESOLVED, "complaint.rule.close.noCallback",
                    ComplaintStatus.CALLED_BACK, "CLOSED",
                    ComplaintStatus.CLOSED, "complaint.rule.close.unresolved"));

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        TABLE.forEach((action, byStatus) -> {
            assertThat(byStatus).as("every status for %s", action).hasSize(ComplaintStatus.values().length);
            byStatus.forEach((from, expected) -> rows.add(Arguments.of(action, from, expected)));
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @MethodSource("table")
    void everyActionFromEveryStatusIsAllowedOrRefusedWithItsRule(String action, ComplaintStatus from, String expected) {
        ComplaintAction a = ComplaintAction.valueOf(action.startsWith("CALLBACK") ? "CALLBACK" : action);
        Satisfaction s = action.equals("CALLBACK_UNSATISFIED") ? Satisfaction.UNSATISFIED : Satisfaction.SATISFIED;
        if (expected.startsWith("complaint.rule.")) {
            assertThatThrownBy(() -> Lifecycle.next(a, from, s)).isInstanceOf(BusinessRuleException.class)
                    .hasMessage(expected);
            assertThat(Lifecycle.allows(a, from) && !action.equals("CALLBACK_UNSATISFIED")).isFalse();
        } else {
            assertThat(Lifecycle.next(a, from, s)).isEqualTo(ComplaintStatus.valueOf(expected));
        }
    }

    @Test
    void resolvingNeedsAFirstResponse() {
        assertThatThrownBy(() -> Lifecycle.next(ComplaintAction.RESOLVE, ComplaintStatus.ASSIGNED, null))
                .hasMessage("complaint.rule.resolve.noResponse");
    }

    @Test
    void anUnsatisfiedCallbackReopensTheComplaint() {
        assertThat(Lifecycle.next(ComplaintAction.CALLBACK, ComplaintStatus.RESOLVED, Satisfaction.UNSATISFIED))
                .isEqualTo(ComplaintStatus.IN_PROGRESS);
    }

    @Test
    void closingNeedsASatisfiedOrBasicallySatisfiedCallback() {
        assertThat(Lifecycle.next(ComplaintAction.CALLBACK, ComplaintStatus.RESOLVED,
                Satisfaction.BASICALLY_SATISFIED)).isEqualTo(ComplaintStatus.CALLED_BACK);
        assertThatThrownBy(() -> Lifecycle.next(ComplaintAction.CLOSE, ComplaintStatus.RESOLVED, null))
                .hasMessage("complaint.rule.close.noCallback");
    }
}
