package org.clinicalrag.eval;

import org.clinicalrag.Pipeline;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.index.GuidelineLibrary;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.ParsedDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.TikaDocumentParser;
import picocli.CommandLine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./run bench-ingest}: ingest throughput beside the embedding model's raw throughput on the same passages,
 * in one run. Embedding is the floor of ingest cost; the gap between the two is what parsing, chunking and
 * indexing add.
 */
@CommandLine.Command(name = "bench-ingest", mixinStandardHelpOptions = true,
        description = "Measure raw embedding throughput and full ingest throughput on a folder of documents.")
public class BenchIngestCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", defaultValue = "guidelines", description = "Folder of documents.")
    Path folder;

    @CommandLine.Option(names = "--limit", defaultValue = "100000", description = "Read at most this many files.")
    int limit;

    @CommandLine.Option(names = "--rounds", defaultValue = "5", description = "Ingest/embedding rounds; the median round and all rounds pooled are reported.")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(pdf|docx|html?|md|txt)$"))
                    .filter(p -> !folder.relativize(p).toString().startsWith("_"))
                    .sorted(Comparator.naturalOrder()).limit(limit).toList();
        }
        PassageEmbedder embedder = new PassageEmbedder();
        embedder.embed("warm up the model before timing");

        // parsing alone, timed; it also warms Tika and the tokenizer so that no ingest round is charged for that
        TikaDocumentParser parser = new TikaDocumentParser();
        PassageChunker chunker = new PassageChunker(StandaloneConfig.load(Files.createTempDirectory("bench-ingest")));
        int pages = 0;
        long t = System.nanoTime();
        for (Path file : files) {
            ParsedDocument parsed = parser.parse(Files.readAllBytes(file), file.getFileName().toString());
            pages += parsed.pageCount() == null ? 0 : parsed.pageCount();
            chunker.chunk("bench", "1", file.getFileName().toString(), parsed.blocks());
        }
        double parseSeconds = (System.nanoTime() - t) / 1e9;

        // Rounds alternate a full ingest into a fresh index with the raw embedding of exactly the texts it embedded,
        // so that other load on the machine hits both sides alike; the median round is reported.
        // Process CPU time is reported too: unlike wall time it barely moves when other jobs share the machine.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> results = new ArrayList<>(); // {ingest p/s, raw p/s, ingest s, passages, ingest cpu s, raw cpu s}
        for (int round = 0; round <= rounds; round++) { // round 0 warms up Lucene's indexing chain and is not counted
            RagConfig config = StandaloneConfig.load(Files.createTempDirectory("bench-ingest"));
            List<String> texts = new ArrayList<>();
            double ingestSeconds;
            double ingestCpu;
            try (Pipeline pipeline = new Pipeline(config, embedder, Clock.systemUTC())) {
                t = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                pipeline.library().ingestFiles(files, file -> null); // the path the server's start-up folder ingest takes
                ingestSeconds = (System.nanoTime() - t) / 1e9;
                ingestCpu = (os.getProcessCpuTime() - cpu) / 1e9;
                for (GuidelineDocument d : pipeline.index().documents().values()) {
                    for (Passage p : pipeline.index().passages(d.key())) {
                        texts.add(GuidelineLibrary.embeddingText(d.title(), p));
                    }
                }
            }
            // the floor: the same texts in one call, which keeps every core busy
            t = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            embedder.embedAll(texts);
            double embedSeconds = (System.nanoTime() - t) / 1e9;
            double embedCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            System.err.printf(Locale.ROOT, "round %d%s: ingest %.1f passages/s, raw embedding %.1f passages/s (%.0f %%); CPU s ingest %.1f, embedding %.1f (%.0f %%)%n",
                    round, round == 0 ? " (warm-up)" : "", texts.size() / ingestSeconds, texts.size() / embedSeconds,
                    100 * embedSeconds / ingestSeconds, ingestCpu, embedCpu, 100 * embedCpu / ingestCpu);
            if (round > 0) {
                results.add(new double[] {texts.size() / ingestSeconds, texts.size() / embedSeconds, ingestSeconds, texts.size(), ingestCpu, embedCpu});
            }
        }
        double[] median = results.stream().sorted(Comparator.comparingDouble(r -> r[0] / r[1])).toList().get(results.size() / 2);
        // the model's own speed moves by ±20 % between calls on this kind of machine: the rounds pooled (total raw
        // embedding seconds over total ingest seconds) average that out better than any single round
        double ingestTotal = results.stream().mapToDouble(r -> r[2]).sum();
        double rawTotal = results.stream().mapToDouble(r -> r[3] / r[1]).sum();
        System.out.printf(Locale.ROOT, "| corpus | files | PDF pages | passages | parse+chunk s | raw embedding passages/s | ingest passages/s | ingest PDF pages/s | ingest / embedding, wall (median of %d) | ingest / embedding, wall (%d rounds pooled) | embedding / ingest, CPU time |%n", rounds, rounds);
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f %% | %.0f %% | %.0f %% |%n", folder, files.size(), pages,
                median[3], parseSeconds, median[1], median[0], pages / median[2], 100 * median[0] / median[1],
                100 * rawTotal / ingestTotal, 100 * median[5] / median[4]);
        return 0;
    }
}
