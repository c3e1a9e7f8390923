package io.feedbackloop.action.cases;

import java.util.List;
import java.util.UUID;

/**
 * What a case list is narrowed to; null (or empty) means "any".
 *
 * @param channels   the channels the feedback came through (any of them)
 * @param theme      a taxonomy path: a group ({@code delivery}) matches its leaves ({@code delivery/late})
 * @param assignee   a member's email, or {@link #UNASSIGNED} for cases nobody works yet
 * @param overdue    true: a pending deadline has passed; false: none has
 */
public record CaseFilter(String team, List<String> statuses, List<String> priorities, List<String> channels,
                         String theme, String assignee, Boolean overdue, UUID feedbackId) {

    public static final String UNASSIGNED = "none";
}
