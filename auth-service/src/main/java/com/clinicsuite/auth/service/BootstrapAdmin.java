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
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The first admin comes from configuration (AUTH_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD) and is created at start
 * only when no active admin exists: there are no built-in credentials. If that username already exists (an admin
 * who was deactivated or demoted), it is made an active admin again with the configured password: the way back
 * in when the suite has lost every admin.
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
        if (config.username().isEmpty() || config.password().isEmpty()) {
            LOG.info("No bootstrap admin configured (AUTH_BOOTSTRAP_ADMIN_USERNAME / AUTH_BOOTSTRAP_ADMIN_PASSWORD)");
            return;
        }
        if (VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(users::activeAdminExists))) {
            return;
        }
        try {
            passwordPolicy.check(config.password().get());
        } catch (UnprocessableEntityException e) {
            throw new IllegalStateException("Bootstrap admin password: " + e.getMessage());
        }
        // hashed here, on the start-up thread, not on the event loop the transaction runs on
        String hash = hasher.hashBlocking(config.password().get());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> createOrRestore(hash)));
    }

    private Uni<Void> createOrRestore(String hash) {
        String username = config.username().orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return users.findByUsername(username)
                .chain(existing -> {
                    UserAccount admin = existing != null ? existing : new UserAccount();
                    if (existing == null) {
                        admin.username = username;
                        admin.email = config.email().orElse(null);
                        admin.createdAt = now;
                        admin.accessChangedAt = accessChanges.initial();
                    }
                    Set<String> roles = new LinkedHashSet<>(admin.roles);
                    roles.add(Claims.ROLE_ADMIN);
                    admin.roles = roles;
                    admin.passwordHash = hash;
                    admin.active = true;
                    admin.deactivatedAt = null;
                    admin.updatedAt = now;
                    return users.persist(admin);
                })
                .chain(admin -> {
                    LOG.infof("Bootstrap admin ready: user %d", admin.id);
                    return audit.record(Actor.SYSTEM, "user.bootstrap_admin", "user", admin.id, "roles=" + admin.roles);
                });
    }
}
