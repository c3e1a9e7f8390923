package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.Requests.asAdmin;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.kit.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Who may do what beyond the roles of the matrix: the rules that look at the request itself. */
@QuarkusTest
class AccessRulesTest extends TopicsTestBase {

    private static final String FAR_PAST = "\"from\": \"1990-01-01T00:00:00Z\", \"to\": \"1990-01-02T00:00:00Z\"";

    @Test
    void anAnalystStartsDryRunsButOnlyAnAdminAReplayThatStoresAndAnnounces() {
        asAnalyst().contentType(ContentType.JSON).body("{\"dryRun\": true, " + FAR_PAST + "}")
                .post("/api/v1/recategorizations").then().statusCode(202)
                .body("dryRun", equalTo(true)).body("requestedBy", equalTo(Requests.OLGA));
        asAnalyst().contentType(ContentType.JSON).body("{" + FAR_PAST + "}")
                .post("/api/v1/recategorizations").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("admin"));
        asAdmin().contentType(ContentType.JSON).body("{" + FAR_PAST + ", \"requestedBy\": \"someone@else.example\"}")
                .post("/api/v1/recategorizations").then().statusCode(202)
                .body("requestedBy", equalTo("admin@example.org"));
    }

    @Test
    void theAuthorOfAnEditIsTheSignedInPersonWhateverTheBodyClaims() throws Exception {
        // republishes the document in force, so the other tests' taxonomy stays as it was
        ObjectNode edit = FeedbackEvents.JSON.createObjectNode();
        edit.set("document", FeedbackEvents.JSON.readTree(asAnalyst().get("/api/v1/knowledge").asString()).get("document"));
        edit.put("changedBy", "ceo@example.org");
        asAnalyst().contentType(ContentType.JSON).body(edit.toString()).put("/api/v1/knowledge").then().statusCode(200)
                .body("createdBy", equalTo(Requests.OLGA));
    }

    @Test
    void aCallerWithoutValidTokenIsChallengedBeforeTheBodyIsRead() {
        given().contentType(ContentType.JSON).body("{ not json").put("/api/v1/feedback/" + UUID.randomUUID()
                        + "/categorization")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(TestTokens.agent("team-parcels")).contentType(ContentType.JSON).body("{ not json")
                .put("/api/v1/knowledge").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("analyst"));
    }
}
