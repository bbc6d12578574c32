package com.clinicsuite.notification.service;

import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.util.List;

/**
 * A template that breaks a sandbox rule: 422 with the rule as {@code code} and one error on the field
 * {@code template} whose message names the part (subject, html, text) and what to change.
 */
public class TemplateRejectedException extends UnprocessableEntityException {

    public static final String FIELD = "template";

    private final TemplateRule rule;

    public TemplateRejectedException(TemplateRule rule, String part, String message) {
        super(FIELD + " (" + part + "): " + message, List.of(new ApiError.FieldError(FIELD, part + ": " + message)));
        this.rule = rule;
    }

    public TemplateRule rule() {
        return rule;
    }
}
