package com.tobacco.retailcrm.audit.request;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.audit.domain.JdbcAuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests audited as such, wherever they are answered: every download (export) that its own code did not record,
 * and every refused request (401, 403) becomes an audit event, whichever part refused it: the security filters, the
 * access gates, method security or a service. The outer filter sees the final status after everything ran; the
 * inner one, behind the security filters, notes who the caller was (the security context is cleared by the time
 * the outer filter looks). {@link DeniedRequestThrottle} keeps a flood of refusals from flooding the log.
 */
@Configuration(proxyBeanMethods = false)
class RequestAudit {

    static final String ACTOR = RequestAudit.class.getName() + ".actor";
    /** Refused sign-ins are already recorded, with their reason, by the sign-in itself. */
    private static final Set<String> RECORDED_ELSEWHERE = Set.of("/api/v1/auth/token", "/login");
    private static final int MAX_TARGET = 100;
    private static final java.util.regex.Pattern FILE_NAME =
            java.util.regex.Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)");
    private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deniedRequestRecorder(AuditLog audit, Clock clock) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Recorder(audit, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deniedRequestActorCapture() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new ActorCapture());
        registration.setOrder(0);
        return registration;
    }

    private static final class ActorCapture extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
                request.setAttribute(ACTOR, auth.getName());
            }
            chain.doFilter(request, response);
        }
    }

    private static final class Recorder extends OncePerRequestFilter {
        private final AuditLog audit;
        private final Clock clock;
        private final DeniedRequestThrottle throttle = new DeniedRequestThrottle();

        Recorder(AuditLog audit, Clock clock) {
            this.audit = audit;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                if (request.isAsyncStarted()) {
                    // a streamed export: its status, headers and own record are final only when it completes
                    request.getAsyncContext().addListener(new jakarta.servlet.AsyncListener() {
                        @Override
                        public void onComplete(jakarta.servlet.AsyncEvent event) {
                            afterResponse(request, response);
                        }

                        @Override
                        public void onTimeout(jakarta.servlet.AsyncEvent event) {
                        }

                        @Override
                        public void onError(jakarta.servlet.AsyncEvent event) {
                        }

                        @Override
                        public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                        }
                    });
                } else {
                    afterResponse(request, response);
                }
            }
        }

        private void afterResponse(HttpServletRequest request, HttpServletResponse response) {
            // the request's own context has ended by now: the log reads the source address from it
            var previous = RequestContextHolder.getRequestAttributes();
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
            try {
                recordIfAudited(request, response);
            } finally {
                RequestContextHolder.setRequestAttributes(previous);
            }
        }

        private void recordIfAudited(HttpServletRequest request, HttpServletResponse response) {
            int status = response.getStatus();
            if ((status == 401 || status == 403) && !RECORDED_ELSEWHERE.contains(path(request))) {
                record(request, status);
            } else if (status == 200 && isDownload(response)
                    && request.getAttribute(JdbcAuditLog.RECORDED_IN_REQUEST) == null) {
                recordDownload(request, response);
            }
        }

        /** A file the server hands over (an export of a list or report): Content-Disposition: attachment. */
        private static boolean isDownload(HttpServletResponse response) {
            String disposition = response.getHeader("Content-Disposition");
            return disposition != null && disposition.toLowerCase(java.util.Locale.ROOT).startsWith("attachment");
        }

        /**
         * Every export is audited even where its own code records nothing: who downloaded which file with which
         * filter (the query string), not the file's content.
         */
        private void recordDownload(HttpServletRequest request, HttpServletResponse response) {
            String query = request.getQueryString();
            String detail = "file=" + fileName(response.getHeader("Content-Disposition"))
                    + (query == null ? "" : " query=" + query);
            try {
                audit.record(new AuditEntry("REPORT_EXPORT", "DOWNLOAD", truncate(path(request)), null,
                        AuditOutcome.SUCCESS, detail, (String) request.getAttribute(ACTOR)));
            } catch (RuntimeException e) {
                log.error("Could not record the download of {}", path(request), e);
            }
        }

        private static String fileName(String disposition) {
            var m = FILE_NAME.matcher(disposition);
            return m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : "";
        }

        private void record(HttpServletRequest request, int status) {
            String actor = (String) request.getAttribute(ACTOR);
            String principal = actor != null ? actor : "ip:" + request.getRemoteAddr();
            String target = truncate(request.getMethod() + " " + path(request));
            var decision = throttle.admit(principal, target, clock.instant());
            if (decision.isEmpty()) {
                return;
            }
            String detail = "status=" + status + (decision.get().summary()
                    ? " withEarlierUnrecorded=" + (decision.get().refusals() - 1) : "");
            try {
                audit.record(new AuditEntry(status == 401 ? "REQUEST_UNAUTHENTICATED" : "REQUEST_DENIED", "REQUEST",
                        target, null, AuditOutcome.DENIED, detail, actor));
            } catch (RuntimeException e) {
                // the refusal has been answered; a failed record must not turn it into a 500
                log.error("Could not record the refused request {} of {}", target, principal, e);
            }
        }

        private static String truncate(String target) {
            return target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target;
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }
}
