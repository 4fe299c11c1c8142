package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run touches only what it started, keeps its keys to its owner and listens on this machine only. */
class LocalRunSafetyTest {

    @TempDir
    Path home;

    @Test
    void downDoesNotKillAProcessThatTookOverAStalePid() throws Exception {
        // Given a pid file left by a crash, whose number now belongs to a process this checkout did not start
        Settings settings = Settings.parse(home, List.of(), Map.of());
        Process stranger = new ProcessBuilder("sleep", "60").start();
        Path pidFile = settings.state().resolve("run").resolve("ingest-service.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(stranger.pid()));
        try {
            // When the run is stopped, then the stranger lives on and the stale pid file is gone
            assertThat(Processes.running(settings, "ingest-service")).isEmpty();
            Processes.stop(settings, "ingest-service", 5);
            assertThat(stranger.waitFor(1, TimeUnit.SECONDS)).as("the stranger was not stopped").isFalse();
            assertThat(pidFile).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void aProcessStartedFromThisCheckoutIsStopped() throws Exception {
        Settings settings = Settings.parse(home, List.of(), Map.of());
        Process ours = new ProcessBuilder("sh", "-c", "sleep 60", home.resolve("launcher/target/lib").toString()).start();
        Path pidFile = settings.state().resolve("run").resolve("ingest-service.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ours.pid()));
        try {
            assertThat(Processes.running(settings, "ingest-service")).isPresent();
            Processes.stop(settings, "ingest-service", 5);
            assertThat(ours.waitFor(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            ours.destroyForcibly();
        }
    }

    @Test
    void keyFilesAreReadableByTheirOwnerOnlyFromTheStart() throws Exception {
        Path key = home.resolve("admin-token");
        Files.writeString(key, "an older, world-readable token");

        Publishers.writePrivately(key, "a new token");

        assertThat(Files.readString(key)).isEqualTo("a new token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void theServicesListenOnThisMachineOnlyUnlessTold() {
        assertThat(Settings.parse(home, List.of(), Map.of()).httpHost()).isEqualTo("127.0.0.1");
        assertThat(Settings.parse(home, List.of(), Map.of("NEWSFLOW_HTTP_HOST", "0.0.0.0")).httpHost()).isEqualTo("0.0.0.0");
    }
}
