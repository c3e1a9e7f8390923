package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final ProblemResponses filter = new ProblemResponses();

    @Test
    void everyOperationDocumentsInvalidRequestsAndUnexpectedErrors() {
        Operation list = get();
        OpenAPI api = document(path("/api/v1/feedback", PathItem.HttpMethod.GET, list));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("200", "400", "500"), statuses(list));
        assertProblem(list.getResponses().getAPIResponse("400"));
        assertProblem(list.getResponses().getAPIResponse("500"));
    }

    @Test
    void aSecuredOperationDocumentsMissingAndInsufficientCredentials() {
        Operation secured = get().addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("token"));
        Operation open = get();
        OpenAPI api = document(path("/a", PathItem.HttpMethod.GET, secured), path("/b", PathItem.HttpMethod.GET, open));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("200", "400", "401", "403", "500"), statuses(secured));
        assertProblem(secured.getResponses().getAPIResponse("401"));
        assertEquals(Set.of("200", "400", "500"), statuses(open));
    }

    @Test
    void theDocumentsSecurityAppliesUnlessAnOperationWaivesIt() {
        Operation inherits = get();
        Operation waives = get();
        waives.setSecurity(List.of());
        OpenAPI api = document(path("/cases", PathItem.HttpMethod.GET, inherits),
                path("/unsubscribe", PathItem.HttpMethod.GET, waives));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("member-token"));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("200", "400", "401", "403", "500"), statuses(inherits));
        assertEquals(Set.of("200", "400", "500"), statuses(waives));
    }

    @Test
    void anOperationOnSomethingNamedInThePathDocumentsNotFound() {
        Operation one = get();
        OpenAPI api = document(path("/api/v1/cases/{id}", PathItem.HttpMethod.GET, one));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("200", "400", "404", "500"), statuses(one));
        assertProblem(one.getResponses().getAPIResponse("404"));
    }

    @Test
    void anOperationThatReadsABodyDocumentsAnUnsupportedMediaType() {
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", success()));
        OpenAPI api = document(path("/api/v1/cases", PathItem.HttpMethod.POST, create));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("201", "400", "415", "500"), statuses(create));
    }

    @Test
    void aResponseTheResourceDeclaresKeepsItsDescriptionAndGetsTheProblemBody() {
        APIResponse conflict = OASFactory.createAPIResponse().description("A survey with this id exists");
        APIResponse notFound = OASFactory.createAPIResponse().description("Unknown survey");
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", success())
                        .addAPIResponse("409", conflict).addAPIResponse("404", notFound));
        OpenAPI api = document(path("/surveys/{id}", PathItem.HttpMethod.PUT, create));

        filter.filterOpenAPI(api);

        assertSame(conflict, create.getResponses().getAPIResponse("409"));
        assertEquals("A survey with this id exists", conflict.getDescription());
        assertProblem(conflict);
        assertEquals("Unknown survey", create.getResponses().getAPIResponse("404").getDescription());
        assertProblem(notFound);
    }

    @Test
    void aResponseWithItsOwnBodyOrAReferenceIsLeftAlone() {
        APIResponse ownBody = OASFactory.createAPIResponse().description("Rejected").content(OASFactory.createContent()
                .addMediaType("text/plain", OASFactory.createMediaType()));
        APIResponse shared = OASFactory.createAPIResponse().ref("#/components/responses/Conflict");
        Operation operation = get();
        operation.getResponses().addAPIResponse("422", ownBody).addAPIResponse("409", shared);
        OpenAPI api = document(path("/x", PathItem.HttpMethod.GET, operation));

        filter.filterOpenAPI(api);

        assertEquals(Set.of("text/plain"), ownBody.getContent().getMediaTypes().keySet());
        assertNull(shared.getContent());
        assertNull(operation.getResponses().getAPIResponse("200").getContent(), "success responses are not touched");
    }

    @Test
    void theProblemSchemaIsAddedWithTheFieldsOfTheProblemRecord() {
        OpenAPI api = document(path("/x", PathItem.HttpMethod.GET, get()));

        filter.filterOpenAPI(api);

        Schema problem = api.getComponents().getSchemas().get("Problem");
        Schema violation = api.getComponents().getSchemas().get("Violation");
        assertEquals(componentNames(Problem.class), new TreeSet<>(problem.getProperties().keySet()));
        assertEquals(componentNames(Problem.Violation.class), new TreeSet<>(violation.getProperties().keySet()));
        assertEquals("#/components/schemas/Violation", problem.getProperties().get("violations").getItems().getRef());
    }

    @Test
    void aProblemSchemaTheScannerAlreadyFoundIsKept() {
        OpenAPI api = document(path("/x", PathItem.HttpMethod.GET, get()));
        Schema scanned = OASFactory.createSchema().description("scanned from Problem.class");
        api.setComponents(OASFactory.createComponents().addSchema("Problem", scanned));

        filter.filterOpenAPI(api);

        assertSame(scanned, api.getComponents().getSchemas().get("Problem"));
    }

    @Test
    void aDocumentWithoutOperationsStaysAsItIs() {
        OpenAPI api = OASFactory.createOpenAPI();

        filter.filterOpenAPI(api);

        assertNull(api.getComponents());
    }

    private static void assertProblem(APIResponse response) {
        assertEquals(Set.of("application/problem+json"), response.getContent().getMediaTypes().keySet());
        assertEquals("#/components/schemas/Problem",
                response.getContent().getMediaType("application/problem+json").getSchema().getRef());
    }

    private static Operation get() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200", success()));
    }

    private static APIResponse success() {
        return OASFactory.createAPIResponse().description("OK");
    }

    private static PathItem path(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem().description(path);
        item.setOperation(method, operation);
        return item;
    }

    private static OpenAPI document(PathItem... items) {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        for (PathItem item : items) {
            api.getPaths().addPathItem(item.getDescription(), item);
        }
        return api;
    }

    private static Set<String> statuses(Operation operation) {
        return new TreeSet<>(operation.getResponses().getAPIResponses().keySet());
    }

    private static Set<String> componentNames(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
