package io.feedbackloop.kit.security;

/**
 * The roles every service knows, as they come in the token's role claim. One identity model for
 * the whole loop, so a person's token means the same in every service.
 */
public final class Roles {

    /** Works the cases of the teams in the token's team claim. */
    public static final String AGENT = "agent";
    /** Manages the rules, members and improvement actions of the teams it leads (its team claim). */
    public static final String LEAD = "lead";
    /** Reads metrics, feedback and categorizations across teams, and corrects categorizations. */
    public static final String ANALYST = "analyst";
    /** Everything: channel keys, erasure, every team. */
    public static final String ADMIN = "admin";
    /** A support channel's API key (a machine, not a person): submits and reads its own channel's feedback. */
    public static final String CHANNEL = "channel";

    private Roles() {
    }
}
