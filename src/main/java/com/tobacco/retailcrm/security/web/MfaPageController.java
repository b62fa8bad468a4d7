package com.tobacco.retailcrm.security.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.domain.MfaService;
import com.tobacco.retailcrm.security.domain.SessionTermination;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 双因素认证设置 — the page where a user turns on TOTP: the QR code (drawn here, no outside service) and the secret
 * for an authenticator app, a field for the first code, then the recovery codes, shown once. An administrator or
 * leader who must have MFA is sent here by the access gate and can do nothing else until it is on.
 */
@Controller
class MfaPageController {

    private static final int QR_SIZE = 220;

    private final MfaService mfa;
    private final Messages messages;

    MfaPageController(MfaService mfa, Messages messages) {
        this.mfa = mfa;
        this.messages = messages;
    }

    @GetMapping("/mfa")
    @PreAuthorize("isAuthenticated()")
    String page(Model model) {
        return setUp(model, null);
    }

    @PostMapping("/mfa")
    @PreAuthorize("isAuthenticated()")
    String confirm(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUsers.require();
        boolean forced = mfa.enrolmentRequired(user);
        try {
            List<String> recovery = mfa.confirm(user.id(), code == null ? null : code.trim(),
                    new SessionTermination.KeptAccess(null, request.getSession().getId()));
            model.addAttribute("forced", forced);
            model.addAttribute("recoveryCodes", recovery);
            return "security/mfa";
        } catch (InvalidInputException e) {
            return setUp(model, messages.text(e.problems().get(0).message()));
        } catch (BusinessRuleException e) {
            return setUp(model, messages.text(e.getMessage(), e.args()));
        }
    }

    private String setUp(Model model, String error) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("forced", mfa.enrolmentRequired(user));
        model.addAttribute("codeError", error);
        if (mfa.enabled(user.id())) {
            model.addAttribute("alreadyOn", true);
            return "security/mfa";
        }
        var setup = mfa.prepare(user.id());
        model.addAttribute("secret", setup.secret().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrCode", qrDataUri(setup.otpauthUri()));
        return "security/mfa";
    }

    /** The otpauth URI as a PNG QR code in a data: URI (the CSP allows data: images). */
    static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE);
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
