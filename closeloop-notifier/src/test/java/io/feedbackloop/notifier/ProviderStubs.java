package io.feedbackloop.notifier;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP peer (WireMock) standing in for the SMS gateway and the webhook receiver, and the
 * configuration that points the notifier at it. The customers' default time zone is one where it
 * is daytime now, so that only tests about quiet hours meet them, whenever the suite runs.
 */
public class ProviderStubs implements QuarkusTestResourceLifecycleManager {

    public static final String SMS_PATH = "/sms/messages";
    public static final String WEBHOOK_PATH = "/hooks/followups";
    public static final String SMS_KEY = "test-sms-key";
    public static final String RECEIPT_TOKEN = "test-receipt-token";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            // a provider that takes everything; tests add their own stubs for particular numbers
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(SMS_PATH)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)
                            .withHeader("Content-Type", "application/json").withBody("{\"id\": \"gw-default\"}")));
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(WEBHOOK_PATH)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        String base = "http://localhost:" + server.port();
        Map<String, String> config = new HashMap<>();
        config.put("followup.sms.url", base + SMS_PATH);
        config.put("followup.sms.api-key", SMS_KEY);
        config.put("followup.sms.receipt-token", RECEIPT_TOKEN);
        config.put("followup.webhook.url", base + WEBHOOK_PATH);
        config.put("followup.webhook.secret", WEBHOOK_SECRET);
        String daytime = daytimeZone();
        config.put("followup.default-time-zone", daytime);
        config.put("followup.time-zones.ru", daytime);
        config.put("followup.time-zones.en-GB", daytime);
        return config;
    }

    /** A fixed-offset zone where it is about 1 pm now (and stays daytime for hours). */
    static String daytimeZone() {
        return zoneWhereItIs(13);
    }

    /** A fixed-offset zone where the local hour is {@code hour} now. */
    static String zoneWhereItIs(int hour) {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;   // -12..+11
        return ZoneOffset.ofHours(offset).getId().equals("Z") ? "UTC" : "UTC" + ZoneOffset.ofHours(offset).getId();
    }

    public static WireMockServer server() {
        return server;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by the shutdown hook
    }
}
