package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.workflow.api.Notifications;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the requester how their change request ended (completed, or rejected with the reason). */
@Component
class RequesterNotice {

    private final Notifications notifications;

    RequesterNotice(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ChangeRequestDecided decided) {
        String key = "REJECTED".equals(decided.status()) ? "change.notification.rejected" : "change.notification.completed";
        notifications.tell(decided.requester(), "CHANGE_REQUEST", String.valueOf(decided.requestId()), key,
                List.of(String.valueOf(decided.requestId()), decided.reason() == null ? "" : decided.reason()),
                "/change-requests/" + decided.requestId());
    }
}
