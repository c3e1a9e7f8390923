package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in a
 * child JVM. Its data directory survives {@link #kill()} and {@link #start()}, so a test can
 * crash the broker mid-stream and bring the same cluster back.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats the directory on first use and starts the broker. Port 0 picks free ports; a fixed
     * port puts the controller on the next one.
     */
    public static KafkaBroker start(Path directory, int port) {
        KafkaBroker broker = port == 0
                ? new KafkaBroker(directory, FreePorts.find(), FreePorts.find())
                : new KafkaBroker(directory, port, port + 1);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = writeServerProperties();
            Path logFile = directory.resolve("broker.log");
            List<String> classpath = ChildJvm.kafkaBrokerClasspath();
            // --ignore-formatted: a restart keeps the cluster id and every record already written
            ChildJvm.run(classpath, "kafka.tools.StorageTool",
                    List.of("format", "--ignore-formatted", "-t", clusterId(), "-c", config.toString()), logFile);
            long started = System.nanoTime();
            process = ChildJvm.start(classpath,
                    List.of("-Xms256m", "-Xmx768m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    "kafka.Kafka", List.of(config.toString()), Map.of(), logFile);
            try {
                FreePorts.awaitListening(port, Duration.ofSeconds(60), process, "Kafka broker");
                awaitClusterReady();
            } catch (RuntimeException e) {
                ChildJvm.stop(process, false); // never leave a half-started broker holding the port
                throw e;
            }
            LOG.infof("Kafka broker listening on %s (%d ms)", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Crashes the broker (SIGKILL), as a power cut would. */
    public synchronized void kill() {
        ChildJvm.stop(process, false);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker's operating-system process id, for measuring what it uses. */
    public synchronized long pid() {
        return process.pid();
    }

    /**
     * Runs one of Kafka's own command-line tools (e.g. {@code org.apache.kafka.tools.ProducerPerformance})
     * from the broker's jars in a JVM of its own, and returns what it printed.
     */
    public String runTool(String mainClass, List<String> args) {
        Path log = directory.resolve("tools").resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            ChildJvm.run(ChildJvm.kafkaBrokerClasspath(), mainClass, args, log);
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(mainClass + " failed; see " + log, e);
        }
    }

    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + topics, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    private void awaitClusterReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not become ready", e);
        }
    }

    private String clusterId() throws IOException {
        Path idFile = directory.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        // a Kafka cluster id is a base64url-encoded UUID of 22 characters; like Kafka's own Uuid, never
        // one starting with '-', which the storage tool would read as an option (1 start in 64 failed)
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        Files.writeString(idFile, id);
        return id;
    }

    private Path writeServerProperties() throws IOException {
        Properties props = new Properties();
        props.put("node.id", "1");
        props.put("process.roles", "broker,controller");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("log.dirs", directory.resolve("data").toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        Path file = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "generated by KafkaBroker; rewritten at every start");
        }
        return file;
    }

    @Override
    public synchronized void close() {
        ChildJvm.stop(process, true);
    }
}
