package io.feedbackloop.action.identity;

/**
 * Credentials the token endpoint refuses. The detail never says which part was wrong (an unknown
 * email reads exactly like a wrong password), so nobody learns who has an account.
 */
public class InvalidGrantException extends RuntimeException {

    public InvalidGrantException(String detail) {
        super(detail);
    }
}
