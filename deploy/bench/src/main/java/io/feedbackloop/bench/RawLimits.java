package io.feedbackloop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedbackloop.stack.KafkaBroker;
import io.feedbackloop.stack.PostgresServer;

/**
 * What this machine can do without our code in the way: Kafka's own producer benchmark and
 * PostgreSQL's own (pgbench), against the same broker and server the loop uses, with the same
 * durability settings (acks=all and idempotence; synchronous commit).
 */
final class RawLimits {

    record KafkaProducerLimit(double recordsPerSecond, double megabytesPerSecond, String toolOutput) {
    }

    record PostgresCommitLimit(double commitsPerSecond, String how) {
    }

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)[^\\n]*");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([\\d.]+)");

    /** Kafka's ProducerPerformance: {@code records} records of {@code recordSize} bytes, as fast as it can. */
    static KafkaProducerLimit kafkaProducer(KafkaBroker broker, String topic, int records, int recordSize) {
        String output = broker.runTool("org.apache.kafka.tools.ProducerPerformance", List.of(
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer.config", broker.superUserClientConfig().toString(),
                "--producer-props", "bootstrap.servers=" + broker.bootstrapServers(),
                "acks=all", "enable.idempotence=true", "linger.ms=5"));
        Matcher summary = PRODUCER_SUMMARY.matcher(output);
        String last = null;
        double perSecond = Double.NaN;
        double megabytes = Double.NaN;
        while (summary.find()) { // the last match is the final summary; earlier ones are progress lines
            last = summary.group();
            perSecond = Double.parseDouble(summary.group(2));
            megabytes = Double.parseDouble(summary.group(3));
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return new KafkaProducerLimit(perSecond, megabytes, last.trim());
    }

    /**
     * Commits per second of one-row INSERT transactions from {@code clients} connections: pgbench
     * when the machine has it, else the same workload from JDBC.
     */
    static PostgresCommitLimit postgresCommits(PostgresServer postgres, int clients, Duration duration, int rowBytes,
                                               Path workDirectory) throws IOException, InterruptedException, SQLException {
        String url = postgres.ensureDatabase("bench_raw");
        try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS commit_probe");
            statement.execute("CREATE TABLE commit_probe (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        Path pgbench = findPgbench();
        if (pgbench != null) {
            Path script = workDirectory.resolve("commit_probe.sql");
            Files.createDirectories(workDirectory);
            Files.writeString(script, "INSERT INTO commit_probe (payload) VALUES (repeat('x', " + rowBytes + "));\n");
            ProcessBuilder builder = new ProcessBuilder(pgbench.toString(), "-n", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(duration.toSeconds()), "-f", script.toString(), "-h", postgres.host(),
                    "-p", String.valueOf(postgres.port()), "-U", postgres.user(), "bench_raw").redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", postgres.password());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS);
            Matcher tps = PGBENCH_TPS.matcher(output);
            if (tps.find()) {
                return new PostgresCommitLimit(Double.parseDouble(tps.group(1)),
                        "pgbench (" + pgbench + "), " + clients + " clients, one-row INSERT per transaction");
            }
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return new PostgresCommitLimit(jdbcCommits(url, postgres, clients, duration, rowBytes),
                "JDBC (no pgbench on this machine), " + clients + " connections, one-row INSERT per transaction");
    }

    private static Path findPgbench() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static double jdbcCommits(String url, PostgresServer postgres, int clients, Duration duration, int rowBytes)
            throws InterruptedException {
        LongAdder commits = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        String payload = "x".repeat(rowBytes);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe (payload) VALUES (?)")) {
                    insert.setString(1, payload);
                    while (System.nanoTime() < end) {
                        insert.executeUpdate(); // autocommit: one transaction each
                        commits.increment();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return commits.sum() / (double) duration.toSeconds();
    }

    private RawLimits() {
    }
}
