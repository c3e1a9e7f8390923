package io.feedbackloop.console.session;

/** The person has no (longer a) sign-in: the page sends them to the sign-in form. */
public class SignedOutException extends RuntimeException {
    public SignedOutException(String reason) {
        super(reason);
    }
}
