package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What ops and integrators rely on besides the API itself: health, metrics, contracts. */
@QuarkusTest
class OperationsSurfaceTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Messaging")));
    }

    @Test
    void prometheusMetricsCountIngestAndOutboxRelay() throws InterruptedException {
        IngestApi.submitWeb(IngestApi.submission("c-metrics", "8", "null"));
        Thread.sleep(1000); // let the relay send it
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("feedback_received_total{channel=\"web\""))
                .body(containsString("outbox_backlog"))
                .body(containsString("outbox_relayed_total"));
    }

    @Test
    void openApiAndEventSchemaArePublished() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("/api/v1/feedback"));
        given().when().get("/schemas/feedback.received.v1.json")
                .then().statusCode(200).body("title", equalTo("feedback.received.v1"));
    }
}
