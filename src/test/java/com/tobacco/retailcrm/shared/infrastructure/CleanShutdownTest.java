package com.tobacco.retailcrm.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.RetailCrmApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.util.FileSystemUtils;

/**
 * SIGTERM stops the web server first, then the workflow engine and the scheduler, and the embedded PostgreSQL last
 * (issue 17, point 9): the application runs as its own process, as in production, and is sent SIGTERM.
 */
@EnabledIf("com.tobacco.retailcrm.support.StandaloneApp#onEmbeddedDatabase")
class CleanShutdownTest {

    @Test
    void sigtermStopsTheWebServerThenTheEngineAndTheDatabaseLastWithinSeconds() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-shutdown-");
        Path log = dataDir.resolve("app.log");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process app = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RetailCrmApplication.class.getName(),
                "--server.port=" + port, "--crm.data-dir=" + dataDir, "--crm.bootstrap-password=Shutdown#Boot2026",
                "--spring.datasource.url="))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForHealth(app, port, log);
            waitUntilSettled(log); // the work run just after start-up (bootstrap, calendar) is done
            long before = Files.size(log);
            long stopping = System.nanoTime();
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);
            byte[] output = Files.readAllBytes(log);
            String shutdown = new String(output, (int) before, output.length - (int) before, StandardCharsets.UTF_8);
            assertThat(shutdown).as("a clean shutdown logs no error").doesNotContain(" ERROR ", " WARN ", "Exception");
            int webStopped = shutdown.indexOf("Graceful shutdown complete");
            int databaseStopped = shutdown.indexOf("shut down postmaster");
            assertThat(webStopped).as("the web server stopped").isPositive();
            assertThat(databaseStopped).as("the database stopped, after the web server").isGreaterThan(webStopped);
            assertThat(took).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(15));
            assertThat(dataDir.resolve("pg/postmaster.pid")).as("PostgreSQL is not left running").doesNotExist();
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void waitUntilSettled(Path log) throws Exception {
        long size = -1;
        for (int i = 0; i < 60 && Files.size(log) != size; i++) {
            size = Files.size(log);
            Thread.sleep(5000);
        }
    }

    private static void waitForHealth(Process app, int port, Path log) throws Exception {
        var client = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        for (int i = 0; i < 600; i++) { // seconds: a loaded machine starts it slowly
            assertThat(app.isAlive()).as("the application runs: %s", Files.readString(log)).isTrue();
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the application did not start: " + Files.readString(log));
    }
}
