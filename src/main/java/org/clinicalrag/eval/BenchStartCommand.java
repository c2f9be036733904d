package org.clinicalrag.eval;

import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run bench-start}: seconds from launching the server exactly as a user does ({@code ./run}) until
 * {@code /q/health/ready} answers 200, first on an empty data dir (the guidelines folder is ingested) and then
 * several times on the index that run left. Other jobs on the machine move single starts by seconds, so the
 * existing-index starts are repeated and reported as minimum and median.
 */
@CommandLine.Command(name = "bench-start", mixinStandardHelpOptions = true,
        description = "Measure start-to-ready seconds on a fresh data dir and on an existing index.")
public class BenchStartCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--runs", defaultValue = "5", description = "Starts on the existing index.")
    int runs;

    @CommandLine.Option(names = "--port", defaultValue = "8197", description = "Port for the measured server.")
    int port;

    @CommandLine.Option(names = "--data-dir", defaultValue = "target/bench/start-data",
            description = "Data dir, emptied before the fresh start.")
    Path dataDir;

    @CommandLine.Option(names = "--guidelines-dir", defaultValue = "guidelines", description = "Folder ingested at start.")
    Path guidelinesDir;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(dataDir)) {
            PathUtils.deleteDirectory(dataDir);
        }
        Files.createDirectories(dataDir);
        double fresh = startToReady(0);
        List<Double> existing = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            existing.add(startToReady(i));
        }
        List<Double> sorted = existing.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "| start to ready | seconds |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| fresh data dir (%s ingested) | %.1f |%n", guidelinesDir, fresh);
        System.out.printf(Locale.ROOT, "| existing index, %d starts: min / median | %.1f / %.1f |%n", runs,
                sorted.getFirst(), sorted.get(sorted.size() / 2));
        return 0;
    }

    private double startToReady(int run) throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling("start-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder("./run").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", (System.getenv().getOrDefault("JAVA_OPTS", "")
                + " -Drag.data-dir=" + dataDir.toAbsolutePath() + " -Drag.guidelines-dir=" + guidelinesDir.toAbsolutePath()
                + " -Dquarkus.http.port=" + port).strip());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process server = builder.start();
        try {
            while (true) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        System.err.printf(Locale.ROOT, "start %d (%s): ready after %.2f s%n", run, run == 0 ? "fresh" : "existing index", seconds);
                        return seconds;
                    }
                } catch (IOException notListeningYet) {
                    // the port opens when Quarkus has started; readiness follows the guideline ingest
                }
                Thread.sleep(20);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
