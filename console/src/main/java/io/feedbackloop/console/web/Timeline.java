package io.feedbackloop.console.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.feedbackloop.console.backend.views.CaseViews.Comment;
import io.feedbackloop.console.backend.views.LoopViews.FollowUp;
import io.feedbackloop.console.backend.views.LoopViews.LoopStatus;
import io.feedbackloop.console.backend.views.LoopViews.Step;

/**
 * The loop of one feedback in time order: received → categorized → case → each note, reply and
 * message sent, with its text and outcome. Built from three services' answers; any of them may be
 * missing (not allowed, not there yet), and the rest still shows.
 */
public record Timeline(List<Entry> entries) {

    /**
     * @param kind    step, note, reply or message
     * @param label   the stage, the comment's visibility, or the message's kind
     * @param outcome a message's status (sent, delivered, failed, suppressed...), else null
     */
    public record Entry(Instant at, String kind, String label, String author, String subject, String text,
                        String outcome, String channel) {
    }

    static Timeline of(LoopStatus loop, List<Comment> comments, List<FollowUp> messages) {
        List<Entry> entries = new ArrayList<>();
        if (loop != null && loop.steps() != null) {
            for (Step step : loop.steps()) {
                entries.add(new Entry(step.at(), "step", step.stage(), null, null, step.detail(), null, null));
            }
        }
        if (comments != null) {
            for (Comment c : comments) {
                entries.add(new Entry(c.createdAt(), c.toCustomer() ? "reply" : "note", c.visibility(), c.author(),
                        null, c.text(), null, null));
            }
        }
        if (messages != null) {
            for (FollowUp m : messages) {
                entries.add(new Entry(m.at(), "message", m.kind(), null, m.subject(), m.body(),
                        m.status() + (m.statusReason() == null ? "" : " (" + m.statusReason() + ")"), m.channel()));
            }
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Timeline(entries);
    }
}
