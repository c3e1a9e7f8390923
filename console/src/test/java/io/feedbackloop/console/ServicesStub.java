package io.feedbackloop.console;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The four services as one real HTTP peer (WireMock) on a free port: each test stubs the answers
 * it needs and checks what the console asked for.
 */
public class ServicesStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = server.baseUrl();
        return Map.of("console.backends.ingest", base, "console.backends.categorize", base,
                "console.backends.action", base, "console.backends.notifier", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
