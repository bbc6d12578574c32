package com.clinicsuite.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A pharmacy's reminder channels. The {@code *Enc} columns hold AES-GCM ciphertext, never a plain secret. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false, unique = true)
    public long pharmacyId;

    @Column(name = "email_provider", length = 20)
    public String emailProvider;

    @Column(name = "from_email", length = 320)
    public String fromEmail;

    @Column(name = "from_name", length = 200)
    public String fromName;

    @Column(name = "reply_to", length = 320)
    public String replyTo;

    @Column(name = "sendgrid_api_key_enc", length = 1000)
    public String sendgridApiKeyEnc;

    @Column(name = "sms_provider", length = 20)
    public String smsProvider;

    @Column(name = "smsportal_client_id", length = 200)
    public String smsportalClientId;

    @Column(name = "smsportal_api_secret_enc", length = 1000)
    public String smsportalApiSecretEnc;

    @Column(name = "sms_sender_id", length = 20)
    public String smsSenderId;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "contact_phone", length = 50)
    public String contactPhone;

    @Column(name = "bank_details", length = 500)
    public String bankDetails;

    /** {@code en} or {@code af}: reminders to accounts without a language of their own. */
    @Column(name = "default_language", nullable = false, length = 2)
    public String defaultLanguage = "en";

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;
}
