package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.feedbackloop.stack.LoopTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Sign-in behind the web console: every person signs in through the console's backend, a proxy
 * the test profile trusts (auth.sign-in.trusted-proxies=127.0.0.1, where these requests come
 * from). Each client the proxy names in X-Forwarded-For has a budget of its own; a header that
 * names no valid address counts against the proxy itself. Three attempts per address here.
 */
@QuarkusTest
@TestProfile(SignInBehindProxyTest.ThreeAttemptsPerAddress.class)
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class SignInBehindProxyTest {

    private static final int ATTEMPTS = 3;

    public static class ThreeAttemptsPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // trusted-proxies is the test profile's own (application.properties): 127.0.0.1
            return Map.of("auth.sign-in.attempts-per-address", String.valueOf(ATTEMPTS));
        }
    }

    /** A wrong password for an email nobody has (each attempt its own: the per-email limit stays out of the way). */
    private static Response attempt(RequestSpecification from) {
        return from.formParam("grant_type", "password").formParam("username", UniqueWords.letters(12) + "@example.com")
                .formParam("password", "not-the-password-1A").post("/auth/token");
    }

    private static RequestSpecification forwardedFor(String... headerLines) {
        RequestSpecification request = given();
        for (String line : headerLines) {
            request.header("X-Forwarded-For", line);
        }
        return request;
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String someClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(101, 255) + "." + random.nextInt(1, 255);
    }

    @Test
    void eachForwardedClientHasItsOwnBudgetAndTheSameClientIsThrottled() {
        String olga = someClient();
        String ivan = someClient();
        while (ivan.equals(olga)) {
            ivan = someClient();
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            // what a client wrote before the proxy's own entry is not believed: the last address counts
            attempt(forwardedFor("203.0.113." + (i + 1) + ", " + olga)).then().statusCode(401);
        }
        attempt(forwardedFor(olga)).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // a client that puts another address first does not escape: the proxy appended the real one
        attempt(forwardedFor(ivan + ", " + olga)).then().statusCode(429);
        // over several header lines, the last address of the last line is the proxy's
        attempt(forwardedFor(ivan, olga)).then().statusCode(429);

        // another person behind the same console is not locked out
        for (int i = 0; i < ATTEMPTS; i++) {
            attempt(forwardedFor(olga + ", " + ivan)).then().statusCode(401);
        }
        attempt(forwardedFor(ivan)).then().statusCode(429);
        // one address however it is written (IPv4-mapped IPv6)
        attempt(forwardedFor("::ffff:" + ivan)).then().statusCode(429);
        attempt(forwardedFor(someOtherClient(List.of(olga, ivan)))).then().statusCode(401);
    }

    @Test
    void aHeaderNamingNoValidAddressCountsAgainstThePeer() {
        String client = someClient();
        // none of these names a client: each counts against the peer (the proxy, 127.0.0.1) itself
        attempt(forwardedFor("not-an-address")).then().statusCode(401);
        attempt(forwardedFor(client + ":51234")).then().statusCode(401);
        attempt(forwardedFor(client + ", ")).then().statusCode(401);
        attempt(forwardedFor("256.1.2.3")).then().statusCode(429);
        attempt(given()).then().statusCode(429);
        attempt(forwardedFor("[::1]")).then().statusCode(429);
        // a well-formed address still has its own budget
        attempt(forwardedFor(client)).then().statusCode(401);
    }

    private static String someOtherClient(List<String> taken) {
        String client = someClient();
        while (taken.contains(client)) {
            client = someClient();
        }
        return client;
    }
}
