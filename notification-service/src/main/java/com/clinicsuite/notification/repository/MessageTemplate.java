package com.clinicsuite.notification.repository;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.persistence.ReminderChannelConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;

/** A pharmacy's own reminder template for one channel and language (Qute source); none stored: the built-in one. */
@Entity
@Table(
        name = "message_template",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "message_template_pharmacy_channel_language",
                        columnNames = {"pharmacy_id", "channel", "language"}))
public class MessageTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pharmacy_id", nullable = false)
    public long pharmacyId;

    @Convert(converter = ReminderChannelConverter.class)
    @Column(nullable = false, length = 10)
    public ReminderChannel channel;

    /** {@code en} or {@code af}. */
    @Column(nullable = false, length = 2)
    public String language;

    @Column(length = 500)
    public String subject;

    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;

    @Column(name = "body_text", nullable = false, columnDefinition = "text")
    public String bodyText;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;
}
