package com.clinicsuite.notification.repository;

import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.persistence.DeliveryStatusConverter;
import com.clinicsuite.vocabulary.persistence.ReminderChannelConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One reminder's delivery, unique by {@code reminderId}. Status machine: {@code queued -> sending -> sent ->
 * delivered}, or {@code failed} from any non-final state. Only {@code queued} rows are ever (re)sent, so a
 * reminder reaches a provider at most once. Holds personal data (recipient, rendered text): never log it.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reminder_id", nullable = false, unique = true, length = 100)
    public String reminderId;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "debtor_id", nullable = false)
    public long debtorId;

    @Column(name = "acc_no", nullable = false, length = 50)
    public String accNo;

    @Convert(converter = ReminderChannelConverter.class)
    @Column(nullable = false, length = 10)
    public ReminderChannel channel;

    @Column(length = 20)
    public String provider;

    @Column(nullable = false, length = 320)
    public String recipient;

    @Convert(converter = DeliveryStatusConverter.class)
    @Column(nullable = false, length = 20)
    public DeliveryStatus status;

    @Column(length = 500)
    public String subject;

    @Column(name = "body_text", columnDefinition = "text")
    public String bodyText;

    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;

    /**
     * The statement of account to attach (JSON of platform-documents' {@code Statement}); null when the reminder
     * carries none. Rendered to PDF when the e-mail is sent.
     */
    @Column(name = "statement", columnDefinition = "text")
    public String statement;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Column(length = 1000)
    public String error;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    /** The language the reminder was rendered in ({@code en}, {@code af}). */
    @Column(length = 2)
    public String language;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The instance sending it (while {@code sending}): {@code DeliveryDispatcher}'s instance id. */
    @Column(name = "claimed_by", length = 100)
    public String claimedBy;

    /**
     * Until when the claim holds; the sender renews it while it sends. Only once it passed is the delivery taken as
     * interrupted (failed, never re-sent).
     */
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
}
