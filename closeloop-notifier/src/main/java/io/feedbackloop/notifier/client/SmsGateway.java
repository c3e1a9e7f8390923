package io.feedbackloop.notifier.client;

import java.util.LinkedHashMap;
import java.util.Map;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.OutgoingMessage;
import io.feedbackloop.notifier.service.ChannelSender;
import io.feedbackloop.notifier.service.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * SMS through an HTTP gateway: {@code POST} of {@code {"to", "from", "text", "reference"}} with
 * the API key as a bearer token and the message id as {@code Idempotency-Key}, which gateways
 * use to drop a repeated send. Delivery receipts come back to {@code /api/v1/providers/sms/receipts}.
 */
@ApplicationScoped
public class SmsGateway implements ChannelSender {

    @Inject
    FollowUpConfig config;

    private HttpProvider http;

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public String send(OutgoingMessage message) {
        String url = config.sms().url().orElseThrow(() -> new ProviderException("no SMS gateway configured", true, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.to());
        body.put("from", config.sms().sender());
        body.put("text", message.text());
        body.put("reference", message.id().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", message.id().toString());
        config.sms().apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        return http().post(url, HttpProvider.json(body), headers, config.dispatch().sendTimeout());
    }

    private synchronized HttpProvider http() {
        if (http == null) {
            http = new HttpProvider("SMS gateway", config.dispatch().sendTimeout());
        }
        return http;
    }
}
