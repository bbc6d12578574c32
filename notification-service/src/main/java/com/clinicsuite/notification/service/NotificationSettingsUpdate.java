package com.clinicsuite.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * PUT body. Secrets are write-only: an omitted secret (or the masked value a GET returned) keeps the stored one,
 * {@code null} or {@code ""} removes it. A {@code null} provider turns its channel off.
 */
public class NotificationSettingsUpdate {

    @Pattern(regexp = "smtp|sendgrid", message = "must be smtp, sendgrid or null")
    public String emailProvider;

    @Email
    @Size(max = 320)
    public String fromEmail;

    @Size(max = 200)
    public String fromName;

    @Email
    @Size(max = 320)
    public String replyTo;

    @Pattern(regexp = "smsportal", message = "must be smsportal or null")
    public String smsProvider;

    @Size(max = 200)
    public String smsportalClientId;

    @Size(max = 11, message = "must be at most 11 characters (alphanumeric sender id)")
    public String smsSenderId;

    @Size(max = 200)
    public String displayName;

    @Size(max = 50)
    public String contactPhone;

    @Size(max = 500)
    public String bankDetails;

    /** {@code en} or {@code af}; left out or null keeps the stored one ({@code en} for a new pharmacy). */
    @Pattern(regexp = "en|af", message = "must be en or af")
    public String defaultLanguage;

    private SecretChange sendgridApiKey = SecretChange.KEEP;
    private SecretChange smsportalApiSecret = SecretChange.KEEP;

    @JsonProperty("sendgrid_api_key")
    void setSendgridApiKey(String value) {
        this.sendgridApiKey = SecretChange.of(value);
    }

    @JsonProperty("smsportal_api_secret")
    void setSmsportalApiSecret(String value) {
        this.smsportalApiSecret = SecretChange.of(value);
    }

    @JsonIgnore
    public SecretChange sendgridApiKeyChange() {
        return sendgridApiKey;
    }

    @JsonIgnore
    public SecretChange smsportalApiSecretChange() {
        return smsportalApiSecret;
    }

    /** What a PUT does to a stored secret. */
    public record SecretChange(Kind kind, String value) {
        public enum Kind {
            KEEP,
            CLEAR,
            SET
        }

        static final SecretChange KEEP = new SecretChange(Kind.KEEP, null);

        static SecretChange of(String value) {
            if (value == null || value.isBlank()) {
                return new SecretChange(Kind.CLEAR, null);
            }
            if (value.startsWith("****")) {
                return KEEP; // the masked value a GET answered, sent back unchanged
            }
            return new SecretChange(Kind.SET, value.strip());
        }

        @Override
        public String toString() {
            return "SecretChange[" + kind + "]";
        }
    }
}
