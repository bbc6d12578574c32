package com.clinicsuite.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Everything auth-service reads from configuration under {@code auth.*} (see README for the env names). */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    Token token();

    Refresh refresh();

    Keys keys();

    Password password();

    Lockout lockout();

    BootstrapAdmin bootstrapAdmin();

    interface Token {
        /** Lifetime of an access token. */
        @WithDefault("30M")
        Duration lifetime();
    }

    interface Refresh {
        /** Lifetime of a refresh token; every use rotates it and starts a new lifetime. */
        @WithDefault("P7D")
        Duration lifetime();
    }

    interface Keys {
        /**
         * Directory of RSA private keys, one PKCS#8 PEM file per key named {@code <kid>.pem}: in production the
         * mount of a Kubernetes secret. Every key there verifies; the active one signs.
         */
        String dir();

        /** kid of the signing key; default: the greatest kid in the directory (name keys by date). */
        Optional<String> active();

        /** Generate and keep a key when the directory holds none (development only). */
        @WithDefault("false")
        boolean generateIfMissing();

        /** How often the directory is re-read, so a rotated secret takes effect without a restart. */
        @WithDefault("60s")
        String reloadInterval();
    }

    interface Password {
        @WithDefault("10")
        int minLength();

        /** bcrypt cost factor (log2 of the rounds). */
        @WithDefault("12")
        int bcryptCost();
    }

    /** Login throttling (service.LoginThrottle; the trade-offs are in docs/security.md). */
    interface Lockout {
        /** Attempts on one account evaluated without a wait; after them, one per back-off wait. */
        @WithDefault("5")
        int maxFailuresPerUsername();

        /** Attempts from one client address evaluated without a wait; after them, one per back-off wait. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** The wait after the free attempts; it doubles with each further attempt. */
        @WithDefault("30S")
        Duration firstWait();

        /** The longest wait: a stranger's attempts never keep an account shut for longer at a time. */
        @WithDefault("15M")
        Duration maxWait();

        /** A counter is forgotten this long after its last wait ended (or its last attempt, without a wait). */
        @WithDefault("15M")
        Duration window();
    }

    interface BootstrapAdmin {
        /**
         * Created at start when neither this user nor any active admin exists; an existing account is never changed
         * (its password is not reset). There are no built-in credentials.
         */
        Optional<String> username();

        Optional<String> password();

        @WithName("email")
        Optional<String> email();
    }
}
