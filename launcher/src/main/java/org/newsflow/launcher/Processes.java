package org.newsflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starting, finding and stopping the processes of a local run; their pids live in .newsflow/run. */
final class Processes {

    /** Runs a command to completion with its output in {@code log}; returns its exit code. */
    static int runToLog(List<String> command, Path directory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return process.waitFor();
        } catch (IOException e) {
            throw Console.fail("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Console.fail("interrupted");
        }
    }

    /**
     * Starts a long-running process with its output appended to {@code log} and records its pid under
     * {@code name}. Detached processes get their own session, so they outlive the terminal's Ctrl-C.
     */
    static ProcessHandle start(Settings settings, String name, List<String> command, Map<String, String> env,
            Path log) {
        List<String> full = new ArrayList<>();
        if (settings.detach() && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(full).directory(settings.home().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Path pidFile = pidFile(settings, name);
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(process.pid()));
            return process.toHandle();
        } catch (IOException e) {
            throw Console.fail("cannot start " + name + ": " + e.getMessage());
        }
    }

    static Optional<ProcessHandle> running(Settings settings, String name) {
        Path pidFile = pidFile(settings, name);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> ours(settings, process));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a live pid from a pid file is still the process this checkout started: after a reboot or a crash the
     * number may belong to something else, which {@code down} must not kill. Ours run from this checkout's paths.
     */
    static boolean ours(Settings settings, ProcessHandle process) {
        return process.info().commandLine().map(command -> command.contains(settings.home().toString())).orElse(false);
    }

    /** Asks the process to stop (SIGTERM: Quarkus and Kafka shut down cleanly), then forces it after a grace period. */
    static void stop(Settings settings, String name, int graceSeconds) {
        running(settings, name).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile(settings, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean portInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path pidFile(Settings settings, String name) {
        return settings.state().resolve("run").resolve(name + ".pid");
    }

    private Processes() {
    }
}
