package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.config.CrmLoginException;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 登录 — the sign-in page. Spring Security checks the form (POST /login); this page says why a sign-in was refused,
 * from the exception the failure handler left in the session: wrong password, locked for N minutes, TOTP needed.
 */
@Controller
class LoginPageController {

    private final Messages messages;

    LoginPageController(Messages messages) {
        this.messages = messages;
    }

    @GetMapping("/login")
    @PermitAll
    String login(HttpServletRequest request, Model model, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout) {
        if (CurrentUsers.current().isPresent() && error == null) {
            return "redirect:/";
        }
        if (error != null) {
            HttpSession session = request.getSession(false);
            model.addAttribute("loginError",
                    reason(session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)));
        }
        model.addAttribute("loggedOut", logout != null);
        return "security/login";
    }

    private String reason(Object refused) {
        if (refused instanceof CrmLoginException e) {
            return messages.text(e.getMessage(), e.args());
        }
        if (refused instanceof AuthenticationException) {
            return messages.text("error.login.bad");
        }
        // The session ended between the refusal and this page (or someone opened ?error by hand).
        return messages.text("ui.login.failed");
    }
}
