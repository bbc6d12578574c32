package com.clinicsuite.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * The ObjectMapper request bodies are read with: the application's own (snake_case and every other setting) plus a
 * module that refuses, in every JSON string value and object key, the characters {@link ControlCharacters#firstInText}
 * names. {@code "AB\u0000CD"} is valid JSON, so the parser alone lets it through.
 *
 * <p>It also reads strictly where Jackson's defaults would quietly change what the caller sent: a fraction for a whole
 * number ({@code "count": 1.5}) is refused rather than cut to 1, and anything after the JSON document
 * ({@code {"a": 1} }}) is a syntax error rather than ignored (docs/development.md, "Errors").
 *
 * <p>Only the HTTP server uses it ({@code ConstrainedTo(SERVER)}): the application's ObjectMapper bean, which the
 * outbox, the inbox and REST clients use, is unchanged, so an event or a provider's answer holding such a character
 * is handled as before rather than refused.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyCharacters implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    public RequestBodyCharacters(ObjectMapper application) {
        this.mapper = application
                .copy()
                .registerModule(module())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The Jackson module on its own (a String deserializer and a String key deserializer). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("clinicsuite-request-body-characters");
        module.addDeserializer(String.class, new CheckedString());
        module.addKeyDeserializer(String.class, new CheckedKey());
        return module;
    }

    private static String checked(JsonParser parser, String value) throws InvalidJsonCharactersException {
        OptionalInt refused = ControlCharacters.firstInText(value);
        if (refused.isPresent()) {
            throw new InvalidJsonCharactersException(parser, value, refused.getAsInt());
        }
        return value;
    }

    /** Jackson's own String deserializer (numbers, booleans and the like still become text), then the check. */
    private static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return value == null ? null : checked(parser, value);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }
}
