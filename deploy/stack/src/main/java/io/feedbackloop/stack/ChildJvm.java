package io.feedbackloop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a Java program in its own JVM, tied to this one: {@link ExitWithParent} makes the
 * child exit when our end of its standard input closes, so nothing outlives a killed parent.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(List<String> classpath, List<String> jvmOptions, String mainClass, List<String> args,
                         Map<String, String> env, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        List<String> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(kafkaRuntimeLocation());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, fullClasspath));
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a program to completion (e.g. formatting Kafka's log directory) and fails on a non-zero exit. */
    static void run(List<String> classpath, String mainClass, List<String> args, Path logFile) throws IOException {
        Process process = start(classpath, List.of("-Xmx256m"), mainClass, args, Map.of(), logFile);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException(mainClass + " exited with " + exit + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + mainClass, e);
        }
    }

    /** The broker's classpath, resolved by the kafka-runtime module at build time. */
    static List<String> kafkaBrokerClasspath() {
        try (InputStream in = ExitWithParent.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build deploy/kafka-runtime first");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return List.of(text.split(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the broker classpath", e);
        }
    }

    private static String kafkaRuntimeLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void stop(Process process, boolean graceful) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (graceful) {
            process.destroy();
            try {
                if (process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
