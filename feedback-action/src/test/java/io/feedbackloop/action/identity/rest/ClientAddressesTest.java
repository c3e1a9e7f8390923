package io.feedbackloop.action.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a sign-in counts against, for the peers and headers a deployment can see. */
class ClientAddressesTest {

    private static final ClientAddresses BEHIND_CONSOLE = new ClientAddresses(List.of("10.0.4.7", " 2001:db8::7 "));
    private static final ClientAddresses NO_PROXY = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("192.0.2.10", NO_PROXY.of("192.0.2.10", List.of("198.51.100.1")));
        assertEquals("10.0.4.7", NO_PROXY.of("10.0.4.7", List.of("198.51.100.1")));
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotChooseItsAddress() {
        assertEquals("192.0.2.10", BEHIND_CONSOLE.of("192.0.2.10", List.of("198.51.100.1")));
        assertEquals("192.0.2.10", BEHIND_CONSOLE.of("192.0.2.10", List.of("10.0.4.7, 198.51.100.1")));
    }

    @Test
    void aTrustedProxyNamesTheClientWithTheLastAddress() {
        assertEquals("198.51.100.1", BEHIND_CONSOLE.of("10.0.4.7", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", BEHIND_CONSOLE.of("10.0.4.7", List.of("203.0.113.9, 198.51.100.1")));
        assertEquals("198.51.100.1", BEHIND_CONSOLE.of("10.0.4.7", List.of("203.0.113.9", "198.51.100.1")));
        assertEquals("198.51.100.1", BEHIND_CONSOLE.of("2001:db8:0:0:0:0:0:7", List.of("198.51.100.1")));
        // one address, one budget, however it is written
        assertEquals("198.51.100.1", BEHIND_CONSOLE.of("::ffff:10.0.4.7", List.of("::ffff:198.51.100.1")));
        assertEquals("2001:db8:0:0:0:0:0:1", BEHIND_CONSOLE.of("10.0.4.7", List.of("2001:DB8::1")));
    }

    @Test
    void aHeaderNamingNoValidAddressFallsBackToThePeer() {
        for (String header : List.of("", " ", "unknown", "198.51.100.1:443", "[2001:db8::1]", "198.51.100.1, ",
                "256.0.0.1", "198.51.100", "fe80::1%eth0", "example.com", "198.51.100.1, garbage")) {
            assertEquals("10.0.4.7", BEHIND_CONSOLE.of("10.0.4.7", List.of(header)), header);
        }
        assertEquals("10.0.4.7", BEHIND_CONSOLE.of("10.0.4.7", List.of()));
        assertEquals("10.0.4.7", BEHIND_CONSOLE.of("10.0.4.7", null));
    }

    @Test
    void aTrustedProxyMustBeAnIpAddress() {
        for (String bad : List.of("console.internal", "10.0.4.0/24", "10.0.4.7:8080", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new ClientAddresses(List.of(bad)), bad);
            assertTrue(refused.getMessage().contains("auth.sign-in.trusted-proxies"), refused.getMessage());
        }
    }
}
