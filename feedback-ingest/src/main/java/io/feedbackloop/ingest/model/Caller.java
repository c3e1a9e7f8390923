package io.feedbackloop.ingest.model;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;

/**
 * Who is calling: a support channel (through its API key) or an administrator (through the
 * admin token). Channels see and write only their own channel's feedback.
 */
public record Caller(String channel, boolean admin) {

    public static Caller ofChannel(String channel) {
        return new Caller(channel, false);
    }

    public static Caller ofAdmin() {
        return new Caller(null, true);
    }

    /** May this caller see feedback that came through {@code feedbackChannel}? */
    public boolean canRead(String feedbackChannel) {
        return admin || channel.equals(feedbackChannel);
    }

    /** Refuses a write for another channel: a key can only submit feedback for its own channel. */
    public void requireChannel(String feedbackChannel) {
        if (!admin && !channel.equals(feedbackChannel)) {
            throw new ProblemException(Problem.of(403, "wrong-channel", "Forbidden",
                    "this API key belongs to channel '" + channel + "' and cannot submit for '" + feedbackChannel + "'"));
        }
    }
}
