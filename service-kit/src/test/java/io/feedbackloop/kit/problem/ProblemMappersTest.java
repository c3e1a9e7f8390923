package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.sql.SQLTransientConnectionException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ProblemMappersTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemMappers mappers = mappers();

    @Test
    void anUnexpectedErrorIsA500WithAnErrorIdAndNoStackTrace() throws Exception {
        Response response = mappers.unexpected(new IllegalStateException("secret internals at Foo.java:42"));

        JsonNode problem = body(response, 500);
        assertTrue(problem.get("detail").asText().matches(".*quote error id [0-9a-f-]{36} when reporting it"),
                problem.toString());
        assertFalse(problem.toString().contains("secret internals"));
    }

    @Test
    void aLostOptimisticLockIsAConflictEvenWhenItSurfacesWrappedAtCommit() throws Exception {
        Response response = mappers.unexpected(new RollbackException(new OptimisticLockException("row changed")));

        assertEquals("urn:feedbackloop:problem:concurrent-update", body(response, 409).get("type").asText());
    }

    @Test
    void aKnownProblemIsAnsweredAsItIs() throws Exception {
        Response response = mappers.known(ProblemException.notFound("case", "c-1"));

        assertEquals("no case with id c-1", body(response, 404).get("detail").asText());
    }

    @Test
    void anHttpErrorOfTheFrameworkBecomesAProblemWithItsStatus() throws Exception {
        assertEquals("urn:feedbackloop:problem:http-415",
                body(mappers.http(new NotSupportedException("text/csv")), 415).get("type").asText());
        assertEquals("Not Found", body(mappers.http(new NotFoundException()), 404).get("title").asText());
    }

    @Test
    void unreadableJsonIsA400NamingTheBody() throws Exception {
        Exception broken = null;
        try {
            json.readTree("{\"nps\":");
        } catch (Exception e) {
            broken = e;
        }

        JsonNode problem = body(mappers.unreadableJson((com.fasterxml.jackson.core.JsonProcessingException) broken), 400);
        assertEquals("body", problem.get("violations").get(0).get("field").asText());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutageWithRetryAfterNotABug() throws Exception {
        Response response = mappers.unexpected(new PersistenceException(
                new SQLTransientConnectionException("Connection refused", "08001")));
        JsonNode problem = body(response, 503);
        assertEquals(ProblemMappers.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        assertFalse(problem.toString().contains("Connection refused"), problem.toString());
    }

    @Test
    void missingCredentialsAreA401WithTheBearerChallenge() throws Exception {
        Response response = mappers.unauthenticated(new UnauthorizedException());
        body(response, 401);
        assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Bearer "));
    }

    @Test
    void anInvalidTokenIsA401SayingSoInTheChallenge() throws Exception {
        Response response = mappers.invalidCredentials(new AuthenticationFailedException("expired"));
        body(response, 401);
        assertTrue(response.getHeaderString("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void aMissingRoleIsA403NamingTheRolesThatWouldDo() throws Exception {
        ResourceInfo resource = Mockito.mock(ResourceInfo.class);
        Method method = Guarded.class.getDeclaredMethod("close");
        Mockito.when(resource.getResourceMethod()).thenReturn(method);
        Mockito.doReturn(Guarded.class).when(resource).getResourceClass();
        JsonNode problem = body(mappers.forbidden(new ForbiddenException(), resource), 403);
        assertEquals("this needs one of the roles lead, admin", problem.get("detail").asText());
    }

    static class Guarded {

        @RolesAllowed({"lead", "admin"})
        void close() {
        }
    }

    private JsonNode body(Response response, int status) throws Exception {
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        JsonNode problem = json.readTree((String) response.getEntity());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    private ProblemMappers mappers() {
        ProblemMappers mappers = new ProblemMappers();
        mappers.mapper = json;
        return mappers;
    }
}
