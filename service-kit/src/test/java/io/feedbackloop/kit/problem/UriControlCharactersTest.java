package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

class UriControlCharactersTest {

    private final UriControlCharacters filter = new UriControlCharacters();

    @Test
    void anOrdinaryRequestPasses() {
        filter.refuse(request("/api/v1/cases/2b1c", query("theme", "delivery/late", "q", "café & co")));
    }

    @Test
    void aControlCharacterInThePathIsRefusedBeforeAnyResourceSeesIt() {
        Problem problem = refused(request("/api/v1/cases/2b1c\u0000", query()));

        assertEquals(List.of(new Problem.Violation("path", "no-control-characters",
                "must not contain control characters (U+0000 to U+001F, U+007F)")), problem.violations());
    }

    @Test
    void eachQueryParameterWithAControlCharacterIsNamed() {
        Problem problem = refused(request("/api/v1/cases",
                query("theme", "a\u001bb", "assignee", "ok", "cursor", "x\u007f", "note", "tab\there")));

        assertEquals(Set.of("theme", "cursor", "note"),
                problem.violations().stream().map(Problem.Violation::field).collect(Collectors.toSet()));
    }

    @Test
    void aControlCharacterInAParameterNameIsRefusedToo() {
        assertEquals(400, refused(request("/x", query("the\u0000me", "delivery"))).status());
    }

    private Problem refused(ContainerRequestContext request) {
        return assertThrows(ProblemException.class, () -> filter.refuse(request)).problem();
    }

    private static ContainerRequestContext request(String path, MultivaluedMap<String, String> query) {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        when(uri.getQueryParameters()).thenReturn(query);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getUriInfo()).thenReturn(uri);
        return request;
    }

    private static MultivaluedMap<String, String> query(String... namesAndValues) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
