package io.feedbackloop.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomerErasureTest {

    @Test
    void aPseudonymIsStableSoAnErasedCustomersRowsStillAddUp() {
        assertEquals(CustomerErasure.pseudonym("c-42"), CustomerErasure.pseudonym("c-42"));
    }

    @Test
    void aPseudonymTellsCustomersApartWithoutShowingWhoTheyWere() {
        String pseudonym = CustomerErasure.pseudonym("alice@example.com");

        assertNotEquals(pseudonym, CustomerErasure.pseudonym("bob@example.com"));
        assertTrue(pseudonym.matches("erased-[0-9a-f]{16}"), pseudonym);
        assertFalse(pseudonym.contains("alice"));
    }
}
