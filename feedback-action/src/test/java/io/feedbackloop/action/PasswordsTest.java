package io.feedbackloop.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackloop.action.identity.AdminBootstrap;
import io.feedbackloop.action.identity.Passwords;
import org.junit.jupiter.api.Test;

/** The strength rule every password meets, the configured administrator's included (no framework). */
class PasswordsTest {

    @Test
    void aStrongPasswordPasses() {
        assertTrue(Passwords.weakness("Correct-Horse-42").isEmpty());
        assertTrue(Passwords.weakness("Loop-Root-Pa55-2026").isEmpty());
    }

    @Test
    void shortOrUniformOrWellKnownPasswordsAreWeak() {
        assertEquals("must be at least 12 characters long", Passwords.weakness("Sh0rt-pass").orElseThrow());
        assertTrue(Passwords.weakness(null).isPresent());
        assertTrue(Passwords.weakness("alllowercaseletters").isPresent(), "one kind of character");
        assertTrue(Passwords.weakness("aA1aA1aA1aA1").isPresent(), "a few characters repeated");
        assertTrue(Passwords.weakness("MyPassword-2026").isPresent(), "a well-known weak word");
        assertTrue(Passwords.weakness("Admin-Admin-1").isPresent(), "a well-known weak word");
    }

    @Test
    void generatedPasswordsAreStrongAndDifferent() {
        String one = Passwords.generate();
        assertTrue(Passwords.weakness(one).isEmpty(), one);
        assertFalse(one.equals(Passwords.generate()));
    }

    @Test
    void theAdministratorsConfiguredPasswordMustBeStrongOrTheServiceDoesNotStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AdminBootstrap.requireStrong("changeme"));
        assertTrue(refused.getMessage().contains("AUTH_ADMIN_PASSWORD"), refused.getMessage());
        AdminBootstrap.requireStrong("Loop-Root-Pa55-2026");
    }

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = Passwords.hash("Correct-Horse-42");
        assertTrue(Passwords.matches("Correct-Horse-42", hash));
        assertFalse(Passwords.matches("Correct-Horse-43", hash));
        assertFalse(Passwords.matches("Correct-Horse-42", null));
    }
}
