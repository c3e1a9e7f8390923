package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.KafkaBroker;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.MailMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure on an immutable log, proven the way an auditor would: a customer is erased while events
 * about them are still on their way (the categorizer stopped with their feedback queued, the broker
 * down with an event still in ingest's outbox); afterwards every table of every service and every
 * record of every topic and dead-letter topic, read from offset 0, is searched for their email,
 * phone, name and a phrase of their text, and every sealed value about them is tried with every
 * key the key topic still holds, unwrapped with the master key: nothing readable is left.
 */
class ErasureIT {

    private static final Logger LOG = Logger.getLogger(ErasureIT.class);
    private static final Pattern SEALED = Pattern.compile("pii:v1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)");

    private static LoopStack stack;
    private static LoopClient client;

    @BeforeAll
    static void startLoop() throws Exception {
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-erasure"), false, false);
        client = new LoopClient(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
    }

    @AfterAll
    static void stopLoop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedCustomerIsUnreadableInEveryTableAndEveryTopicWhileOthersFlowOn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Customer vera = new Customer("c-vera-" + tag, "vera." + tag + "@example.com",
                "+7999" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)), "Vera Quist" + tag,
                "lilac umbrella " + tag);
        Customer other = new Customer("c-other-" + tag, "other." + tag + "@example.com", "+4470" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)),
                "Otto Brand" + tag, "teal kettle " + tag);

        String first = post(vera, 2, "The courier threw my parcel, " + vera.phrase + ", twice");
        client.awaitStage(first, "followed_up", Duration.ofSeconds(60));
        assertEquals(1, stack.mail().await(m -> m.recipients().contains(vera.email), 1, Duration.ofSeconds(30)).size());
        HttpResponse<String> optOut = call("PUT", "closeloop-notifier", "/api/v1/customers/" + vera.id + "/preferences",
                "{\"email\":\"unsubscribed\",\"changedBy\":\"customer on the phone\"}");
        assertEquals(200, optOut.statusCode(), optOut.body());

        // events still on their way: one queued for a stopped categorizer, one in ingest's outbox
        stack.service("feedback-categorize").close();
        String queued = post(vera, 3, "Still waiting: " + vera.phrase + " and no answer");
        KafkaBroker broker = stack.broker();
        Thread.sleep(1_000);   // the relay sends the queued one before the broker goes
        broker.kill();
        String unsent = post(vera, 1, "Worst ever, " + vera.phrase + ", call me back");
        LOG.infof("erasing %s with %s queued for the categorizer and %s in ingest's outbox", vera.id, queued, unsent);

        HttpResponse<String> erasure = call("POST", "feedback-ingest", "/api/v1/customers/" + vera.id + "/erasure",
                "{\"requestedBy\": \"dpo@example.com\"}");
        assertEquals(202, erasure.statusCode(), erasure.body());
        broker.start();
        stack.service("feedback-categorize").start().awaitReady(Duration.ofSeconds(120));
        awaitCompleted(URI.create(erasure.headers().firstValue("Location").orElseThrow()).getPath());

        // the loop goes on for everyone else, sealed on the way and opened where needed
        String others = post(other, 2, "Kettle arrived broken, " + other.phrase);
        client.awaitStage(others, "followed_up", Duration.ofSeconds(90));
        List<MailMessage> toOther = stack.mail().await(m -> m.recipients().contains(other.email), 1,
                Duration.ofSeconds(30)).stream().map(MailMessage::new).toList();
        assertTrue(toOther.get(0).text().contains(other.phrase), "the other customer's words reach them");

        Set<String> veraKeys = awaitKeysGoneFromTheLog(vera);

        for (Map.Entry<String, String> hit : searchEveryTable(vera).entrySet()) {
            throw new AssertionError("readable in " + hit.getKey() + ": " + hit.getValue());
        }
        Log log = readEveryTopic();
        assertTrue(log.records > 0);
        for (String needle : vera.needles()) {
            assertFalse(log.plain.contains(needle.toLowerCase(Locale.ROOT)), needle + " readable in the topics");
        }
        Map<String, SecretKey> keysStillInTheLog = log.liveKeys(stack.privacyMasterKey());
        int veraSealed = 0;
        int opened = 0;
        for (String[] sealed : log.sealed) {
            SecretKey key = keysStillInTheLog.get(sealed[0]);
            if (veraKeys.contains(sealed[0])) {
                veraSealed++;
                assertEquals(null, key, "a key of the erased customer is still readable in customer.keys.v1");
            } else if (key != null) {
                String text = open(key, sealed[0], sealed[1]);
                opened++;
                for (String needle : vera.needles()) {
                    assertFalse(text.contains(needle), needle + " under another customer's key");
                }
            }
        }
        assertTrue(veraSealed > 0, "her events are still on the topics, sealed: the search saw them");
        assertTrue(opened > 0 && log.openedMatches(keysStillInTheLog, other.phrase),
                "the other customer's text opens with their live key: the search would have found hers");
        LOG.infof("searched %d records (%d sealed values of the erased customer, %d others opened) and every table: "
                + "nothing of her is readable", log.records, veraSealed, opened);

        // her opt-out outlives her: the same address, now under a new customer id, is not mailed
        int mailsBefore = stack.mail().await(m -> m.recipients().contains(vera.email), 1, Duration.ofSeconds(1)).size();
        Customer again = new Customer("c-again-" + tag, vera.email, null, "Vera", "back again " + tag);
        String comeback = post(again, 2, "Back again: " + again.phrase);
        JsonNode followUp = awaitFollowUp(comeback);
        assertEquals("suppressed", followUp.get("status").asText(), followUp.toString());
        assertEquals(mailsBefore, stack.mail().await(m -> m.recipients().contains(vera.email), mailsBefore,
                Duration.ofSeconds(3)).size(), "no mail to an address that opted out before its erasure");
    }

    private record Customer(String id, String email, String phone, String name, String phrase) {
        List<String> needles() {
            return phone == null ? List.of(email, name, phrase) : List.of(email, phone, name, phrase);
        }
    }

    private static String post(Customer customer, int nps, String text) throws Exception {
        ObjectNode person = LoopClient.JSON.createObjectNode().put("id", customer.id).put("email", customer.email)
                .put("name", customer.name).put("locale", "en");
        if (customer.phone != null) {
            person.put("phone", customer.phone);
        }
        ObjectNode body = LoopClient.JSON.createObjectNode();
        body.set("customer", person);
        body.put("channel", "web").put("npsScore", nps).put("text", text);
        HttpResponse<String> answer = client.submit(body.toString());
        assertEquals(201, answer.statusCode(), answer.body());
        return LoopClient.JSON.readTree(answer.body()).get("id").asText();
    }

    private static void awaitCompleted(String location) throws Exception {
        JsonNode status = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            status = LoopClient.JSON.readTree(call("GET", "feedback-ingest", location, null).body());
            if ("completed".equals(status.path("status").asText())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("erasure not completed: " + status);
    }

    private static JsonNode awaitFollowUp(String feedbackId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = call("GET", "closeloop-notifier", "/api/v1/followups?feedbackId=" + feedbackId, null).body();
            JsonNode list = LoopClient.JSON.readTree(body);
            JsonNode items = list.isArray() ? list : list.path("items");
            if (items.size() > 0 && !"queued".equals(items.get(0).path("status").asText())) {
                return items.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no settled follow-up for " + feedbackId + ": " + body);
    }

    /**
     * The erased customer's key ids (read off her sealed events), once no record of
     * {@code customer.keys.v1} carries any of them with the key: compaction rolls a segment at
     * {@link LoopTopics#KEY_COMPACTION_LAG} when a record is appended, so new customers' keys keep
     * coming while we wait, as they do in production.
     */
    private static Set<String> awaitKeysGoneFromTheLog(Customer vera) throws Exception {
        Log log = readEveryTopic();
        Set<String> veraKeys = new HashSet<>(log.sealedOf(vera.id));
        assertFalse(veraKeys.isEmpty(), "her events were sealed: " + log.sealedOf(vera.id));
        long deadline = System.nanoTime() + LoopTopics.KEY_COMPACTION_LAG.multipliedBy(6).toNanos();
        int round = 0;
        while (System.nanoTime() < deadline) {
            Set<String> live = new HashSet<>(log.liveKeyIds());
            live.retainAll(veraKeys);
            if (live.isEmpty()) {
                LOG.infof("her keys %s left the log after %d rounds", veraKeys, round);
                return veraKeys;
            }
            Thread.sleep(5_000);
            post(new Customer("c-roll-" + UUID.randomUUID(), "roll" + round + "@example.com", null, "Roll", "roll"), 9,
                    "fine");
            round++;
            log = readEveryTopic();
        }
        throw new AssertionError("her keys " + veraKeys + " are still in customer.keys.v1 with the key material");
    }

    /** Every row of every table of every service's database, as text, searched case-insensitively. */
    private static Map<String, String> searchEveryTable(Customer customer) throws Exception {
        Map<String, String> hits = new HashMap<>();
        int tables = 0;
        for (LoopStack.Service service : LoopStack.SERVICES) {
            try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()),
                    stack.postgres().user(), stack.postgres().password());
                 Statement statement = db.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                        + "FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                        + "AND table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    tables++;
                    try (ResultSet rows = statement.executeQuery("SELECT CAST(t AS text) FROM " + table + " t")) {
                        while (rows.next()) {
                            String row = rows.getString(1).toLowerCase(Locale.ROOT);
                            for (String needle : customer.needles()) {
                                if (row.contains(needle.toLowerCase(Locale.ROOT))) {
                                    hits.put(service.database() + "." + table, row);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(tables > 20, "searched " + tables + " tables");
        return hits;
    }

    /** What every topic and dead-letter topic holds, read from offset 0 as the super user. */
    private static final class Log {
        final StringBuilder plainText = new StringBuilder();
        String plain;
        final List<String[]> sealed = new ArrayList<>();
        final Map<String, Set<String>> keysByCustomer = new HashMap<>();
        final Map<String, JsonNode> latestKeyRecords = new HashMap<>();
        int records;

        Set<String> sealedOf(String customerId) {
            return keysByCustomer.getOrDefault(customerId, Set.of());
        }

        Set<String> liveKeyIds() {
            Set<String> live = new HashSet<>();
            latestKeyRecords.forEach((id, record) -> {
                if (record.hasNonNull("wrappedKey")) {
                    live.add(id);
                }
            });
            return live;
        }

        /** Every key of the key topic still carrying key material, unwrapped as an attacker with the master key would. */
        Map<String, SecretKey> liveKeys(String masterKeyBase64) {
            SecretKey master = new SecretKeySpec(Base64.getDecoder().decode(masterKeyBase64), "AES");
            Map<String, SecretKey> keys = new HashMap<>();
            for (String id : liveKeyIds()) {
                byte[] key = decrypt(master, id, Base64.getDecoder().decode(latestKeyRecords.get(id).get("wrappedKey").asText()));
                keys.put(id, new SecretKeySpec(key, "AES"));
            }
            return keys;
        }

        boolean openedMatches(Map<String, SecretKey> keys, String phrase) {
            return sealed.stream().anyMatch(s -> keys.containsKey(s[0]) && open(keys.get(s[0]), s[0], s[1]).contains(phrase));
        }
    }

    private static Log readEveryTopic() throws Exception {
        Log log = new Log();
        Properties props = KafkaBroker.superUserClient(stack.broker().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : LoopTopics.all()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read(log, record);
                }
            }
        }
        log.plain = log.plainText.toString().toLowerCase(Locale.ROOT);
        return log;
    }

    private static void read(Log log, ConsumerRecord<String, String> record) throws Exception {
        log.records++;
        log.plainText.append(record.key()).append('\n').append(record.value()).append('\n');
        for (Header header : record.headers()) {
            log.plainText.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(LoopTopics.CUSTOMER_KEYS)) {
            log.latestKeyRecords.put(record.key(), LoopClient.JSON.readTree(record.value()));
            return;
        }
        Matcher sealed = SEALED.matcher(record.value());
        String customer = null;
        try {
            JsonNode json = LoopClient.JSON.readTree(record.value());
            customer = json.at("/customer/id").asText(json.path("customerId").asText(null));
        } catch (Exception notJson) {
            // a dead letter may be anything: searched as text above
        }
        while (sealed.find()) {
            log.sealed.add(new String[] {sealed.group(1), sealed.group(2)});
            if (customer != null) {
                log.keysByCustomer.computeIfAbsent(customer, c -> new HashSet<>()).add(sealed.group(1));
            }
        }
    }

    /** The sealed-field format of the README (AES-256-GCM, 12-byte nonce first, key id as associated data), read independently. */
    private static String open(SecretKey key, String keyId, String base64url) {
        return new String(decrypt(key, keyId, Base64.getUrlDecoder().decode(base64url)), StandardCharsets.UTF_8);
    }

    private static byte[] decrypt(SecretKey key, String keyId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (Exception e) {
            throw new IllegalStateException("does not open", e);
        }
    }

    private static HttpResponse<String> call(String method, String service, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + stack.adminAccessToken());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
