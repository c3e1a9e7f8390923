package io.feedbackloop.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackloop.console.i18n.Msg;
import org.junit.jupiter.api.Test;

/**
 * Quarkus 3.37 builds a message bundle of more than 300 messages without complaint and then fails
 * at start with a VerifyError in the generated resolver. Fold new texts into parametrized ones
 * ({@code #when}) or start a second bundle before this fails.
 */
class MessageBundleSizeTest {

    @Test
    void theBundleStaysBelowTheSizeQuarkusCanGenerate() {
        int messages = Msg.class.getDeclaredMethods().length;
        assertTrue(messages <= 300, messages + " messages in Msg: the console would not start");
    }
}
