package com.clinicsuite.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** PUT body of a template: Qute source. E-mail needs {@code subject} and {@code text}; {@code html} is optional. */
public record TemplateUpdate(
        @Size(max = 500) String subject,
        @Size(max = 100_000) String html,
        @NotBlank @Size(max = 100_000) String text) {}
