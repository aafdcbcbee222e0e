package vn.sohoa.app.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions on every node (they live in the database): after a new password, a new role, or the
 * account disabled, nobody keeps acting on the strength of the old one. HTTP Basic callers need nothing of this: each
 * request is checked against the user as stored now.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session of {@code username} except {@code keep} (the caller's own, when users change their own
     * password; null for none) and returns how many ended.
     */
    public int end(String username, String keep) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0; // no web server in this process (a command-line tool)
        }
        int ended = 0;
        for (String id : repository.findByPrincipalName(username).keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
