package io.feedbackloop.kit.problem;

import java.util.List;
import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents in every service's OpenAPI document the error answers {@link ProblemMappers} and
 * {@link UriControlCharacters} give, so a resource declares only its success responses and the
 * errors particular to it (a 409 with its reason):
 * <ul>
 * <li>400 and 500 on every operation (any request can be invalid, any can fail unexpectedly);
 * <li>401 and 403 on an operation with a security requirement (its own or the document's);
 * <li>404 on an operation whose path names something ({@code /cases/{id}});
 * <li>415 on an operation that reads a body.
 * </ul>
 * A response the resource declares keeps its description; if it declares no body, it gets the
 * problem+json one. The {@code Problem} and {@code Violation} schemas are added when missing.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String VIOLATION_SCHEMA = "Violation";
    private static final String SCHEMAS = "#/components/schemas/";

    private enum Standard {
        INVALID("400", "The request is invalid: each wrong field and the rule it broke are named in violations"),
        UNAUTHENTICATED("401", "No credentials, or credentials that are not valid"),
        FORBIDDEN("403", "The credentials do not allow this"),
        NOT_FOUND("404", "Nothing with this id, or nothing the caller may see"),
        UNSUPPORTED_MEDIA_TYPE("415", "The body is not of a media type this operation reads"),
        UNEXPECTED("500", "Unexpected error: the detail carries an error id to quote when reporting it");

        final String status;
        final String description;

        Standard(String status, String description) {
            this.status = status;
            this.description = description;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean documented = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            for (Operation operation : operations == null ? List.<Operation>of() : operations.values()) {
                document(operation, path.getKey().contains("{"), securedByDefault);
                documented = true;
            }
        }
        if (documented) {
            addSchemasUnlessPresent(openAPI);
        }
    }

    private static void document(Operation operation, boolean namesSomething, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        addUnlessDeclared(responses, Standard.INVALID);
        if (secured) {
            addUnlessDeclared(responses, Standard.UNAUTHENTICATED);
            addUnlessDeclared(responses, Standard.FORBIDDEN);
        }
        if (namesSomething) {
            addUnlessDeclared(responses, Standard.NOT_FOUND);
        }
        if (operation.getRequestBody() != null) {
            addUnlessDeclared(responses, Standard.UNSUPPORTED_MEDIA_TYPE);
        }
        addUnlessDeclared(responses, Standard.UNEXPECTED);
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getRef() == null && isEmpty(response.getContent())) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addUnlessDeclared(APIResponses responses, Standard standard) {
        if (!responses.hasAPIResponse(standard.status)) {
            responses.addAPIResponse(standard.status, OASFactory.createAPIResponse()
                    .description(standard.description).content(problemContent()));
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM_SCHEMA)));
    }

    /** Written out by hand because no resource need name {@link Problem} any more for the scanner to find it. */
    private static void addSchemasUnlessPresent(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(VIOLATION_SCHEMA)) {
            components.addSchema(VIOLATION_SCHEMA, object("One broken rule of a request")
                    .addProperty("field", text("JSON path of the field in the request, e.g. customer.email"))
                    .addProperty("rule", text("The rule it broke, e.g. NotBlank, type, enum"))
                    .addProperty("message", text("What the rule asks for"))
                    .required(List.of("field", "rule", "message")));
        }
        if (!components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, object("An RFC 9457 problem detail")
                    .addProperty("type", text("What kind of problem, e.g. urn:feedbackloop:problem:invalid-request"))
                    .addProperty("title", text("A short summary of the kind"))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .format("int32").description("The HTTP status"))
                    .addProperty("detail", text("What went wrong with this request"))
                    .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .description("For an invalid request: each failing field and the rule it broke")
                            .items(OASFactory.createSchema().ref(SCHEMAS + VIOLATION_SCHEMA)))
                    .required(List.of("type", "title", "status")));
        }
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
