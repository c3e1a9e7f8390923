package io.feedbackloop.ingest.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.feedbackloop.ingest.model.Channel;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/** Channel names in paths and queries. */
final class Channels {

    private Channels() {
    }

    static Channel parse(String value) {
        for (Channel channel : Channel.values()) {
            if (channel.wireName().equals(value)) {
                return channel;
            }
        }
        throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("channel", "enum", "must be one of "
                + Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", ", "[", "]"))))));
    }
}
