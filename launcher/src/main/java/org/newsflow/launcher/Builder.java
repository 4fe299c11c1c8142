package org.newsflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the services when their runnable is missing or older than their sources. The H2 variant is a separate
 * Quarkus build (the JDBC driver is chosen at build time) made with the {@code local} profile into
 * {@code target/local-app}; the PostgreSQL variant is the normal build in {@code target/quarkus-app}.
 */
final class Builder {

    private final Settings settings;

    Builder(Settings settings) {
        this.settings = settings;
    }

    void ensureBuilt() {
        List<Service> stale = new ArrayList<>();
        for (Service service : Service.values()) {
            if (isStale(service)) {
                stale.add(service);
            }
        }
        if (stale.isEmpty()) {
            Console.done("services are built (" + variant() + ")");
            return;
        }
        Console.step("building " + String.join(", ", stale.stream().map(s -> s.module).toList()) + " (" + variant()
                + "); the first build downloads dependencies and takes a few minutes");
        List<String> command = new ArrayList<>(List.of(settings.home().resolve("mvnw").toString(), "-B", "-q",
                "-DskipTests", "package", "-am", "-pl",
                String.join(",", stale.stream().map(s -> s.module).toList())));
        if (settings.db() == Settings.Database.H2) {
            command.add("-Dquarkus.profile=local");
            command.add("-Dquarkus.package.output-directory=local-app");
        }
        Path log = settings.logs().resolve("build.log");
        long start = System.nanoTime();
        int exit = Processes.runToLog(command, settings.home(), log);
        if (exit != 0) {
            throw Console.fail("the build failed (exit " + exit + "); see " + settings.home().relativize(log));
        }
        for (Service service : stale) {
            touch(service.runner(settings)); // an unchanged runner keeps its old timestamp; mark it as up to date
        }
        Console.done("built in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw Console.fail("the build did not produce " + file + " (" + e.getMessage() + ")");
        }
    }

    private String variant() {
        return settings.db() == Settings.Database.H2 ? "embedded H2" : "PostgreSQL";
    }

    private boolean isStale(Service service) {
        Path runner = service.runner(settings);
        if (!Files.exists(runner)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(runner);
            Path home = settings.home();
            return newerThan(built, home.resolve(service.module).resolve("src/main"))
                    || newerThan(built, home.resolve(service.module).resolve("pom.xml"))
                    || newerThan(built, home.resolve("contract/src/main"))
                    || newerThan(built, home.resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newerThan(FileTime built, Path sources) throws IOException {
        if (!Files.exists(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
