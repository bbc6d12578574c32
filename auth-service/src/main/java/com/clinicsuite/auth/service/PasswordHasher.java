package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * bcrypt hashing and verification, always on a worker thread (a hash costs tens to hundreds of milliseconds and
 * must not block the event loop); results come back on the caller's Vert.x context, where the reactive session
 * lives. Created at start-up: its dummy hash costs as much as a real one and must not be made on the event loop.
 */
@Startup
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    /** Compared against when the username is unknown, so unknown and known users take the same time. */
    private final String dummyHash;

    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.cost = config.password().bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> hashBlocking(password), false);
    }

    /** For callers already on a worker thread (start-up). */
    public String hashBlocking(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Verifies against {@code storedHash}, or against a dummy hash when there is none (unknown user). */
    public Uni<Boolean> matches(String password, String storedHash) {
        String hash = storedHash != null ? storedHash : dummyHash;
        return vertx.executeBlocking(() -> BcryptUtil.matches(password, hash) && storedHash != null, false);
    }

    public int cost() {
        return cost;
    }
}
