package io.feedbackloop.console;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as a browser gets them, with the four services played by WireMock. */
@QuarkusTest
@QuarkusTestResource(ServicesStub.class)
class ConsolePagesTest {

    static final String HOSTILE = "<script>alert('x')</script> \u202Egnp.exe " + "W".repeat(5000);
    static final UUID CASE = UUID.fromString("6f1f9a4e-2b1c-4a51-9f40-1d3e5c7a9b01");
    static final UUID FEEDBACK = UUID.fromString("0b8d2c6e-7a43-4f1e-8c55-2e9d4b6a1f02");

    @BeforeEach
    void stubs() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/teams")).willReturn(okJson(
                "[{\"id\":\"delivery\",\"name\":\"Delivery\",\"timeZone\":\"Europe/Moscow\",\"fallback\":false}]")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/cases")).willReturn(okJson("{\"items\":[" + summary()
                + "],\"next\":\"c2\"}")));
    }

    static String summary() {
        return "{\"id\":\"" + CASE + "\",\"feedbackId\":\"" + FEEDBACK + "\",\"status\":\"open\",\"priority\":\"high\","
                + "\"ownerTeam\":\"delivery\",\"assignee\":null,\"customerId\":\"c-1\",\"channel\":\"web\","
                + "\"themes\":[\"delivery/late\"],\"excerpt\":" + json(HOSTILE) + ",\"sentiment\":\"negative\","
                + "\"language\":\"en\",\"escalationLevel\":0,\"reopenCount\":0,\"openedAt\":\"2026-12-01T10:00:00Z\","
                + "\"nextDueAt\":\"2026-12-01T12:00:00Z\",\"overdue\":true,\"firstResponseDueAt\":\"2026-12-01T12:00:00Z\","
                + "\"firstResponseDueIn\":-7200,\"firstResponseSla\":\"missed\",\"resolutionDueAt\":null,"
                + "\"resolutionDueIn\":null,\"resolutionSla\":null,\"version\":3}";
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void aPageWithoutSignInSendsThePersonToTheSignInFormAndBack() {
        Response answer = new Browser().open("/inbox?status=open");
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/sign-in?next=%2Finbox%3Fstatus%3Dopen"), answer.header("Location"));
    }

    @Test
    void everyAnswerCarriesTheBrowserProtections() {
        Response answer = new Browser().open("/sign-in");
        assertEquals(200, answer.statusCode());
        String csp = answer.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("no-store", answer.header("Cache-Control"));
        String csrfCookie = answer.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("console_csrf="))
                .findFirst().orElseThrow();
        assertTrue(csrfCookie.contains("HttpOnly") && csrfCookie.contains("SameSite=Strict"), csrfCookie);
    }

    @Test
    void signingInSetsAnHttpOnlyLaxSessionCookieAndKeepsTheTokensOnTheServer() {
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/token")).willReturn(okJson(
                "{\"access_token\":\"secret-access\",\"expires_in\":900,\"refresh_token\":\"secret-refresh\"}")));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(okJson(
                "{\"email\":\"ann@example.com\",\"roles\":[\"agent\"],\"teams\":[\"delivery\"]}")));
        Browser browser = new Browser();
        Response answer = browser.submit("/sign-in", Map.of("email", "ann@example.com", "password", "pw-123456789",
                "next", "/cases/" + CASE));
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/cases/" + CASE));
        String session = answer.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("console_session="))
                .findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"), session);
        assertFalse(session.contains("secret-access") || session.contains("secret-refresh"), session);
        ServicesStub.server.verify(postRequestedFor(urlEqualTo("/auth/token"))
                .withHeader("X-Forwarded-For", matching(".+"))
                .withRequestBody(containing("username=ann%40example.com")));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutSigningIn() {
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"invalid_grant\"}")));
        Browser browser = new Browser();
        Response answer = browser.submit("/sign-in", Map.of("email", "ann@example.com", "password", "wrong"));
        assertEquals(401, answer.statusCode());
        assertFalse(browser.cookies.containsKey("console_session"));
        assertTrue(Jsoup.parse(answer.body().asString()).select("[role=alert]").text().contains("Wrong email or password"));
    }

    @Test
    void anOffsiteNextIsIgnored() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        Response answer = browser.submit("/sign-out", Map.of());
        assertEquals(303, answer.statusCode());
        Response again = browser.submit("/sign-in", Map.of("email", "ann@example.com", "password", "pw-123456789",
                "next", "//evil.example/steal"));
        assertTrue(again.header("Location").endsWith("/inbox"), again.header("Location"));
    }

    @Test
    void aFormWithoutTheTokenIsRefusedAndChangesNothing() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        Response answer = browser.request().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("status", "in_progress", "version", "3")).post("/cases/" + CASE + "/status");
        assertEquals(403, answer.statusCode());
        Response forged = browser.request().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("status", "in_progress", "version", "3", "csrf", "A".repeat(43)))
                .post("/cases/" + CASE + "/status");
        assertEquals(403, forged.statusCode());
        ServicesStub.server.verify(0, putRequestedFor(urlPathMatching("/api/v1/cases/.*")));
    }

    @Test
    void theInboxShowsHostileTextAsTextAndAsksForExactlyTheChosenFilter() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        Document page = browser.page("/inbox?status=open&priority=high&team=delivery&assignee=me&overdue=true"
                + "&channel=web&theme=delivery&sort=priority");
        Element words = page.selectFirst("td.words bdi");
        assertNotNull(words);
        assertEquals(HOSTILE.replace("\u202E", "\u202E"), words.wholeText());
        assertTrue(page.select("script").stream().noneMatch(s -> s.data().contains("alert")));
        assertEquals(1, page.select("tr[data-case=" + CASE + "]").size());
        assertTrue(page.selectFirst("tr[data-case=" + CASE + "]").className().contains("sla-overdue"));
        assertTrue(page.selectFirst("a[rel=next]").attr("href").contains("cursor=c2"));
        ServicesStub.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/cases"))
                .withHeader("Authorization", equalTo("Bearer " + Browser.ACCESS))
                .withQueryParam("status", equalTo("open")).withQueryParam("priority", equalTo("high"))
                .withQueryParam("team", equalTo("delivery")).withQueryParam("assignee", equalTo("me"))
                .withQueryParam("overdue", equalTo("true")).withQueryParam("channel", equalTo("web"))
                .withQueryParam("theme", equalTo("delivery")).withQueryParam("sort", equalTo("priority")));
    }

    @Test
    void theInboxPollMarksCasesOpenedSinceThePageLoaded() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        Document fresh = browser.page("/inbox/rows?since=2026-12-01T09:00:00Z");
        assertTrue(fresh.selectFirst("tr[data-case=" + CASE + "]").hasClass("new"));
        Document old = browser.page("/inbox/rows?since=2026-12-01T11:00:00Z");
        assertFalse(old.selectFirst("tr[data-case=" + CASE + "]").hasClass("new"));
        assertNotNull(old.selectFirst("#inbox-rows[hx-trigger]"));
    }

    @Test
    void pagesSpeakRussianWhenTheBrowserOrTheSwitchAsks() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        browser.language = "ru-RU,ru;q=0.9,en;q=0.5";
        assertEquals("ru", browser.page("/inbox").selectFirst("html").attr("lang"));
        assertTrue(browser.page("/inbox").select("h1").text().contains("Обращения моих команд"));
        Response switched = browser.submit("/language", Map.of("lang", "en", "back", "/inbox"));
        assertEquals(303, switched.statusCode());
        assertEquals("en", browser.cookies.get("lang"));
        assertTrue(browser.page("/inbox").select("h1").text().contains("Cases of my teams"));
    }

    @Test
    void aCaseOfAnotherTeamIsNotFoundHere() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        ServicesStub.server.stubFor(get(urlPathMatching("/api/v1/cases/" + CASE + "(/audit)?")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Not Found\"}")));
        Response answer = browser.open("/cases/" + CASE);
        assertEquals(404, answer.statusCode());
        assertFalse(answer.body().asString().contains("at io."), "no stack trace");
    }

    @Test
    void aMalformedOrUnknownAddressIsTheConsolesOwnNotFoundPage() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        for (String path : List.of("/cases/not-a-uuid", "/no-such-page")) {
            Response answer = browser.open(path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("Not found", Jsoup.parse(answer.body().asString()).selectFirst("h1").text(), path);
        }
    }

    @Test
    void aPageForAnotherRoleIsForbiddenBeforeAnyServiceIsAsked() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        ServicesStub.server.resetRequests();
        for (String path : List.of("/settings/channels", "/improvements", "/feedback")) {
            Response answer = browser.open(path);
            assertEquals(403, answer.statusCode(), path);
            assertEquals("Not allowed", Jsoup.parse(answer.body().asString()).selectFirst("h1").text(), path);
        }
        assertTrue(ServicesStub.server.findAll(anyRequestedFor(anyUrl())).isEmpty());
    }

    @Test
    void aServiceOutageIsA503WithRetryAfter() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/cases")).willReturn(aResponse().withStatus(503)));
        Response answer = browser.open("/inbox");
        assertEquals(503, answer.statusCode());
        assertNotNull(answer.header("Retry-After"));
    }

    @Test
    void closingAStaleCaseTellsThePersonInsteadOfOverwriting() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        ServicesStub.server.stubFor(post(urlEqualTo("/api/v1/cases/" + CASE + "/close")).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Conflict\"}")));
        Response answer = browser.submit("/cases/" + CASE + "/close", Map.of("version", "2", "resolutionCode", "fixed",
                "rootCause", "courier", "resolutionText", "Sorted"));
        assertEquals(303, answer.statusCode());
        ServicesStub.server.verify(postRequestedFor(urlEqualTo("/api/v1/cases/" + CASE + "/close"))
                .withHeader("If-Match", equalTo("\"2\"")).withRequestBody(matchingJsonPath("$.resolutionCode", equalTo("fixed"))));
        stubCase();
        Document page = browser.page("/cases/" + CASE);
        assertTrue(page.select(".notice.error").text().contains("changed this case meanwhile"), page.select("main").text());
    }

    @Test
    void theCasePageShowsTheLoopAndKeepsWorkingWhenAPartIsNotForThisRole() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        stubCase();
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/feedback/" + FEEDBACK + "/categorization")).willReturn(
                aResponse().withStatus(403)));
        Document page = browser.page("/cases/" + CASE);
        assertEquals(HOSTILE, page.selectFirst("blockquote.customer-text").wholeText());
        List<String> timeline = page.select("ol.timeline li .tl-label").eachText();
        assertEquals(List.of("Received", "Categorized", "Case opened", "Reply to the customer", "Message: case-reply"),
                timeline);
        assertTrue(page.select("ol.timeline").text().contains("delivered"));
        Element sentiment = page.select("dl.facts dt").stream().filter(dt -> dt.text().equals("Sentiment")).findFirst()
                .orElseThrow().nextElementSibling();
        assertEquals("negative", sentiment.text(), "the case's own copy of the sentiment");
    }

    static void stubCase() {
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/cases/" + CASE)).willReturn(okJson("{\"id\":\"" + CASE
                + "\",\"feedbackId\":\"" + FEEDBACK + "\",\"status\":\"open\",\"priority\":\"high\",\"reason\":\"nps-detractor\","
                + "\"ownerTeam\":\"delivery\",\"customer\":{\"id\":\"c-1\",\"locale\":\"en\"},\"feedback\":{\"channel\":\"web\","
                + "\"text\":" + json(HOSTILE) + ",\"language\":\"en\",\"npsScore\":2,\"sentiment\":\"negative\","
                + "\"themes\":[\"delivery/late\"],\"urgency\":[]},\"openedAt\":\"2026-12-01T10:00:05Z\","
                + "\"comments\":[{\"author\":\"ann@example.com\",\"visibility\":\"customer\",\"text\":\"We are on it\","
                + "\"createdAt\":\"2026-12-01T10:05:00Z\"}],\"version\":3}")));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/cases/" + CASE + "/audit")).willReturn(okJson(
                "[{\"at\":\"2026-12-01T10:00:05Z\",\"actor\":\"system\",\"action\":\"opened\",\"details\":{\"rule\":\"detractor\"}}]")));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/feedback/" + FEEDBACK + "/loop")).willReturn(okJson(
                "{\"stage\":\"action_opened\",\"steps\":[{\"stage\":\"received\",\"at\":\"2026-12-01T10:00:00Z\"},"
                        + "{\"stage\":\"categorized\",\"at\":\"2026-12-01T10:00:01Z\"},{\"stage\":\"action_opened\","
                        + "\"at\":\"2026-12-01T10:00:05Z\"}]}")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/api/v1/followups")).willReturn(okJson(
                "[{\"kind\":\"case-reply\",\"channel\":\"email\",\"status\":\"delivered\",\"createdAt\":\"2026-12-01T10:05:01Z\","
                        + "\"sentAt\":\"2026-12-01T10:05:02Z\",\"subject\":\"About your feedback\",\"body\":\"We are on it\"}]")));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/teams/delivery/members")).willReturn(okJson(
                "[{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"role\":\"agent\",\"teamId\":\"delivery\",\"active\":true}]")));
    }

    @Test
    void aReplyIsPreviewedInTheCustomersLanguageAndThenSentWithoutLosingTheText() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        stubCase();
        ServicesStub.server.stubFor(post(urlEqualTo("/api/v1/followups/preview")).willReturn(okJson(
                "{\"locale\":\"ru\",\"channel\":\"email\",\"subject\":\"Ответ по обращению\",\"body\":\"Здравствуйте, Вера! "
                        + "<b>не жирный</b>\",\"html\":null,\"contactKnown\":true}")));
        String token = browser.csrfToken();
        Response fragment = browser.request().header("HX-Request", "true").contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", token, "feedbackId", FEEDBACK.toString(), "text", "<b>не жирный</b>"))
                .post("/cases/" + CASE + "/preview");
        assertEquals(200, fragment.statusCode());
        Document preview = Jsoup.parse(fragment.body().asString());
        assertNull(preview.selectFirst("html > body > header"), "a fragment, not a page");
        assertEquals("Здравствуйте, Вера! <b>не жирный</b>", preview.selectFirst("pre.message").text());
        ServicesStub.server.verify(postRequestedFor(urlEqualTo("/api/v1/followups/preview"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("case-reply")))
                .withRequestBody(matchingJsonPath("$.caseId", equalTo(CASE.toString())))
                .withRequestBody(matchingJsonPath("$.feedbackId", equalTo(FEEDBACK.toString()))));

        ServicesStub.server.stubFor(post(urlEqualTo("/api/v1/cases/" + CASE + "/comments")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/problem+json").withBody(
                        "{\"title\":\"Bad Request\",\"violations\":[{\"field\":\"text\",\"rule\":\"Size\",\"message\":\"too long\"}]}")));
        Response refused = browser.submit("/cases/" + CASE + "/comment", Map.of("visibility", "customer", "text", "my long draft"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body().asString());
        assertEquals("my long draft", page.selectFirst("#reply-text").text(), "the draft survives a refusal");
        assertTrue(page.select("[role=alert]").text().contains("text: too long"));
    }

    @Test
    void tokensAreRefreshedOnceEvenWhenPagesArriveTogether() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/token")).withRequestBody(containing("grant_type=password"))
                .willReturn(okJson("{\"access_token\":\"short\",\"expires_in\":1,\"refresh_token\":\"r-1\"}")));
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"long\",\"expires_in\":3600,\"refresh_token\":\"r-2\"}")
                        .withFixedDelay(300)));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(okJson(
                "{\"email\":\"ann@example.com\",\"roles\":[\"agent\"],\"teams\":[\"delivery\"]}")));
        Browser browser = new Browser();
        assertEquals(303, browser.submit("/sign-in", Map.of("email", "ann@example.com", "password", "pw-123456789"))
                .statusCode());
        List<CompletableFuture<Integer>> pages = List.of(
                CompletableFuture.supplyAsync(() -> browser.request().get("/inbox").statusCode()),
                CompletableFuture.supplyAsync(() -> browser.request().get("/inbox/rows").statusCode()),
                CompletableFuture.supplyAsync(() -> browser.request().get("/inbox").statusCode()));
        for (CompletableFuture<Integer> page : pages) {
            assertEquals(200, page.get());
        }
        ServicesStub.server.verify(1, postRequestedFor(urlEqualTo("/auth/token"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=r-1")));
        ServicesStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/cases")).withHeader("Authorization",
                equalTo("Bearer short")));
    }

    @Test
    void signingOutRevokesTheSignInAndForgetsTheSession() {
        Browser browser = Browser.signedIn("ann@example.com", "\"agent\"", "\"delivery\"");
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/logout")).willReturn(aResponse().withStatus(204)));
        String session = browser.cookies.get("console_session");
        Response answer = browser.submit("/sign-out", Map.of());
        assertEquals(303, answer.statusCode());
        ServicesStub.server.verify(postRequestedFor(urlEqualTo("/auth/logout")).withRequestBody(containing("refresh_token=refresh-1")));
        Response reused = new Browser().request().cookie("console_session", session).get("/inbox");
        assertEquals(303, reused.statusCode(), "the old cookie opens nothing");
    }
}
