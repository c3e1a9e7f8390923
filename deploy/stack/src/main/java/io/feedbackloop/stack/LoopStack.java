package io.feedbackloop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

/**
 * The whole loop on one machine: a Kafka broker, a PostgreSQL server with one database per
 * service, an SMTP server, and the four services as separate processes. The end-to-end tests
 * start it on free ports; {@link #main} starts it on fixed ports for a person to try.
 */
public final class LoopStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LoopStack.class);

    /** Service module, its database, and the ports of its API and of its health and metrics in the local run. */
    public record Service(String module, String database, int localPort, int localManagementPort) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("feedback-ingest", "ingest", 8081, 9181),
            new Service("feedback-categorize", "categorize", 8082, 9182),
            new Service("feedback-action", "action", 8083, 9183),
            new Service("closeloop-notifier", "notifier", 8084, 9184));

    /** The built-in issuer's first administrator in every stack; the password is made up per run. */
    public static final String ADMIN_EMAIL = "admin@feedback-loop.local";

    private final KafkaBroker broker;
    private final PostgresServer postgres;
    private final MailServer mail;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private String adminPassword;
    private String adminAccessToken;
    private long adminAccessTokenFetched;
    private String webChannelKey;
    /** Generated per run: signs the unsubscribe links in the notifier's messages. */
    private final String linkSigningSecret = "sig_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private final String pseudonymSecret = RandomSecrets.password(32);
    private final String masterKey = randomKey();

    private LoopStack(KafkaBroker broker, PostgresServer postgres, MailServer mail) {
        this.broker = broker;
        this.postgres = postgres;
        this.mail = mail;
    }

    /**
     * Starts the infrastructure and the services.
     *
     * @param localPorts fixed, documented ports (local run) instead of free ones (tests)
     * @param keepData   keep the data of earlier runs (local run) instead of starting empty
     */
    public static LoopStack start(Path repositoryRoot, Path workDirectory, boolean localPorts, boolean keepData) {
        return start(repositoryRoot, workDirectory, localPorts, keepData, Map.of());
    }

    /** As above, with extra configuration (environment variables) given to every service. */
    public static LoopStack start(Path repositoryRoot, Path workDirectory, boolean localPorts, boolean keepData,
                                  Map<String, String> serviceEnvironment) {
        return start(repositoryRoot, workDirectory, localPorts, keepData, serviceEnvironment, false);
    }

    /**
     * As above; with {@code console}, the web console too (port 8080 in the local run), calling the
     * four services as a person's browser would through it.
     */
    public static LoopStack start(Path repositoryRoot, Path workDirectory, boolean localPorts, boolean keepData,
                                  Map<String, String> serviceEnvironment, boolean console) {
        long started = System.nanoTime();
        List<AutoCloseable> startedParts = new java.util.ArrayList<>();
        try {
            KafkaBroker broker = KafkaBroker.start(workDirectory.resolve("kafka"), localPorts ? 9092 : 0);
            startedParts.add(broker);
            broker.createTopics(LoopTopics.all(), LoopTopics.PARTITIONS);
            PostgresServer postgres = PostgresServer.start(workDirectory.resolve("postgres"), localPorts ? 15432 : 0,
                    keepData);
            startedParts.add(postgres);
            MailServer mail = MailServer.start(localPorts ? 2525 : 0);
            startedParts.add(mail);
            LoopStack stack = new LoopStack(broker, postgres, mail);
            startedParts.clear();
            startedParts.add(stack);
            stack.startServices(repositoryRoot, workDirectory, localPorts, keepData, serviceEnvironment);
            if (console) {
                stack.startConsole(repositoryRoot, workDirectory, localPorts);
            }
            LOG.infof("Loop stack ready in %d ms", (System.nanoTime() - started) / 1_000_000);
            return stack;
        } catch (RuntimeException e) {
            // a failed start must not leave a broker, a database or services holding their ports
            for (AutoCloseable part : startedParts) {
                try {
                    part.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private void startServices(Path repositoryRoot, Path workDirectory, boolean localPorts, boolean keepData,
                               Map<String, String> serviceEnvironment) {
        adminPassword = adminPassword(workDirectory, keepData);
        Map<String, int[]> ports = new LinkedHashMap<>();
        for (Service service : SERVICES) {
            ports.put(service.module(), localPorts ? new int[] {service.localPort(), service.localManagementPort()}
                    : new int[] {FreePorts.find(), FreePorts.find()});
        }
        // feedback-action is the issuer of everybody's tokens; the others verify them with its published keys
        String issuer = "http://127.0.0.1:" + ports.get("feedback-action")[0] + "/auth";
        for (Service service : SERVICES) {
            String jdbcUrl = keepData ? postgres.ensureDatabase(service.database())
                    : postgres.recreateDatabase(service.database());
            Map<String, String> env = new LinkedHashMap<>();
            int port = ports.get(service.module())[0];
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            broker.serviceCredentials(service.module()).forEach((name, value) -> env.put(environmentName("kafka." + name), value));
            env.put("AUTH_ISSUER", issuer);
            env.put("AUTH_JWKS_URL", issuer + "/jwks");
            env.put("PRIVACY_PSEUDONYM_SECRET", pseudonymSecret);
            env.put("PRIVACY_MASTER_KEY", masterKey);
            // a deployment hides the API's map unless asked; the local run and the loop tests show it
            env.put("OPENAPI_ENABLED", "true");
            if (service.module().equals("feedback-action")) {
                env.put("AUTH_ADMIN_EMAIL", ADMIN_EMAIL);
                env.put("AUTH_ADMIN_PASSWORD", adminPassword);
                // the console signs people in from this machine: their own address counts for the throttle
                env.put("AUTH_SIGN_IN_TRUSTED_PROXIES", "127.0.0.1,::1");
            }
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.port()));
            // the local SMTP server (GreenMail, on this machine) speaks no TLS; a deployment must (the notifier checks)
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            env.put("FOLLOWUP_SIGNING_SECRET", linkSigningSecret);
            env.put("FOLLOWUP_PUBLIC_URL", "http://localhost:" + port);
            if (!localPorts) {
                // tests and benchmarks run at any hour: an empty quiet-hours window, so that a Russian
                // customer's email does not wait for the Moscow morning; the notifier's own tests prove the window
                env.put("FOLLOWUP_QUIET_HOURS_START", "00:00");
                env.put("FOLLOWUP_QUIET_HOURS_END", "00:00");
            }
            env.putAll(serviceEnvironment);
            for (ServiceSettings.Setting setting : ServiceSettings.required(service.module())) {
                if (!env.containsKey(setting.name())) {
                    throw new IllegalStateException(service.module() + " needs " + setting.name() + ": " + setting.meaning());
                }
            }
            services.put(service.module(), ServiceProcess.create(service.module(),
                    repositoryRoot.resolve(service.module()), port, ports.get(service.module())[1], env,
                    workDirectory.resolve("logs")));
        }
        // start all four at once (they are independent), then wait for each
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(s -> s.awaitReady(Duration.ofSeconds(120)));
        webChannelKey = IngestAdmin.issueKey(service("feedback-ingest").baseUrl(), adminAccessToken(), "web");
    }

    /** The console: no database, no Kafka; only the services' URLs. */
    private void startConsole(Path repositoryRoot, Path workDirectory, boolean localPorts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INGEST_URL", service("feedback-ingest").baseUrl());
        env.put("CATEGORIZE_URL", service("feedback-categorize").baseUrl());
        env.put("ACTION_URL", service("feedback-action").baseUrl());
        env.put("NOTIFIER_URL", service("closeloop-notifier").baseUrl());
        // served over plain http on 127.0.0.1 here; a deployment keeps Secure cookies behind TLS
        env.put("CONSOLE_SESSION_SECURE_COOKIES", "false");
        ServiceProcess console = ServiceProcess.create("console", repositoryRoot.resolve("console"),
                localPorts ? 8080 : FreePorts.find(), localPorts ? 9180 : FreePorts.find(), env,
                workDirectory.resolve("logs"));
        services.put("console", console);
        console.start().awaitReady(Duration.ofSeconds(120));
    }

    /** {@code kafka.sasl.jaas.config} → {@code KAFKA_SASL_JAAS_CONFIG}, the name Quarkus reads from the environment. */
    static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The administrator's password: random for every stack that starts empty; the local run keeps its
     * data, and feedback-action seeds its administrator only once, so that one keeps the password of
     * its first run next to the data (owner-only).
     */
    private static String adminPassword(Path workDirectory, boolean keepData) {
        if (!keepData) {
            return RandomSecrets.password(20);
        }
        Path file = workDirectory.resolve("admin-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String password = RandomSecrets.password(20);
            Files.createDirectories(workDirectory);
            Files.writeString(file, password);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // nothing to tighten on a non-POSIX file system
            }
            return password;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An API key of the "web" channel, issued when the stack started. */
    public String webChannelKey() {
        return webChannelKey;
    }

    /** The administrator's password of this run (email {@link #ADMIN_EMAIL}). */
    public String adminPassword() {
        return adminPassword;
    }

    /**
     * An access token of the administrator. Signed in again when the last one is ten minutes old (they
     * live fifteen), not at every call: the token endpoint throttles repeated sign-ins of one person.
     */
    public synchronized String adminAccessToken() {
        if (adminAccessToken == null || System.nanoTime() - adminAccessTokenFetched > Duration.ofMinutes(10).toNanos()) {
            adminAccessToken = SignIn.accessToken(service("feedback-action").baseUrl(), ADMIN_EMAIL, adminPassword);
            adminAccessTokenFetched = System.nanoTime();
        }
        return adminAccessToken;
    }

    /** The key that wraps customers' data keys in this run: a test that plays the attacker holding it. */
    public String privacyMasterKey() {
        return masterKey;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MailServer mail() {
        return mail;
    }

    public ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException("no service " + module);
        }
        return service;
    }

    /** Finds the repository root by walking up to the folder that holds the service modules. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("feedback-ingest/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }

    @Override
    public void close() {
        // stop the services together (each drains its consumers and relay), then what they use
        services.values().forEach(ServiceProcess::requestStop);
        services.values().forEach(ServiceProcess::close);
        mail.close();
        broker.close();
        postgres.close();
    }

    /** The local run: everything on fixed ports, data kept in {@code .loop/} between runs. */
    public static void main(String[] args) throws Exception {
        Path root = repositoryRoot();
        Path work = root.resolve(".loop");
        LoopStack stack = start(root, work, true, true, Map.of(), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        String ingest = stack.service("feedback-ingest").baseUrl();
        String action = stack.service("feedback-action").baseUrl();
        StringBuilder banner = new StringBuilder("\n=== Feedback loop is running ===\n");
        ServiceProcess console = stack.service("console");
        banner.append(String.format("  %-20s %s   <- open this in a browser; sign in as the administrator below%n",
                "console", console.baseUrl()));
        for (ServiceProcess service : stack.services.values()) {
            if (service == console) {
                continue;
            }
            banner.append(String.format("  %-20s %s   (Swagger UI: %s/q/swagger-ui, health and metrics: %s/q/health, log: %s)%n",
                    service.name(), service.baseUrl(), service.baseUrl(), service.managementUrl(),
                    root.relativize(service.logFile())));
        }
        banner.append(String.format("  %-20s %s (SASL/SCRAM; each service signs in as itself)%n", "Kafka",
                stack.broker.bootstrapServers()));
        banner.append(String.format("  %-20s %s%n", "PostgreSQL", stack.postgres.jdbcUrl("<service>")));
        banner.append(String.format("  %-20s 127.0.0.1:%d (emails are printed below)%n", "SMTP", stack.mail.port()));
        banner.append("\nAdministrator of this run:  ").append(ADMIN_EMAIL).append("  password: ").append(stack.adminPassword)
                .append("\nSign in (access tokens last 15 minutes; the answer also holds a refresh token):\n")
                .append("  TOKEN=$(curl -s ").append(action).append("/auth/token -d grant_type=password \\\n")
                .append("       --data-urlencode username=").append(ADMIN_EMAIL)
                .append(" --data-urlencode 'password=").append(stack.adminPassword).append("' | jq -r .access_token)\n")
                .append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(action).append("/api/v1/cases\n")
                .append("The same token issues keys for other channels:\n  curl -s -X POST ").append(ingest)
                .append("/api/v1/admin/channels/chat/keys -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{}'\n")
                .append("\nWalk one feedback through the loop (the web channel's API key was issued at start):\n")
                .append("  curl -s -X POST ").append(ingest).append("/api/v1/feedback -H 'Content-Type: application/json' \\\n")
                .append("       -H 'X-Api-Key: ").append(stack.webChannelKey).append("' \\\n")
                .append("       -d '{\"customer\":{\"id\":\"c-42\",\"email\":\"anna@example.com\",\"name\":\"Anna\",\"locale\":\"en\"},")
                .append("\"channel\":\"web\",\"npsScore\":3,\"text\":\"Checkout kept failing\"}'\n")
                .append("  curl -s -H 'X-Api-Key: ").append(stack.webChannelKey).append("' ").append(ingest)
                .append("/api/v1/feedback/<id from the answer>   # watch the loop status\n")
                .append("\nCtrl-C stops everything.\n");
        LOG.info(banner);
        printArrivingMail(stack.mail, stopped);
    }

    private static void printArrivingMail(MailServer mail, CountDownLatch stopped) throws InterruptedException {
        int printed = 0;
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            List<MimeMessage> received = mail.received();
            for (; printed < received.size(); printed++) {
                MailMessage message = new MailMessage(received.get(printed));
                LOG.infof("%n--- email to %s: %s%n%s", message.recipients(), message.subject(), message.text());
            }
        }
    }

    /** 32 random bytes, base64: an AES-256 key. */
    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
