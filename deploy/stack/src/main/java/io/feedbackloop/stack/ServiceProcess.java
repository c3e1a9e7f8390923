package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * One of the four services, run from its built {@code target/quarkus-app} in a child JVM with
 * its configuration in environment variables, the way a container platform would run it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path runJar;
    private final int httpPort;
    private final int managementPort;
    private final Map<String, String> env;
    private final Path logFile;
    private List<String> jvmOptions = defaultJvmOptions();
    private Process process;

    private ServiceProcess(String name, Path runJar, int httpPort, int managementPort, Map<String, String> env,
                           Path logFile) {
        this.name = name;
        this.runJar = runJar;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.env = env;
        this.logFile = logFile;
    }

    /** Small heap and quick start-up by default; {@code LOOP_SERVICE_JVM_OPTS} replaces them. */
    private static List<String> defaultJvmOptions() {
        String configured = System.getenv("LOOP_SERVICE_JVM_OPTS");
        return configured == null || configured.isBlank()
                ? List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                : List.of(configured.trim().split("\\s+"));
    }

    /** Runs the service with these JVM options instead (e.g. a deliberately small heap). */
    public ServiceProcess withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /**
     * A service listening on {@code httpPort} for its API and on {@code managementPort} for health and
     * metrics; both ports are handed to it here ({@code QUARKUS_HTTP_PORT}, {@code MANAGEMENT_PORT}).
     */
    public static ServiceProcess create(String name, Path moduleDirectory, int httpPort, int managementPort,
                                        Map<String, String> env, Path logDirectory) {
        Path runJar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(runJar)) {
            throw new IllegalStateException(runJar + " is missing: build the services first (./mvnw -DskipTests package)");
        }
        Map<String, String> withPorts = new java.util.LinkedHashMap<>(env);
        withPorts.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        withPorts.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        return new ServiceProcess(name, runJar, httpPort, managementPort, withPorts, logDirectory.resolve(name + ".log"));
    }

    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            process = ChildJvm.start(List.of(runJar.toString()), jvmOptions, "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                    List.of(), env, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} on the management port answers 200: database migrated, Kafka reachable. */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile);
            }
            Sleep.millis(200);
        }
    }

    /** The service's operating-system process id, for measuring what it uses. */
    public synchronized long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Where health ({@code /q/health}) and metrics ({@code /q/metrics}) are served, apart from the API. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Crashes the service (SIGKILL): no shutdown hook, no flush, as a node failure would. */
    public synchronized void kill() {
        LOG.infof("killing %s", name);
        ChildJvm.stop(process, false);
    }

    /** Asks the service to shut down gracefully (SIGTERM) without waiting for it. */
    public synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public synchronized void close() {
        ChildJvm.stop(process, true);
    }
}
