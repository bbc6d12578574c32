package com.clinicsuite.notification.rest;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A channel's reminder template; {@code is_default} when the pharmacy has not edited it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateView(
        ReminderChannel channel,
        String subject,
        String html,
        String text,
        boolean isDefault,
        OffsetDateTime updatedAt) {}
