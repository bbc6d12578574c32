package com.clinicsuite.web.openapi;

import com.clinicsuite.web.errors.ApiErrorMappers;
import com.clinicsuite.web.errors.ErrorCode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents every service's error answers the same way, at build time, so no resource repeats them:
 *
 * <ul>
 *   <li>the {@code ApiError} and {@code ApiFieldError} schemas ({@code {"detail", "code", "errors"}}), whose
 *       {@code code} lists every {@link ErrorCode};
 *   <li>the answers the platform gives wherever their cause exists: a JSON body can be malformed (400), of the wrong
 *       type (415) or not fit its fields (422); a multipart body can be malformed (400), too large (413) or of the
 *       wrong type (415); any parameter or body can hold a control character (422); a path naming a record can name
 *       none (404); a secured operation refuses a missing or bad token (401);
 *   <li>every error answer, also those a resource declares itself (409, 429 ...), gets the {@code ApiError} body and
 *       an example with its code, unless the resource gave its own.
 * </ul>
 *
 * What only a resource knows (403 for a pharmacy grant, 409, 413 of a file, 429, 503) it declares with
 * {@code @APIResponse}; a description it gives is kept.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponsesFilter implements OASFilter {

    static final String API_ERROR = "ApiError";
    static final String FIELD_ERROR = "ApiFieldError";
    private static final String JSON = "application/json";
    private static final String MULTIPART = "multipart/form-data";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.equals("/q") || path.startsWith("/q/") || item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(item, method, operation));
        });
    }

    private static void document(PathItem item, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean jsonBody = bodyOf(operation, JSON);
        boolean multipartBody = bodyOf(operation, MULTIPART);
        boolean anyBody = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());

        if (jsonBody) {
            add(responses, 400, "The body is not JSON (a syntax error)", ErrorCode.MALFORMED_JSON);
            add(responses, 415, "The body is not sent as application/json", ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (multipartBody) {
            add(
                    responses,
                    400,
                    "A required part is missing, or the multipart body cannot be read",
                    ErrorCode.MALFORMED_MULTIPART,
                    ErrorCode.BAD_REQUEST);
            add(responses, 413, "The file is larger than this endpoint accepts", ErrorCode.PAYLOAD_TOO_LARGE);
            add(
                    responses,
                    415,
                    "Not multipart/form-data, or a file of a type not accepted",
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (anyBody || !parameters.isEmpty()) {
            List<ErrorCode> codes = jsonBody || parameters.stream().anyMatch(p -> !"path".equals(inName(p)))
                    ? List.of(ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_CHARACTERS)
                    : List.of(ErrorCode.INVALID_CHARACTERS);
            add(
                    responses,
                    422,
                    "A value does not fit its field; errors[] names each field",
                    codes.toArray(ErrorCode[]::new));
        }
        if (parameters.stream().anyMatch(p -> "path".equals(inName(p)))) {
            add(responses, 404, "Nothing found under the path's identifiers", ErrorCode.NOT_FOUND);
        }
        if (secured) {
            add(
                    responses,
                    401,
                    "Not authenticated: no bearer token, or one that is invalid, expired or revoked",
                    ErrorCode.UNAUTHORIZED,
                    ErrorCode.TOKEN_REVOKED);
        }
        describeErrors(responses);
        sortByStatus(responses);
    }

    /** Every error answer: the ApiError body, a description where Quarkus left its generic one, an example. */
    private static void describeErrors(APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            int code = status(status);
            if (code < 400) {
                return;
            }
            if (response.getRef() != null) {
                return;
            }
            if (isGeneric(response.getDescription())) {
                response.setDescription(defaultDescription(code));
            }
            if (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(errorContent(List.of(ErrorCode.forStatus(code))));
            } else {
                MediaType json = response.getContent().getMediaType(JSON);
                if (json != null) {
                    if (json.getSchema() == null) {
                        json.setSchema(ref(API_ERROR));
                    }
                    if ((json.getExamples() == null || json.getExamples().isEmpty()) && json.getExample() == null) {
                        json.setExamples(examples(List.of(ErrorCode.forStatus(code))));
                    }
                }
            }
        });
    }

    /** No description, or the one Quarkus gives the responses it adds on its own. */
    private static boolean isGeneric(String description) {
        return description == null
                || description.equals("Not Authorized")
                || description.equals("Not Allowed")
                || description.equals("Bad Request");
    }

    private static String defaultDescription(int status) {
        return switch (status) {
            case 401 -> "Not authenticated: no bearer token, or one that is invalid, expired or revoked";
            case 403 -> "Authenticated, but the caller's role, center or pharmacy grant does not allow this";
            case 400 -> "The request cannot be read as sent";
            default -> ApiErrorMappers.defaultMessage(status);
        };
    }

    private static void add(APIResponses responses, int status, String description, ErrorCode... codes) {
        String key = Integer.toString(status);
        APIResponse existing = responses.getAPIResponse(key);
        if (existing == null) {
            responses.addAPIResponse(
                    key, OASFactory.createAPIResponse().description(description).content(errorContent(List.of(codes))));
            return;
        }
        if (isGeneric(existing.getDescription())) {
            existing.setDescription(description);
        }
        if (existing.getContent() == null
                || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(errorContent(List.of(codes)));
        } else {
            MediaType json = existing.getContent().getMediaType(JSON);
            if (json != null && json.getExample() == null) {
                Map<String, Example> examples =
                        json.getExamples() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(json.getExamples());
                examples(List.of(codes)).forEach(examples::putIfAbsent);
                json.setExamples(examples);
            }
        }
    }

    private static Content errorContent(List<ErrorCode> codes) {
        return OASFactory.createContent()
                .addMediaType(
                        JSON,
                        OASFactory.createMediaType().schema(ref(API_ERROR)).examples(examples(codes)));
    }

    private static Map<String, Example> examples(List<ErrorCode> codes) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            examples.put(
                    code.code(),
                    OASFactory.createExample().summary(code.meaning()).value(exampleBody(code)));
        }
        return examples;
    }

    /** An answer as the service really gives it for {@code code}. */
    static Map<String, Object> exampleBody(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (code) {
            case MALFORMED_JSON ->
                body.put(
                        "detail",
                        "The body is not valid JSON at line 1, column 12: Unexpected character"
                                + "; correct the syntax and send it again");
            case MALFORMED_MULTIPART ->
                body.put(
                        "detail",
                        "The multipart body is malformed (a part's headers or boundaries cannot be read); send the"
                                + " file again as multipart/form-data");
            case BAD_REQUEST -> body.put("detail", "Send the file as the multipart field 'file'");
            case UNAUTHORIZED -> body.put("detail", "Not authenticated: send a valid bearer token");
            case TOKEN_REVOKED ->
                body.put("detail", "Your access has changed since this token was issued: sign in again");
            case FORBIDDEN -> body.put("detail", "You are not allowed to do this");
            case VALIDATION_FAILED -> {
                body.put("detail", "amount: must be a number");
                body.put("code", code.code());
                body.put("errors", List.of(Map.of("field", "amount", "message", "must be a number")));
                return body;
            }
            case INVALID_CHARACTERS -> {
                String message =
                        "contains a control character or an invalid character (U+0000 at position 3); remove it and"
                                + " send again";
                body.put("detail", "name: " + message);
                body.put("code", code.code());
                body.put("errors", List.of(Map.of("field", "name", "message", message)));
                return body;
            }
            default -> body.put("detail", ApiErrorMappers.defaultMessage(code.status()));
        }
        body.put("code", code.code());
        return body;
    }

    private static void addSchemas(Components components) {
        Schema field = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One field at fault: named as the caller wrote it (`package_amount`, `debtor_ids[2]`,"
                        + " `items[0].name`; `body` for the body as a whole)")
                .addRequired("field")
                .addRequired("message")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("What is wrong with the value (the value itself is never repeated)"));
        String codes = java.util.Arrays.stream(ErrorCode.values())
                .map(c -> "`" + c.code() + "`" + (c.status() > 0 ? " (" + c.status() + ")" : "") + ": " + c.meaning())
                .collect(Collectors.joining("; "));
        Schema error = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Every error answer of the suite. `detail` is for people (the existing frontends show"
                        + " it); `code` is for programs and never changes for a given reason; `errors` names the fields"
                        + " at fault (422).")
                .addRequired("detail")
                .addRequired("code")
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("What went wrong and what to do about it, in words a user can act on"))
                .addProperty(
                        "code",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The stable reason. Every service: " + codes
                                        + ". A service may name a finer reason of its own (auth-service:"
                                        + " `invalid_credentials`, `too_many_attempts`; import-service:"
                                        + " `report_superseded`; notification-service: `template_*`);"
                                        + " docs/development.md lists them all.")
                                .examples(List.of(ErrorCode.NOT_FOUND.code(), ErrorCode.VALIDATION_FAILED.code())))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(ref(FIELD_ERROR))
                                .description("The fields at fault, for 422 answers"));
        components.addSchema(FIELD_ERROR, field);
        components.addSchema(API_ERROR, error);
    }

    private static void sortByStatus(APIResponses responses) {
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    private static boolean bodyOf(Operation operation, String mediaType) {
        return operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaType(mediaType) != null;
    }

    private static String inName(Parameter parameter) {
        return parameter.getIn() == null ? "" : parameter.getIn().toString();
    }

    private static int status(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
