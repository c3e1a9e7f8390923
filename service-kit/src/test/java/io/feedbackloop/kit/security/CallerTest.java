package io.feedbackloop.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void aChannelKeyReadsOnlyItsOwnChannel() {
        Caller web = Caller.ofChannel("web");
        assertTrue(web.canReadChannel("web"));
        assertFalse(web.canReadChannel("email"));
        assertEquals(Set.of(Roles.CHANNEL), web.roles());
    }

    @Test
    void analystsAndAdminsReadEveryChannelAgentsNone() {
        assertTrue(Caller.person("a@x", Set.of(Roles.ANALYST), Set.of()).canReadChannel("web"));
        assertTrue(Caller.person("a@x", Set.of(Roles.ADMIN), Set.of()).canReadChannel("web"));
        assertFalse(Caller.person("a@x", Set.of(Roles.AGENT), Set.of("care")).canReadChannel("web"));
    }

    @Test
    void aPersonActsForTheTeamsOfItsTokenAnAdminForAll() {
        Caller lead = Caller.person("l@x", Set.of(Roles.LEAD), Set.of("care"));
        assertTrue(lead.actsFor("care"));
        assertFalse(lead.actsFor("billing"));
        assertFalse(lead.actsFor(null));
        assertTrue(Caller.person("root@x", Set.of(Roles.ADMIN), Set.of()).actsFor("billing"));
    }

    @Test
    void teamsAreReadFromAnArrayAStringOrAList() {
        assertEquals(Set.of("care", "billing"),
                CallerProducer.teams(Json.createArrayBuilder().add("care").add("billing").build()));
        assertEquals(Set.of("care"), CallerProducer.teams(Json.createValue("care")));
        assertEquals(Set.of("care"), CallerProducer.teams(List.of("care")));
        assertEquals(Set.of(), CallerProducer.teams(null));
    }
}
