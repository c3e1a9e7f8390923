package io.feedbackloop.console;

import static io.restassured.RestAssured.given;
import static com.github.tomakehurst.wiremock.client.WireMock.*;

import java.util.HashMap;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser's part in the module tests: keeps cookies, reads the form token, never follows redirects. */
final class Browser {

    final Map<String, String> cookies = new HashMap<>();
    String language = "en";

    static final String ACCESS = "access-1";

    /** Stubs the issuer for a person and signs them in through the sign-in form. */
    static Browser signedIn(String email, String roles, String teams) {
        ServicesStub.server.stubFor(post(urlEqualTo("/auth/token")).withRequestBody(containing("grant_type=password"))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":900,"
                        + "\"refresh_token\":\"refresh-1\"}")));
        ServicesStub.server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(okJson("{\"email\":\"" + email
                + "\",\"name\":\"Test Person\",\"roles\":[" + roles + "],\"teams\":[" + teams + "],\"account\":true}")));
        Browser browser = new Browser();
        Response answer = browser.submit("/sign-in", Map.of("email", email, "password", "secret-password"));
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + answer.statusCode() + ": " + answer.body().asString());
        }
        return browser;
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).header("Accept-Language", language);
    }

    Response open(String path) {
        Response answer = request().get(path);
        keep(answer);
        return answer;
    }

    Document page(String path) {
        Response answer = open(path);
        return Jsoup.parse(answer.body().asString());
    }

    /** Fetches the form token the way a page would (from any page), then posts the form with it. */
    Response submit(String path, Map<String, String> fields) {
        String token = csrfToken();
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", token);
        Response answer = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post(path);
        keep(answer);
        return answer;
    }

    String csrfToken() {
        Document page = Jsoup.parse(open("/sign-in").body().asString());
        if (page.selectFirst("input[name=csrf]") == null) {
            // signed in: /sign-in redirects, any page carries the token
            page = page("/inbox");
        }
        return page.selectFirst("input[name=csrf]").attr("value");
    }

    void keep(Response answer) {
        answer.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
