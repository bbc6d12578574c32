package com.clinicsuite.debtor.repository;

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
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A reminder requested for an account and how its delivery went. Keyed to the account (pharmacy + acc_no),
 * not to a debtor row, so the history survives report replacements.
 */
@Entity
@Table(name = "communication")
public class Communication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Column(name = "acc_no", nullable = false, length = 32)
    public String accNo;

    /** The ReminderRequested idempotency key; delivery-status events refer to it. */
    @Column(name = "reminder_id", nullable = false, unique = true, length = 36)
    public String reminderId;

    @Convert(converter = ReminderChannelConverter.class)
    @Column(name = "communication_type", nullable = false, length = 10)
    public ReminderChannel communicationType;

    @Column(nullable = false, length = 320)
    public String recipient;

    @Column(name = "amount_due", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountDue;

    @Column(length = 500)
    public String subject;

    @Column(columnDefinition = "text")
    public String message;

    @Convert(converter = DeliveryStatusConverter.class)
    @Column(nullable = false, length = 20)
    public DeliveryStatus status;

    @Column(length = 50)
    public String provider;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Column(name = "error_message", length = 1000)
    public String errorMessage;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** When the current status happened at the provider. */
    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The policy run that queued this reminder; null for one sent by hand. */
    @Column(name = "run_id")
    public Long runId;
}
