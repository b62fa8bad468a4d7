package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.workflow.api.CaseJson;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.engine.JdbcNotifications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 通知: the caller's own notifications, newest first, in the caller's language; marking them read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final JdbcNotifications notifications;
    private final Messages messages;

    NotificationController(JdbcNotifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread,
                             @RequestParam(defaultValue = "50") int size) {
        String me = CurrentUsers.require().username();
        List<Map<String, Object>> items = notifications.of(me, unread, Math.max(1, Math.min(size, 500))).stream()
                .map(this::json).toList();
        return Map.of("items", items, "total", items.size(), "unread", notifications.unread(me));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void read(@PathVariable long id) {
        if (!notifications.markRead(CurrentUsers.require().username(), id)) {
            throw new NotFoundException("workflow.error.notification.notFound", id);
        }
    }

    @PostMapping("/read-all")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> readAll() {
        return Map.of("marked", notifications.markAllRead(CurrentUsers.require().username()));
    }

    Map<String, Object> json(JdbcNotifications.Notification n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", n.id());
        json.put("kind", n.kind());
        json.put("reference", n.reference());
        json.put("message", messages.text(n.messageKey(), n.args().toArray()));
        json.put("link", n.link());
        json.put("createdAt", CaseJson.time(n.createdAt()));
        json.put("read", n.readAt() != null);
        return json;
    }
}
