package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.repository.UserAccount;
import com.clinicsuite.auth.repository.UserAccountRepository;
import com.clinicsuite.security.Claims;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The first admin comes from configuration (AUTH_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD): there are no built-in
 * credentials. The configured password is used once, to create that user, and only while no active admin exists.
 * It never changes an existing account: a restart with the variables still set (as the stack and Kubernetes do) must
 * not reset a password the admin has changed since, nor re-enable an account another admin deactivated. If the
 * suite has lost every admin, configure a username that does not exist yet (docs/security.md).
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final AuthConfig.BootstrapAdmin config;
    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AccessChanges accessChanges;
    private final AuditTrail audit;
    private final Clock clock;

    public BootstrapAdmin(
            AuthConfig config,
            UserAccountRepository users,
            PasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            AccessChanges accessChanges,
            AuditTrail audit,
            Clock clock) {
        this.config = config.bootstrapAdmin();
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.accessChanges = accessChanges;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        ensureFirstAdmin();
    }

    /** Creates the configured admin if neither it nor any active admin exists; changes nothing else. */
    public void ensureFirstAdmin() throws Throwable {
        if (config.username().isEmpty() || config.password().isEmpty()) {
            LOG.info("No bootstrap admin configured (AUTH_BOOTSTRAP_ADMIN_USERNAME / AUTH_BOOTSTRAP_ADMIN_PASSWORD)");
            return;
        }
        String username = config.username().get();
        UserAccount existing =
                VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> users.findByUsername(username)));
        if (existing != null) {
            LOG.infof(
                    "Bootstrap admin user %d already exists: AUTH_BOOTSTRAP_ADMIN_PASSWORD is ignored "
                            + "(it is only used to create that user)",
                    existing.id);
            return;
        }
        if (VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(users::activeAdminExists))) {
            LOG.info("An active admin exists: the bootstrap admin settings are ignored");
            return;
        }
        try {
            passwordPolicy.check(config.password().get());
        } catch (UnprocessableEntityException e) {
            throw new IllegalStateException("Bootstrap admin password: " + e.getMessage());
        }
        // hashed here, on the start-up thread, not on the event loop the transaction runs on
        String hash = hasher.hashBlocking(config.password().get());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> create(username, hash)));
    }

    private Uni<Void> create(String username, String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // another replica starting at the same moment may have created it: the unique username then fails this one
        UserAccount admin = new UserAccount();
        admin.username = username;
        admin.email = config.email().orElse(null);
        admin.roles = new LinkedHashSet<>(List.of(Claims.ROLE_ADMIN));
        admin.passwordHash = hash;
        admin.active = true;
        admin.createdAt = now;
        admin.updatedAt = now;
        admin.accessChangedAt = accessChanges.initial();
        return users.persist(admin).chain(created -> {
            LOG.infof("Bootstrap admin created: user %d", created.id);
            return audit.record(Actor.SYSTEM, "user.bootstrap_admin", "user", created.id, "roles=" + created.roles);
        });
    }
}
