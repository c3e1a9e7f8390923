package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.jboss.logging.Logger;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in a
 * child JVM. Its data directory survives {@link #kill()} and {@link #start()}, so a test can
 * crash the broker mid-stream and bring the same cluster back.
 *
 * <p>Nobody gets in anonymously: clients sign in with SASL/SCRAM-SHA-512, and the standard
 * authorizer lets each service do only what {@link KafkaAccess} grants it. The stack's own tooling
 * (topic creation, {@link TopicProbe}, benchmarks) signs in as {@value #SUPER_USER}, a super user
 * whose credential is written into the metadata log when the directory is formatted. The services'
 * passwords are made up at every start.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    /** The stack's own administrator on the broker: the broker itself between listeners, and test tooling. */
    public static final String SUPER_USER = "loop-stack";

    /** Brokers of this JVM by bootstrap address, so tooling given only the address can sign in as the super user. */
    private static final Map<String, KafkaBroker> RUNNING = new ConcurrentHashMap<>();

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> servicePasswords = new HashMap<>();
    private String superUserPassword;
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
            superUserPassword = superUserPassword();
            Path config = writeServerProperties();
            Path logFile = directory.resolve("broker.log");
            List<String> classpath = ChildJvm.kafkaBrokerClasspath();
            // --ignore-formatted: a restart keeps the cluster id and every record already written;
            // the super user's credential must exist before the broker starts (it signs in to itself with it)
            ChildJvm.run(classpath, "kafka.tools.StorageTool",
                    List.of("format", "--ignore-formatted", "-t", clusterId(), "-c", config.toString(),
                            "--add-scram", KafkaAccess.MECHANISM + "=[name=" + SUPER_USER + ",password=" + superUserPassword + "]"),
                    logFile);
            long started = System.nanoTime();
            process = ChildJvm.start(classpath,
                    List.of("-Xms256m", "-Xmx768m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    "kafka.Kafka", List.of(config.toString()), Map.of(), logFile);
            try {
                FreePorts.awaitListening(port, Duration.ofSeconds(60), process, "Kafka broker");
                awaitClusterReady();
                grantServices();
            } catch (RuntimeException e) {
                ChildJvm.stop(process, false); // never leave a half-started broker holding the port
                throw e;
            }
            RUNNING.put(bootstrapServers(), this);
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

    /** Client settings (Kafka names, no prefix) that sign in as this service's own principal. */
    public synchronized Map<String, String> serviceCredentials(String service) {
        KafkaAccess.of(service);
        return KafkaAccess.clientSettings(service, servicePasswords.computeIfAbsent(service, s -> RandomSecrets.password(32)));
    }

    /** Client settings that sign in as {@value #SUPER_USER}: test tooling, never a service. */
    public Map<String, String> superUserCredentials() {
        return KafkaAccess.clientSettings(SUPER_USER, superUserPassword);
    }

    /** Bootstrap address plus the super user's credentials, for a Java client of the stack's tooling. */
    public static Properties superUserClient(String bootstrapServers) {
        KafkaBroker broker = RUNNING.get(bootstrapServers);
        if (broker == null) {
            throw new IllegalArgumentException("no broker of this JVM listens on " + bootstrapServers);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(broker.superUserCredentials());
        return props;
    }

    /** The super user's client settings as a properties file, for Kafka's own command-line tools. */
    public Path superUserClientConfig() {
        Path file = directory.resolve("tools").resolve("super-user.properties");
        Properties props = new Properties();
        props.putAll(superUserCredentials());
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "signs in as " + SUPER_USER);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(LoopTopics.configs(t))).collect(Collectors.toList());
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
        props.putAll(superUserCredentials());
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

    /**
     * Gives every service its SCRAM credential (made up at the first start of this object and kept
     * across {@link #kill()}/{@link #start()}) and exactly the ACLs {@link KafkaAccess} names. Both are
     * idempotent: a restart or a kept directory just confirms them.
     */
    private void grantServices() {
        List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            String password;
            synchronized (this) {
                password = servicePasswords.computeIfAbsent(principal.service(), s -> RandomSecrets.password(32));
            }
            credentials.add(new UserScramCredentialUpsertion(principal.user(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
            String user = "User:" + principal.user();
            principal.writes().forEach(topic -> acls.add(allow(user, ResourceType.TOPIC, topic, AclOperation.WRITE)));
            principal.reads().forEach(topic -> acls.add(allow(user, ResourceType.TOPIC, topic, AclOperation.READ)));
            acls.add(allow(user, ResourceType.GROUP, principal.group(), AclOperation.READ));
        }
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the services' Kafka users and ACLs", e);
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * The super user's password: made up when the directory is formatted and kept next to the data
     * (owner-only), because the metadata log keeps the credential from that first format.
     */
    private String superUserPassword() throws IOException {
        if (superUserPassword != null) {
            return superUserPassword;
        }
        Path file = directory.resolve("super-user.password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            throw new IllegalStateException(directory + " holds a broker formatted before SASL/SCRAM was required;"
                    + " delete it (its records are lost) and start again");
        }
        String password = RandomSecrets.password(32);
        Files.writeString(file, password);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a non-POSIX file system has no owner-only mode; the directory is the stack's own
        }
        return password;
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
        // clients and the broker itself use SCRAM on the client listener; the controller listener has no
        // SCRAM (its credentials live in the metadata it serves), so the broker signs in there with PLAIN
        String scramLogin = KafkaAccess.jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule",
                SUPER_USER, superUserPassword);
        String plainLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SUPER_USER
                + "\" password=\"" + superUserPassword + "\" user_" + SUPER_USER + "=\"" + superUserPassword + "\";";
        props.put("listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "CLIENTS://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "CLIENTS");
        props.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("listener.name.clients.sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
        props.put("listener.name.clients.scram-sha-512.sasl.jaas.config", scramLogin);
        props.put("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM);
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config", plainLogin);
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + SUPER_USER);
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
        // the key topic's compaction (a destroyed key leaves the log) runs within seconds of being due
        props.put("log.cleaner.backoff.ms", "1000");
        Path file = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "generated by KafkaBroker; rewritten at every start");
        }
        return file;
    }

    @Override
    public synchronized void close() {
        RUNNING.remove(bootstrapServers(), this);
        ChildJvm.stop(process, true);
    }
}
