package com.clinicsuite.notification.rest;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A rendered reminder; SMS previews add the encoding, billed characters and parts the provider will count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviewView(
        ReminderChannel channel,
        String subject,
        String html,
        String text,
        String encoding,
        Integer characters,
        Integer parts) {}
