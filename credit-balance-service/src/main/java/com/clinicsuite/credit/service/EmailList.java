package com.clinicsuite.credit.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** One or more e-mail addresses separated by {@code ,} or {@code ;}, each syntactically valid. Null is valid. */
@Documented
@Constraint(validatedBy = EmailList.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailList {

    String message() default "must be e-mail addresses (name@domain.tld), separated by commas";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Splits a cell into its addresses; shared with the normalisation so both agree on what an address is. */
    Pattern SEPARATORS = Pattern.compile("[,;]");

    class Validator implements ConstraintValidator<EmailList, String> {

        // local part, "@", dotted domain with a 2+ letter top-level domain; no spaces anywhere
        private static final Pattern ADDRESS =
                Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                        + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            for (String address : SEPARATORS.split(value)) {
                if (!address.isBlank() && !ADDRESS.matcher(address.trim()).matches()) {
                    return false;
                }
            }
            return true;
        }
    }
}
