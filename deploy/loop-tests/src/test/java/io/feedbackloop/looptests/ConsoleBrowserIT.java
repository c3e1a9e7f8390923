package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.MailMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless Chromium) in front of the whole loop: a detractor posted
 * through the ingest API appears in the routed team's agent's open inbox without a reload; the
 * agent opens it, previews and sends a reply, closes it with a resolution, and the customer's
 * emails arrive at the SMTP server; a lead reads the NPS of what was posted and changes a case
 * rule that the next feedback follows; an agent of another team sees neither the row nor the page.
 * Every page is saved as a screenshot (target/screenshots), in English and in Russian.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    /** Script tags, a right-to-left override and one 600-character word: shown as text, in its box. */
    static final String HOSTILE_WORDS = "<script>window.pwned=1</script> The parcel never came \u202Edlrow olleh\u202C "
            + "A".repeat(600);

    private static LoopStack stack;
    private static LoopClient client;
    private static String console;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String AGENT = "agent." + RUN + "@example.com";
    private static final String LEAD = "lead." + RUN + "@example.com";
    private static final String OTHER_AGENT = "billing." + RUN + "@example.com";
    private static final String PASSWORD = "Console-" + UUID.randomUUID();
    private static final String CUSTOMER = "vera." + RUN + "@example.com";
    private static String caseId;
    private static String feedbackId;

    @BeforeAll
    static void startLoopAndConsole() throws Exception {
        Chromium.require();
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-console"), false, false,
                Map.of("FOLLOWUP_ACKNOWLEDGEMENT_WAIT", "PT5S"), true);
        console = stack.service("console").baseUrl();
        client = new LoopClient(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
        member("customer-care", AGENT, "agent");
        member("customer-care", LEAD, "lead");
        HttpResponse<String> team = admin("POST", "/api/v1/teams", "{\"id\":\"billing\",\"name\":\"Billing\","
                + "\"timeZone\":\"Europe/Moscow\",\"workDays\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],"
                + "\"workStart\":\"09:00\",\"workEnd\":\"18:00\"}");
        assertEquals(201, team.statusCode(), team.body());
        member("billing", OTHER_AGENT, "agent");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anAgentSeesANewCaseArriveWorksItAndTheCustomerHearsBack() throws Exception {
        WebDriver browser = Chromium.start("en");
        try {
            Chromium.require();
            browser.get(console + "/inbox");
            assertTrue(browser.getCurrentUrl().contains("/sign-in"), "the inbox needs a sign-in: " + browser.getCurrentUrl());
            Chromium.screenshot(browser, "sign-in-en");
            signIn(browser, AGENT);
            assertTrue(browser.getCurrentUrl().endsWith("/inbox"), browser.getCurrentUrl());

            // posted while the inbox is open: it appears without a reload (the page polls its rows)
            JsonNode posted = LoopClient.JSON.readTree(client.submit(CUSTOMER, "Vera", "en", 2, HOSTILE_WORDS).body());
            feedbackId = posted.get("id").asText();
            Object marker = ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes'; return 1;");
            assertNotNull(marker);
            WebElement row = new WebDriverWait(browser, Duration.ofSeconds(90)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case]")));
            assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.sameDocument"),
                    "the row came without a page load");
            caseId = row.getAttribute("data-case");
            assertTrue(row.getText().contains("The parcel never came"), row.getText());
            assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned"), "customer text never runs");
            Chromium.screenshot(browser, "inbox-en");

            row.findElement(By.cssSelector("td.words a")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/cases/" + caseId));
            WebElement words = browser.findElement(By.cssSelector("blockquote.customer-text"));
            assertEquals(HOSTILE_WORDS, words.getAttribute("textContent"), "the customer's own words, as text");
            assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned"));
            assertFitsTheWindow(browser);
            Chromium.screenshot(browser, "case-en");

            String reply = "Vera, we are sorry: a new parcel leaves today " + RUN;
            browser.findElement(By.cssSelector("#reply-form textarea[name=text]")).sendKeys(reply);
            browser.findElement(By.cssSelector("#reply-form button[formaction]")).click();
            WebElement preview = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview .preview")));
            assertTrue(preview.getText().contains("en"), preview.getText());
            Chromium.screenshot(browser, "case-reply-preview-en");
            browser.findElement(By.cssSelector("#reply-form button.primary")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".notice"), "Reply sent"));

            browser.findElement(By.xpath("//details[summary[normalize-space()='Close the case']]/summary")).click();
            new Select(browser.findElement(By.name("resolutionCode"))).selectByValue("replaced");
            browser.findElement(By.name("rootCause")).sendKeys("lost by the courier");
            browser.findElement(By.name("resolutionText")).sendKeys("A new parcel was sent " + RUN);
            browser.findElement(By.xpath("//form[contains(@action,'/close')]//button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".notice"), "Case closed"));
            assertTrue(browser.findElement(By.cssSelector(".case-head")).getText().contains("Closed"));
            Chromium.screenshot(browser, "case-closed-en");

            List<jakarta.mail.internet.MimeMessage> mails = stack.mail().await(m -> m.recipients().contains(CUSTOMER)
                    && m.text().contains(RUN), 2, Duration.ofSeconds(90));
            assertEquals(2, mails.size(), "the reply and the resolution reached the customer");
            assertTrue(mails.stream().map(MailMessage::new).anyMatch(m -> m.text().contains(reply)));
            assertTrue(mails.stream().map(MailMessage::new).noneMatch(m -> m.html() != null
                    && m.html().contains("<script>window.pwned")), "no customer text runs in an email either");

            // the same pages in Russian (the switch, then every page again)
            browser.get(console + "/inbox?status=closed");
            new Select(browser.findElement(By.id("lang-switch"))).selectByValue("ru");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "ru".equals(
                    d.findElement(By.tagName("html")).getAttribute("lang")));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Обращения"));
            Chromium.screenshot(browser, "inbox-ru");
            browser.get(console + "/cases/" + caseId);
            Chromium.screenshot(browser, "case-ru");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void aLeadReadsTheScoreOfWhatWasPosted() {
        WebDriver browser = Chromium.start("en");
        try {
            signIn(browser, LEAD);
            String nps = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                browser.get(console + "/dashboard");
                nps = browser.findElement(By.id("nps-score")).getText();
                if (nps.startsWith("-100")) {
                    break;
                }
                sleep(1000);
            }
            assertTrue(nps.startsWith("-100"), "one detractor posted: NPS −100, shown " + nps);
            assertFalse(browser.findElements(By.cssSelector("#chart-nps canvas")).isEmpty(), "the trend is drawn");
            Chromium.screenshot(browser, "dashboard-en");
            browser.get(console + "/feedback?q=parcel");
            assertTrue(browser.findElement(By.cssSelector("table.found")).getText().contains("The parcel never came"));
            Chromium.screenshot(browser, "feedback-en");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void aLeadTunesACaseRuleAndTheNextFeedbackFollowsIt() throws Exception {
        WebDriver browser = Chromium.start("en");
        try {
            signIn(browser, LEAD);
            browser.get(console + "/settings/rules");
            Chromium.screenshot(browser, "settings-rules-en");
            // the rule that opened the first case (its reason on the case page) gets critical priority
            String rule = stackCase(caseId).get("reason").asText();
            browser.findElement(By.cssSelector("#case-rules tr[data-rule='" + rule + "'] a")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.name("casePriority")));
            Chromium.screenshot(browser, "settings-rule-edit-en");
            new Select(browser.findElement(By.name("casePriority"))).selectByValue("critical");
            browser.findElement(By.cssSelector("button.primary[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#case-rules tr[data-rule='" + rule + "'] .prio-critical")));

            String next = LoopClient.JSON.readTree(client.submit("nina." + RUN + "@example.com", "Nina", "ru", 1,
                    "Курьер опоздал на три часа").body()).get("id").asText();
            JsonNode found = null;
            for (int attempt = 0; attempt < 60 && (found == null || found.isEmpty()); attempt++) {
                sleep(1000);
                found = LoopClient.JSON.readTree(admin("GET", "/api/v1/cases?feedbackId=" + next, null).body()).get("items");
            }
            assertNotNull(found);
            assertEquals(1, found.size(), "the next detractor opened a case");
            assertEquals("critical", found.get(0).get("priority").asText(), "and it follows the tuned rule");

            for (String page : List.of("teams", "sla", "taxonomy")) {
                browser.get(console + "/settings/" + page);
                Chromium.screenshot(browser, "settings-" + page + "-en");
            }
            browser.get(console + "/improvements");
            Chromium.screenshot(browser, "improvements-en");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void anAgentOfAnotherTeamSeesNeitherTheRowNorThePage() {
        WebDriver browser = Chromium.start("en");
        try {
            signIn(browser, OTHER_AGENT);
            browser.get(console + "/inbox?status=open&status=in_progress&status=waiting_customer&status=closed");
            assertTrue(browser.findElements(By.cssSelector("tr[data-case='" + caseId + "']")).isEmpty());
            browser.get(console + "/cases/" + caseId);
            assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
            assertFalse(browser.getPageSource().contains("The parcel never came"));
            Chromium.screenshot(browser, "not-found-en");
        } finally {
            browser.quit();
        }
    }

    private static JsonNode stackCase(String id) throws Exception {
        HttpResponse<String> found = admin("GET", "/api/v1/cases/" + id, null);
        assertEquals(200, found.statusCode(), found.body());
        return LoopClient.JSON.readTree(found.body());
    }

    private static void signIn(WebDriver browser, String email) {
        if (!browser.getCurrentUrl().contains("/sign-in")) {
            browser.get(console + "/sign-in");
        }
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /** Long words and right-to-left text stay inside the page: nothing scrolls sideways. */
    private static void assertFitsTheWindow(WebDriver browser) {
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, "the page is wider than the window by " + overflow + " px");
    }

    private static void member(String team, String email, String role) throws Exception {
        HttpResponse<String> added = admin("POST", "/api/v1/teams/" + team + "/members", LoopClient.JSON.createObjectNode()
                .put("email", email).put("name", role + " " + RUN).put("role", role).put("password", PASSWORD).toString());
        assertEquals(201, added.statusCode(), added.body());
    }

    static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service("feedback-action").baseUrl() + path))
                .header("Authorization", "Bearer " + stack.adminAccessToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
