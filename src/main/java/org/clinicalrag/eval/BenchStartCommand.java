package org.clinicalrag.eval;

import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
        try (LocalServer server = LocalServer.launch(dataDir, guidelinesDir, port, dataDir.resolveSibling("start-" + run + ".log"), "")) {
            double seconds = server.awaitReady(Duration.ofMinutes(30));
            System.err.printf(Locale.ROOT, "start %d (%s): ready after %.2f s%n", run, run == 0 ? "fresh" : "existing index", seconds);
            return seconds;
        }
    }
}
