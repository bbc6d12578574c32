package com.clinicsuite.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * PUT body of a template: Qute source. E-mail needs {@code subject} and {@code text}; {@code html} is optional. The
 * length of {@code html} and {@code text} is the sandbox's rule ({@code notification.templates.max-length}).
 */
public record TemplateUpdate(
        @Size(max = 500) String subject,
        String html,
        @NotBlank String text) {}
