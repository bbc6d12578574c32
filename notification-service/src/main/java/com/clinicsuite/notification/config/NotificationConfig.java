package com.clinicsuite.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything under {@code notification.*}; secrets come from the environment, never from committed files. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Secrets secrets();

    Dispatch dispatch();

    Retry retry();

    SendGrid sendgrid();

    SmsPortal smsportal();

    Webhooks webhooks();

    Templates templates();

    interface Secrets {
        /** Base64 of a 256-bit AES key that encrypts provider secrets at rest (env NOTIFICATION_SECRETS_KEY). */
        String key();
    }

    interface Dispatch {
        /** How many queued deliveries one claim takes. */
        @WithDefault("100")
        int batchSize();

        /** Messages per second each pharmacy may send (per replica). */
        @WithDefault("20")
        double messagesPerSecondPerPharmacy();

        /**
         * A delivery in {@code sending} without a lease (claimed before issue 18.6) and not touched for this long was
         * interrupted mid-send; it is failed, never re-sent.
         */
        @WithDefault("PT15M")
        Duration sendingTimeout();

        /**
         * How long a claim holds without renewal. The sender renews the lease of the deliveries it is sending every
         * third of it (heartbeat); once a lease passed (the sender crashed or lost the database), any replica fails
         * the delivery as interrupted.
         */
        @WithDefault("PT1M")
        Duration lease();
    }

    interface Retry {
        /** Retries after the first attempt for 429, 5xx and timeouts. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Upper bound on a provider's Retry-After we are willing to wait. */
        @WithDefault("PT60S")
        Duration maxRetryAfter();
    }

    interface SendGrid {
        /** Sandbox mode: SendGrid validates but does not send. On except in the prod profile. */
        @WithDefault("true")
        boolean sandbox();
    }

    interface SmsPortal {
        /** Renew the cached token this long before it expires. */
        @WithDefault("PT5M")
        Duration tokenRefreshMargin();

        /** SMSPortal's testMode: validated and charged nothing, not sent. */
        @WithDefault("false")
        boolean testMode();

        @WithDefault("Debtor reminders")
        String campaignName();
    }

    interface Webhooks {
        /** SendGrid's Signed Event Webhook public key (base64 DER, ECDSA P-256); when set, signatures are required. */
        Optional<String> sendgridVerificationKey();

        /** Shared secret expected in the {@code X-Webhook-Token} header of SendGrid calls when no key is set. */
        Optional<String> sendgridToken();

        /** Shared secret expected in the {@code X-Webhook-Token} header of SMSPortal calls. */
        Optional<String> smsportalToken();

        /** Oldest signed SendGrid timestamp accepted (replay protection). */
        @WithDefault("PT10M")
        Duration maxSignatureAge();
    }

    /** Limits of the sandbox pharmacies' templates render in (each part: subject, html, text). */
    interface Templates {
        /** Longest template source accepted, in characters, on save and on preview. */
        @WithDefault("20000")
        int maxLength();

        /** Longest rendered output of one part, in characters. */
        @WithDefault("100000")
        int maxOutput();

        /** Longest time rendering one part may take. */
        @WithDefault("PT1S")
        Duration renderTimeLimit();
    }
}
