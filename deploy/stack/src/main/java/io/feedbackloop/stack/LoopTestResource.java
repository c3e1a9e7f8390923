package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s: a Kafka broker in a child JVM, an
 * embedded PostgreSQL server with the service's database, and (with {@code mail=true}) an SMTP
 * server. Started once per test JVM and shared by every test class of the module.
 *
 * <p>The service signs in to Kafka as its own principal ({@link KafkaAccess}), so its tests run
 * under the same ACLs as production. Which service it is comes from the {@code service} argument,
 * else from the {@code database} argument (ingest → feedback-ingest, ...), else from
 * {@code quarkus.application.name}.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
 *         initArgs = &#64;ResourceArg(name = "database", value = "ingest"))
 * </pre>
 */
public class LoopTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static PostgresServer postgres;
    private static MailServer mail;

    private String database = "service";
    private String service;
    private boolean withMail;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        service = initArgs.get("service");
        withMail = Boolean.parseBoolean(initArgs.getOrDefault("mail", "false"));
    }

    private String service() {
        if (service != null) {
            return service;
        }
        return LoopStack.SERVICES.stream().filter(s -> s.database().equals(database)).map(LoopStack.Service::module)
                .findFirst()
                .orElseGet(() -> ConfigProvider.getConfig().getValue("quarkus.application.name", String.class));
    }

    @Override
    public Map<String, String> start() {
        startInfrastructure(withMail);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        broker.serviceCredentials(service()).forEach((name, value) -> config.put("kafka." + name, value));
        config.put("quarkus.datasource.jdbc.url", postgres.ensureDatabase(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        if (withMail) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(mail.port()));
        }
        return config;
    }

    private static synchronized void startInfrastructure(boolean withMail) {
        try {
            if (broker == null) {
                broker = KafkaBroker.start(Files.createTempDirectory("loop-test-kafka"), 0);
                broker.createTopics(LoopTopics.all(), LoopTopics.PARTITIONS);
                postgres = PostgresServer.start(Files.createTempDirectory("loop-test-pg"), 0, false);
                Runtime.getRuntime().addShutdownHook(new Thread(LoopTestResource::stopInfrastructure));
            }
            if (withMail && mail == null) {
                mail = MailServer.start(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopInfrastructure() {
        if (mail != null) {
            mail.close();
        }
        broker.close();
        postgres.close();
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by the shutdown hook
    }

    public static KafkaBroker broker() {
        return broker;
    }

    public static MailServer mail() {
        return mail;
    }
}
