package com.clinicsuite.notification.rest;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A channel's reminder template in one language; {@code is_default} when the pharmacy has not edited it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateView(
        ReminderChannel channel,
        String language,
        String subject,
        String html,
        String text,
        boolean isDefault,
        OffsetDateTime updatedAt) {}
