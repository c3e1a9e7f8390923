package io.feedbackloop.notifier.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.OutgoingMessage;
import io.feedbackloop.notifier.service.ChannelSender;
import io.feedbackloop.notifier.service.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Posts a message to the outgoing webhook (a CRM, a team chat) as JSON. The receiver checks
 * {@code X-Followup-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the shared
 * secret, and drops repeats by {@code Idempotency-Key}.
 */
@ApplicationScoped
public class WebhookPublisher implements ChannelSender {

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    private HttpProvider http;

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public String send(OutgoingMessage message) {
        String url = config.webhook().url().orElseThrow(() -> new ProviderException("no webhook configured", true, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id().toString());
        body.put("kind", message.kind());
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.putAll(message.metadata());
        String json = HttpProvider.json(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", message.id().toString());
        headers.put("X-Followup-Id", message.id().toString());
        // present whenever a URL is: ProviderSafetyCheck refuses to start without it
        headers.put("X-Followup-Signature", signature(config.webhook().secret().orElseThrow(),
                clock.instant().getEpochSecond(), json));
        return http().post(url, json, headers, config.dispatch().sendTimeout());
    }

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized HttpProvider http() {
        if (http == null) {
            http = new HttpProvider("webhook", config.dispatch().sendTimeout());
        }
        return http;
    }
}
