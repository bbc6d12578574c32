package com.clinicsuite.notification.service;

/** The rules of the template sandbox; each refusal names one, as the {@code code} of its 422 answer. */
public enum TemplateRule {
    TOO_LONG("template_too_long"),
    SYNTAX("template_syntax"),
    TOO_COMPLEX("template_too_complex"),
    UNKNOWN_NAMESPACE("template_unknown_namespace"),
    UNKNOWN_PLACEHOLDER("template_unknown_placeholder"),
    METHOD_NOT_ALLOWED("template_method_not_allowed"),
    SECTION_NOT_ALLOWED("template_section_not_allowed"),
    LOOP_NOT_ALLOWED("template_loop_not_allowed"),
    INVALID_CONDITION("template_invalid_condition"),
    OUTPUT_TOO_LARGE("template_output_too_large"),
    TOO_SLOW("template_too_slow");

    private final String code;

    TemplateRule(String code) {
        this.code = code;
    }

    /** The machine-readable name answered as {@code code}. */
    public String code() {
        return code;
    }
}
