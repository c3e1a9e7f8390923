package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What ops and integrators rely on besides the API itself: health, metrics, contracts. */
@QuarkusTest
class OperationsSurfaceTest {

    /** Health and metrics are on the management interface, not on the API's port. */
    private static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Messaging")));
    }

    @Test
    void prometheusMetricsCountIngestAndOutboxRelay() throws InterruptedException {
        IngestApi.submitWeb(IngestApi.submission("c-metrics", "8", "null"));
        // the relay sends the event after the commit, as fast as the machine allows
        Instant deadline = Instant.now().plusSeconds(20);
        while (!metrics().contains("outbox_relayed_total") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(metrics(), allOf(containsString("feedback_received_total{channel=\"web\""),
                containsString("outbox_backlog"), containsString("outbox_relayed_total")));
    }

    private static String metrics() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void openApiAndEventSchemaArePublished() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("/api/v1/feedback"));
        given().when().get("/schemas/feedback.received.v1.json")
                .then().statusCode(200).body("title", equalTo("feedback.received.v1"));
    }
}
