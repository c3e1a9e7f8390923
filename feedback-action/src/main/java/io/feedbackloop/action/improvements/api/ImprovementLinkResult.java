package io.feedbackloop.action.improvements.api;

/**
 * What a link request did.
 *
 * @param added  feedback newly linked by this request (those already linked are not counted again)
 * @param counts the action's links after it
 */
public record ImprovementLinkResult(int added, ImprovementActionView.Counts counts) {
}
