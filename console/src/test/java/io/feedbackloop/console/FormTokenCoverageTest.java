package io.feedbackloop.console;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Walks every form the console accepts (every POST of every page resource, found from the code, so
 * a new one cannot be forgotten) and sends it signed in but without the form token: each must be
 * refused with 403 before it reaches a service.
 */
@QuarkusTest
@QuarkusTestResource(ServicesStub.class)
class FormTokenCoverageTest {

    @Test
    void everyFormRefusesARequestWithoutItsToken() {
        List<String> paths = postPaths();
        assertTrue(paths.size() >= 25, "found only " + paths);
        ServicesStub.server.resetAll();
        Browser browser = Browser.signedIn("ann@example.com", "\"admin\"", "\"delivery\"");
        ServicesStub.server.resetRequests();
        List<String> accepted = new ArrayList<>();
        for (String path : paths) {
            Response answer = browser.request().contentType("application/x-www-form-urlencoded")
                    .formParams(Map.of("text", "hello", "version", "1")).post(path);
            if (answer.statusCode() != 403) {
                accepted.add(path + " → " + answer.statusCode());
            }
        }
        assertEquals(List.of(), accepted);
        assertTrue(ServicesStub.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).isEmpty(), "no service was called");
    }

    /**
     * The path with a value for each parameter: the first word of {@code {kind: case|routing}}, a
     * UUID for anything else (ids; regular expressions may hold braces of their own).
     */
    static String concrete(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String parameter = template.substring(i + 1, end);
            int colon = parameter.indexOf(':');
            String regex = colon < 0 ? "" : parameter.substring(colon + 1).trim();
            out.append(regex.matches("[a-z-]+(\\|[a-z-]+)+") ? regex.split("\\|")[0]
                    : "6f1f9a4e-2b1c-4a51-9f40-1d3e5c7a9b01");
            i = end + 1;
        }
        return out.toString();
    }

    static List<String> postPaths() {
        List<String> paths = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.feedbackloop.console")) {
            Class<?> resource = type.reflect();
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = concrete(("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/"));
                    paths.add(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
                }
            }
        }
        return paths;
    }
}
