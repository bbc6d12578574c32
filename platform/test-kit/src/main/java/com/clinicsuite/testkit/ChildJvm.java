package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts infrastructure (Kafka, GreenMail) in a child JVM whose classpath was resolved from Maven Central by the
 * local-infra-classpath module. The child runs under a tiny shell guard that kills it when our stdin pipe
 * closes, so a test JVM that dies abruptly never leaves a broker behind.
 */
final class ChildJvm {

    private final List<String> command;
    private final Path log;
    private Process process;

    ChildJvm(String classpathResource, List<String> jvmArgs, String mainClass, List<String> args, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath(classpathResource));
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = cmd;
        this.log = log;
    }

    /** A JVM started with exactly {@code command} ({@code java ...}), for {@link ServiceProcess}. */
    ChildJvm(List<String> command, Path log) {
        this.command = List.copyOf(command);
        this.log = log;
    }

    static String classpath(String resource) {
        try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing: build deploy/local/infra-classpath first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command to completion (for one-off tools such as Kafka's storage format). */
    int runToEnd(long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command.get(command.size() - 1));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        // exec the JVM in the background; when our pipe to `cat` closes (we exited or stop() was called),
        // the guard kills it and waits.
        String quoted =
                String.join(" ", command.stream().map(ChildJvm::shellQuote).toList());
        String guard = quoted + " & child=$!; cat >/dev/null; kill $child 2>/dev/null; wait $child";
        try {
            process = new ProcessBuilder("bash", "-c", guard)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException ignored) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
