package vn.sohoa.app.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins to the web UI and every failed attempt, web or API, go to the audit log. (API calls authenticate on
 * every request; their successes would bury everything else.) Passwords never reach the log.
 */
@Component
class LoginAudit {

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), null, AuditAction.LOGIN_SUCCEEDED, null, "web sign-in");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        audit.record(name.length() > 64 ? name.substring(0, 64) : name, null, AuditAction.LOGIN_FAILED, null,
                event.getException().getClass().getSimpleName());
    }
}
