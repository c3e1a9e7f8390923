package io.feedbackloop.action.identity;

import java.time.Clock;
import java.util.UUID;

import io.feedbackloop.action.config.AuthConfig;
import io.feedbackloop.kit.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Seeds the first administrator from {@code auth.admin.email} and {@code auth.admin.password} once:
 * a later start keeps the account as it is (its password may have been changed since). There is no
 * default: without both, no administrator is seeded (people then come from the company's own
 * provider); a weak password refuses to start.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AuthConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes StartupEvent startup) {
        AuthConfig.Admin admin = config.admin();
        if (admin.email().isEmpty() || admin.password().isEmpty()) {
            LOG.warn("no auth.admin.email / auth.admin.password (AUTH_ADMIN_EMAIL / AUTH_ADMIN_PASSWORD): "
                    + "no administrator is seeded at the built-in issuer");
            return;
        }
        requireStrong(admin.password().get());
        // replicas starting together: the unique email lets one insert win
        int seeded = entityManager.createNativeQuery("""
                        INSERT INTO team_member (id, team_id, email, name, role, password_hash, active, created_at)
                        VALUES (?1, NULL, ?2, 'Administrator', ?3, ?4, TRUE, ?5)
                        ON CONFLICT (email) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, admin.email().get().strip())
                .setParameter(3, Roles.ADMIN).setParameter(4, Passwords.hash(admin.password().get()))
                .setParameter(5, clock.instant()).executeUpdate();
        if (seeded > 0) {
            LOG.info("seeded the administrator of auth.admin.email");
        }
    }

    /** @throws IllegalStateException naming the rule the configured password breaks */
    public static void requireStrong(String password) {
        Passwords.weakness(password).ifPresent(weakness -> {
            throw new IllegalStateException("auth.admin.password (AUTH_ADMIN_PASSWORD) is too weak: it " + weakness);
        });
    }
}
