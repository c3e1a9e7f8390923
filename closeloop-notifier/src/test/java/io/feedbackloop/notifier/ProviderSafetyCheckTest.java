package io.feedbackloop.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import io.feedbackloop.notifier.config.ProviderSafetyCheck;
import org.junit.jupiter.api.Test;

/** The settings the notifier refuses to start with, and the ones it accepts. */
class ProviderSafetyCheckTest {

    private static final Optional<String> URL = Optional.of("https://crm.example/hooks/followups");

    @Test
    void aWebhookWithoutSigningSecretIsRefusedNamingTheSetting() {
        List<String> problems = ProviderSafetyCheck.problems(URL, Optional.empty(), false, "DISABLED", false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("followup.webhook.secret"), problems.get(0));
        assertEquals(problems, ProviderSafetyCheck.problems(URL, Optional.of("  "), false, "DISABLED", false));
    }

    @Test
    void aSignedWebhookOrNoWebhookAtAllIsFine() {
        assertEquals(List.of(), ProviderSafetyCheck.problems(URL, Optional.of("s3cret"), false, "DISABLED", false));
        assertEquals(List.of(), ProviderSafetyCheck.problems(Optional.empty(), Optional.empty(), false, "DISABLED", false));
    }

    @Test
    void productionMailWithoutStartTlsRequiredIsRefused() {
        for (String startTls : List.of("DISABLED", "OPTIONAL")) {
            List<String> problems = ProviderSafetyCheck.problems(Optional.empty(), Optional.empty(), true, startTls, false);
            assertEquals(1, problems.size(), startTls);
            assertTrue(problems.get(0).contains("QUARKUS_MAILER_START_TLS=REQUIRED"), problems.get(0));
        }
        assertEquals(List.of(), ProviderSafetyCheck.problems(Optional.empty(), Optional.empty(), true, "required", false));
        assertEquals(List.of(), ProviderSafetyCheck.problems(Optional.empty(), Optional.empty(), true, "DISABLED", true),
                "TLS from the first byte (port 465) is as good");
    }

    @Test
    void testsAndTheLocalRunMayTalkPlainSmtp() {
        assertEquals(List.of(), ProviderSafetyCheck.problems(Optional.empty(), Optional.empty(), false, "DISABLED", false));
    }

    @Test
    void onlyTheLoopbackInterfaceCountsAsThisMachine() {
        for (String host : List.of("localhost", "127.0.0.1", "127.0.1.1", "::1", "[::1]", " LOCALHOST ")) {
            assertTrue(ProviderSafetyCheck.isLoopback(host), host);
        }
        for (String host : List.of("smtp.example.com", "10.0.0.7", "localhost.example.com", "1270.0.0.1", "127.mail.example", "mailpit")) {
            assertFalse(ProviderSafetyCheck.isLoopback(host), host);
        }
    }
}
