package io.feedbackloop.notifier.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.MessageKind;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which messages each event triggers, from {@code followup.triggers}. A kind bound to an event it
 * cannot be written from, or an unknown kind, stops the service at start with the offending key.
 */
@Startup
@ApplicationScoped
public class Triggers {

    private final Set<MessageKind> enabled = EnumSet.noneOf(MessageKind.class);

    @Inject
    public Triggers(FollowUpConfig config) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> trigger : config.triggers().entrySet()) {
            for (String id : Arrays.stream(trigger.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                MessageKind kind = MessageKind.of(id).orElse(null);
                if (kind == null) {
                    problems.add("followup.triggers.\"" + trigger.getKey() + "\": unknown message kind '" + id
                            + "' (known: " + Arrays.stream(MessageKind.values()).map(MessageKind::id).toList() + ")");
                } else if (!kind.topic().equals(trigger.getKey())) {
                    problems.add("followup.triggers.\"" + trigger.getKey() + "\": '" + id + "' is written from "
                            + kind.topic() + ", not from " + trigger.getKey());
                } else {
                    enabled.add(kind);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid follow-up triggers: " + String.join("; ", problems));
        }
    }

    public boolean enabled(MessageKind kind) {
        return enabled.contains(kind);
    }
}
