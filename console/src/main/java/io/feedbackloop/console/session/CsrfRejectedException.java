package io.feedbackloop.console.session;

/** A form came without the token this browser was given: it was not sent from our page. */
public class CsrfRejectedException extends RuntimeException {
    public CsrfRejectedException() {
        super("form token missing or wrong");
    }
}
