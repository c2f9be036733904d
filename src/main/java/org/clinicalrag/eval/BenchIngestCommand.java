package org.clinicalrag.eval;

import org.clinicalrag.Pipeline;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.index.GuidelineLibrary;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.ingest.ParsedDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.TikaDocumentParser;
import picocli.CommandLine;

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

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(pdf|docx|html?|md|txt)$"))
                    .filter(p -> !folder.relativize(p).toString().startsWith("_"))
                    .sorted(Comparator.naturalOrder()).limit(limit).toList();
        }
        Path work = Files.createTempDirectory("bench-ingest");
        RagConfig config = StandaloneConfig.load(work);
        PassageEmbedder embedder = new PassageEmbedder();
        embedder.embed("warm up the model before timing");

        TikaDocumentParser parser = new TikaDocumentParser();
        PassageChunker chunker = new PassageChunker(config);
        List<String> texts = new ArrayList<>();
        int pages = 0;
        long t = System.nanoTime();
        for (Path file : files) {
            ParsedDocument parsed = parser.parse(Files.readAllBytes(file), file.getFileName().toString());
            pages += parsed.pageCount() == null ? 0 : parsed.pageCount();
            String title = file.getFileName().toString();
            for (Passage p : chunker.chunk("bench", "1", title, parsed.blocks())) {
                texts.add(GuidelineLibrary.embeddingText(title, p));
            }
        }
        double parseSeconds = (System.nanoTime() - t) / 1e9;

        t = System.nanoTime();
        embedder.embedAll(texts);
        double embedSeconds = (System.nanoTime() - t) / 1e9;

        int passages;
        double ingestSeconds;
        try (Pipeline pipeline = new Pipeline(config, embedder, Clock.systemUTC())) {
            t = System.nanoTime();
            for (Path file : files) {
                pipeline.library().ingest(Files.readAllBytes(file), file.getFileName().toString(), null, null);
            }
            ingestSeconds = (System.nanoTime() - t) / 1e9;
            passages = pipeline.index().passageCount();
        }
        double embedRate = texts.size() / embedSeconds;
        double ingestRate = passages / ingestSeconds;
        System.out.printf(Locale.ROOT, "| corpus | files | PDF pages | passages | parse+chunk s | raw embedding passages/s | ingest passages/s | ingest PDF pages/s | ingest / embedding |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.0f %% |%n", folder, files.size(), pages,
                passages, parseSeconds, embedRate, ingestRate, pages / ingestSeconds, 100 * ingestRate / embedRate);
        return 0;
    }
}
