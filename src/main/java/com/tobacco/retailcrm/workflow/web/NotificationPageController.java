package com.tobacco.retailcrm.workflow.web;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.engine.JdbcNotifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell in the top bar (loaded by htmx into every page) and opening a notification. */
@Controller
class NotificationPageController {

    private final JdbcNotifications notifications;
    private final Messages messages;

    NotificationPageController(JdbcNotifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A notification as the dropdown lists it. */
    record Line(long id, String text, String link, java.time.Instant createdAt, boolean read) {
    }

    @GetMapping("/notifications/bell")
    @PreAuthorize("isAuthenticated()")
    String bell(Model model) {
        String me = CurrentUsers.require().username();
        model.addAttribute("unread", notifications.unread(me));
        model.addAttribute("lines", notifications.of(me, false, 10).stream()
                .map(n -> new Line(n.id(), messages.text(n.messageKey(), n.args().toArray()), n.link(), n.createdAt(),
                        n.readAt() != null)).toList());
        return "workflow/bell :: bell";
    }

    /** Marks it read and goes where it points. */
    @GetMapping("/notifications/{id}/open")
    @PreAuthorize("isAuthenticated()")
    String open(@PathVariable long id) {
        String me = CurrentUsers.require().username();
        String link = notifications.of(me, false, 500).stream().filter(n -> n.id() == id).findFirst()
                .map(JdbcNotifications.Notification::link).orElse(null);
        notifications.markRead(me, id);
        return "redirect:" + (link != null && link.startsWith("/") ? link : "/tasks");
    }

    @PostMapping("/notifications/read-all")
    @PreAuthorize("isAuthenticated()")
    String readAll() {
        notifications.markAllRead(CurrentUsers.require().username());
        return "redirect:/tasks";
    }
}
