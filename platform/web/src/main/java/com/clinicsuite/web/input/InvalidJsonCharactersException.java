package com.clinicsuite.web.input;

import com.clinicsuite.web.errors.JsonBodyErrors;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string value (or object key) of a request body holds a character {@link ControlCharacters#firstInText}
 * refuses. A {@link JsonMappingException}, so Jackson records on it where in the document it was found; the edge
 * answers 422 {@code invalid_characters} naming that place ({@code voucher_number}, {@code items[2].name}). A
 * {@link MismatchedInputException} in particular, because Quarkus REST passes those on to the exception mappers as
 * they are (any other {@link JsonMappingException} it turns into a bare 400).
 */
public class InvalidJsonCharactersException extends MismatchedInputException {

    private final String what;

    InvalidJsonCharactersException(JsonParser parser, String value, int index) {
        super(
                parser,
                "A JSON string holds a control character (" + ControlCharacters.describe(value, index) + ")",
                String.class);
        this.what = ControlCharacters.problem(value, index);
    }

    /** What is wrong with the value, for the answer (the value itself is never repeated). */
    public String what() {
        return what;
    }

    /** Where the value is, as the caller wrote it: {@code name}, {@code items[2].name}; {@code body} at the top. */
    public String field() {
        return JsonBodyErrors.field(this);
    }
}
