package com.clinicsuite.web.input;

import com.clinicsuite.web.errors.InvalidCharactersException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses, before any resource runs, path and query parameters holding a control character (decoded: {@code %00}
 * is a NUL), form fields holding one that free text may not hold, and uploaded files whose name holds one: 422
 * {@code invalid_characters} naming the parameter or form field. JSON bodies: {@link RequestBodyCharacters}.
 */
public class ParameterCharacters {

    @ServerRequestFilter
    public void pathAndQuery(UriInfo uri) {
        check(uri.getPathParameters(), ControlCharacters::firstInName);
        check(uri.getQueryParameters(), ControlCharacters::firstInName);
    }

    /** Runs once the form (url-encoded or multipart) has been read; other requests pass untouched. */
    @ServerRequestFilter(readBody = true)
    public void form(ResteasyReactiveContainerRequestContext request) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)) {
            return;
        }
        FormData form = context.getFormData();
        if (form == null) {
            return;
        }
        for (String field : form) {
            refuseName(field, field);
            for (FormValue value : form.get(field)) {
                if (value.isFileItem()) {
                    String fileName = value.getFileName();
                    OptionalInt refused = ControlCharacters.firstInName(fileName);
                    if (refused.isPresent()) {
                        throw new InvalidCharactersException(
                                ControlCharacters.printable(field),
                                "the file name contains a control character or an invalid character ("
                                        + ControlCharacters.describe(fileName, refused.getAsInt())
                                        + "); rename the file and upload it again");
                    }
                } else {
                    refuse(field, value.getValue(), ControlCharacters::firstInText);
                }
            }
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, Function<String, OptionalInt> rule) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            refuseName(name, name);
            for (String value : parameter.getValue()) {
                refuse(name, value, rule);
            }
        }
    }

    private static void refuseName(String field, String name) {
        refuse(field, name, ControlCharacters::firstInName);
    }

    private static void refuse(String field, String value, Function<String, OptionalInt> rule) {
        OptionalInt refused = rule.apply(value);
        if (refused.isPresent()) {
            throw InvalidCharactersException.of(ControlCharacters.printable(field), value, refused.getAsInt());
        }
    }
}
