package org.clinicalrag.eval;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server launched exactly as a user launches it ({@code ./run}, so with the same JVM options and start-up
 * cache), on a data dir and guidelines folder of the caller's choosing; closing it stops the process. Used by the
 * tools that measure or query a real server: {@code bench-start} and {@code reports}.
 */
final class LocalServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedAt;

    private LocalServer(Process process, int port, Path log, long launchedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /** {@code javaOptions}: further {@code -D} settings, appended to the caller's {@code JAVA_OPTS}. */
    static LocalServer launch(Path dataDir, Path guidelinesDir, int port, Path log, String javaOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("./run").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", (System.getenv().getOrDefault("JAVA_OPTS", "")
                + " -Drag.data-dir=" + dataDir.toAbsolutePath() + " -Drag.guidelines-dir=" + guidelinesDir.toAbsolutePath()
                + " -Dquarkus.http.port=" + port + " " + javaOptions).strip());
        long launchedAt = System.nanoTime();
        return new LocalServer(builder.start(), port, log, launchedAt);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Polls {@code /q/health/ready} every 20 ms; returns the seconds since launch when it answers 200. */
    double awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = launchedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launchedAt) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // the port opens when Quarkus has started; readiness follows the guideline ingest
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
