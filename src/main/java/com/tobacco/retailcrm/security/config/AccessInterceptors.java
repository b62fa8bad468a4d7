package com.tobacco.retailcrm.security.config;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.domain.MfaService;
import com.tobacco.retailcrm.shared.web.ProblemResponses;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two gates in front of every controller: a handler that does not declare who may call it is refused (deny by
 * default, so a forgotten annotation fails closed), and a user who must change their password may do only that.
 */
@Configuration(proxyBeanMethods = false)
class AccessInterceptors implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptors.class);
    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of(
            "/api/v1/auth/password", "/api/v1/auth/logout", "/password", "/logout", "/login", "/error");

    /** What a user who must still turn on MFA may call: set it up, change the password, and leave. */
    private static final Set<String> ALLOWED_BEFORE_MFA_ENROLMENT = Set.of(
            "/api/v1/auth/mfa/setup", "/api/v1/auth/mfa/confirm", "/api/v1/auth/me", "/api/v1/auth/password",
            "/api/v1/auth/logout", "/mfa", "/password", "/logout", "/login", "/error");

    /**
     * What an administrator may call although its rule names no admin role: their own sign-in, password, MFA and
     * start page, and the lists every user needs to fill in a form (org units, role names).
     */
    private static final Set<String> OPEN_TO_ADMINS = Set.of("/", "/api/v1/auth/me", "/api/v1/auth/password",
            "/api/v1/auth/logout", "/api/v1/auth/mfa/setup", "/api/v1/auth/mfa/confirm", "/api/v1/org-units",
            "/api/v1/roles", "/password", "/mfa", "/logout", "/login", "/error");
    private static final List<String> ADMIN_ROLE_NAMES = Role.ADMINS.stream().map(Role::name).toList();

    private final ProblemResponses problems;
    private final MfaService mfa;

    AccessInterceptors(ProblemResponses problems, MfaService mfa) {
        this.problems = problems;
        this.mfa = mfa;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeclaredAccess());
        registry.addInterceptor(new PasswordChangeGate());
        registry.addInterceptor(new MfaEnrolmentGate());
        registry.addInterceptor(new SeparationOfDutiesGate());
    }

    /**
     * 三权分立 in one place: an administrator is refused every handler whose access rule names no admin role, so a
     * business list or read answers them 403 instead of an empty 200, and a new business endpoint is closed to
     * admins without anyone remembering to say so. A rule that names an admin role ({@code hasRole('SYSTEM_ADMIN')},
     * {@code !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')}) was written with admins in mind and decides for itself.
     */
    static boolean openToAdmins(HandlerMethod method, String path) {
        if (OPEN_TO_ADMINS.contains(path)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        String expression = rule == null ? "" : rule.value();
        return ADMIN_ROLE_NAMES.stream().anyMatch(expression::contains);
    }

    private final class SeparationOfDutiesGate implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            var user = CurrentUsers.current();
            if (user.isEmpty() || !user.get().isAdmin() || !(handler instanceof HandlerMethod method)
                    || isFrameworkHandler(method)) {
                return true;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (openToAdmins(method, path)) {
                return true;
            }
            if (path.startsWith("/api/")) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden.admin");
            } else {
                response.sendError(HttpStatus.FORBIDDEN.value());
            }
            return false;
        }
    }

    static boolean allowedBeforePasswordChange(String path) {
        return ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path);
    }

    static boolean allowedBeforeMfaEnrolment(String path) {
        return ALLOWED_BEFORE_MFA_ENROLMENT.contains(path);
    }

    static boolean declaresAccess(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getMethod(), PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }

    private final class DeclaredAccess implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            if (handler instanceof HandlerMethod method && !declaresAccess(method) && !isFrameworkHandler(method)) {
                log.error("Refused {} {}: handler {} declares no access rule", request.getMethod(),
                        request.getRequestURI(), method.getShortLogMessage());
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
                return false;
            }
            return true;
        }
    }

    /**
     * Spring's own handlers (error page, OpenAPI documents) are guarded by the filter chains' rules; so are the methods
     * our subclass of the error controller inherits from Spring's.
     */
    static boolean isFrameworkHandler(HandlerMethod method) {
        String pkg = method.getMethod().getDeclaringClass().getPackageName();
        return !pkg.startsWith("com.tobacco.retailcrm");
    }

    /**
     * When the policy requires MFA of this user (administrators and leaders) and they have none, they may only set it
     * up (and change the password, and leave): the API answers 403, a page sends them to the set-up page. The bearer
     * filter already stopped API calls; this gate is the pages' (and a safety net for the API).
     */
    private final class MfaEnrolmentGate implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            var user = CurrentUsers.current();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (user.isEmpty() || !(handler instanceof HandlerMethod) || ALLOWED_BEFORE_MFA_ENROLMENT.contains(path)
                    || request.getAttribute(BearerTokenFilter.MFA_CHECKED) != null || !mfa.enrolmentRequired(user.get())) {
                return true;
            }
            if (path.startsWith("/api/")) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.mfa.setupRequired");
            } else {
                response.sendRedirect(request.getContextPath() + "/mfa");
            }
            return false;
        }
    }

    private final class PasswordChangeGate implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            var user = CurrentUsers.current();
            if (user.isEmpty() || !user.get().passwordChangeRequired()) {
                return true;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path) || !(handler instanceof HandlerMethod)) {
                return true;
            }
            if (path.startsWith("/api/")) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.password.changeRequired");
            } else {
                response.sendRedirect(request.getContextPath() + "/password");
            }
            return false;
        }
    }
}
