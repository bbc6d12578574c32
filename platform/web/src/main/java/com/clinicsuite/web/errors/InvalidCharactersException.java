package com.clinicsuite.web.errors;

import com.clinicsuite.web.input.ControlCharacters;
import java.util.List;

/**
 * 422 {@code invalid_characters}: a value holds a control character or a lone surrogate (see
 * {@link ControlCharacters}). Names the field and the code point, never echoes the value.
 */
public class InvalidCharactersException extends UnprocessableEntityException {

    public static final String CODE = "invalid_characters";

    public InvalidCharactersException(String field, String what) {
        super(field + ": " + what, List.of(new ApiError.FieldError(field, what)));
    }

    /** The message for {@code value}, whose character at {@code index} was refused. */
    public static InvalidCharactersException of(String field, String value, int index) {
        return new InvalidCharactersException(field, ControlCharacters.problem(value, index));
    }

    @Override
    public String code() {
        return CODE;
    }
}
