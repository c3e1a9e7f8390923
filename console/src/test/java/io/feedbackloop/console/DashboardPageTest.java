package io.feedbackloop.console;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's figures and its CSV, from the services' metrics as WireMock plays them. */
@QuarkusTest
@QuarkusTestResource(ServicesStub.class)
class DashboardPageTest {

    static final String METRICS = "{\"responses\":3,\"nps\":{\"responses\":3,\"promoters\":0,\"passives\":0,\"detractors\":3,"
            + "\"score\":-100.0,\"ci95\":{\"low\":-100.0,\"high\":-31.5}},\"csat\":{\"responses\":0},\"ces\":[]}";

    @BeforeEach
    void stubs() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/metrics")).willReturn(okJson("{\"metrics\":" + METRICS + "}")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/metrics/trend")).willReturn(okJson(
                "{\"bucket\":\"day\",\"points\":[{\"bucket\":\"2026-12-01\",\"metrics\":" + METRICS + "}]}")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/metrics/breakdown")).willReturn(okJson(
                "{\"by\":\"channel\",\"groups\":[{\"value\":\"=cmd|' /C calc'!A0\",\"label\":\"=cmd|' /C calc'!A0\",\"metrics\":"
                        + METRICS + "}]}")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/metrics/themes")).willReturn(okJson(
                "{\"order\":\"volume\",\"responses\":3,\"themes\":[{\"theme\":\"delivery/late\",\"responses\":3,"
                        + "\"sharePercent\":100.0,\"nps\":{\"detractors\":3,\"score\":-100.0},\"npsImpact\":100.0}]}")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/loop-metrics")).willReturn(okJson(
                "{\"total\":{\"casesOpened\":3,\"casesClosed\":1,\"closedLoopRate\":33.33,"
                        + "\"medianSecondsToFirstResponse\":5400.0,\"firstResponseSlaMetPercent\":100.0}}")));
    }

    @Test
    void aLeadSeesTheScoreItsIntervalAndTheLoopFigures() {
        Browser browser = Browser.signedIn("lead@example.com", "\"lead\"", "\"delivery\"");
        Document page = browser.page("/dashboard?from=2026-11-01&to=2026-11-30&by=journeyStage&bucket=week");
        assertEquals("-100.0", page.selectFirst("#nps-score").text());
        assertTrue(page.select(".card").text().contains("-100.0 … -31.5"), page.select(".card").text());
        assertTrue(page.selectFirst("#loop-metrics").text().contains("33 %"));
        assertNotNull(page.selectFirst("#chart-nps[data-chart]"));
        ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/breakdown"))
                .withQueryParam("by", equalTo("journeyStage")).withQueryParam("from", equalTo("2026-11-01"))
                .withQueryParam("to", equalTo("2026-12-01")).withQueryParam("tz", matching(".+")));
        ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/trend")).withQueryParam("bucket", equalTo("week")));
    }

    @Test
    void withoutParametersTheLastThirtyDaysByChannelAreShown() {
        Browser browser = Browser.signedIn("lead@example.com", "\"lead\"", "\"delivery\"");
        Response answer = browser.open("/dashboard");
        assertEquals(200, answer.statusCode(), answer.body().asString());
        ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/metrics/breakdown")).withQueryParam("by", equalTo("channel")));
    }

    @Test
    void anAgentSeesTheLoopFiguresWithoutTheScores() {
        for (String path : new String[] {"/api/v1/metrics", "/api/v1/metrics/trend", "/api/v1/metrics/breakdown", "/api/v1/metrics/themes"}) {
            ServicesStub.server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(403)));
        }
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        Document page = browser.page("/dashboard");
        assertNull(page.selectFirst("#nps-score"));
        assertNotNull(page.selectFirst("#loop-metrics"));
    }

    @Test
    void theCsvHoldsWhatIsShownWithFormulasNeutralised() {
        Browser browser = Browser.signedIn("lead@example.com", "\"lead\"", "\"delivery\"");
        Response csv = browser.open("/dashboard/export.csv?from=2026-11-01&to=2026-11-30");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String body = csv.body().asString();
        assertTrue(body.contains("2026-12-01,3,-100.0,-100.0,-31.5"), body);
        assertTrue(body.contains("'=cmd|' /C calc'!A0"), body);
        assertFalse(body.contains("\n=cmd"), body);
        assertTrue(body.contains("delivery/late,3,100.0,-100.0,100.0"), body);
    }
}
