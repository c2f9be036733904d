package org.clinicalrag.eval.beir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.clinicalrag.Pipeline;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.eval.Percentiles;
import org.clinicalrag.eval.Progress;
import org.clinicalrag.eval.StandaloneConfig;
import org.clinicalrag.eval.metrics.Evaluation;
import org.clinicalrag.eval.report.BeirHtmlReport;
import org.clinicalrag.index.CachedPassageEmbedder;
import org.clinicalrag.index.EmbeddingCache;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.retrieve.HybridRetriever;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./run beir <dir>}: indexes a BEIR set with the server's code and scores bm25, dense and hybrid on it. */
@CommandLine.Command(name = "beir", mixinStandardHelpOptions = true,
        description = "Index a BEIR-layout set (corpus.jsonl, queries.jsonl, qrels/<split>.tsv) with the server's own "
                + "code and report nDCG@10, Recall@100 and MRR@10 per retriever beside published baselines.")
public class BeirCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", description = "The BEIR set's folder, e.g. ../shared/data/beir/scifact.")
    Path dir;

    @CommandLine.Option(names = "--split", defaultValue = "test", description = "qrels/<split>.tsv to score (default ${DEFAULT-VALUE}).")
    String split;

    @CommandLine.Option(names = "--work", description = "Where the built index lives (default target/beir/<set>).")
    Path work;

    @CommandLine.Option(names = "--depth", defaultValue = "100", description = "Documents retrieved per query (default ${DEFAULT-VALUE}).")
    int depth;

    @CommandLine.Option(names = "--fusion", split = ",", defaultValue = "server",
            description = "Hybrid variants: rrf[:k], minmax[:denseWeight], zscore[:denseWeight], or server (the server's "
                    + "configured rag.retrieval.fusion); without a value the configured k or weight (default ${DEFAULT-VALUE}).")
    List<String> fusions;

    @CommandLine.Option(names = "--max-queries", description = "Score only the first N judged queries (a quick look).")
    Integer maxQueries;

    @CommandLine.Option(names = "--embedding-cache", description = "Embedding cache file (default ~/.cache/clinical-rag/embeddings/<model>.f32).")
    Path cacheFile;

    @CommandLine.Option(names = "--report", description = "Also write eval/reports/<name>.json and a self-contained .html.")
    boolean report;

    @CommandLine.Option(names = "--reports", defaultValue = "eval/reports", description = "Where --report writes (default ${DEFAULT-VALUE}).")
    Path reports;

    @CommandLine.Option(names = "--name", description = "Report name (default beir-<set>[-<split>]).")
    String name;

    @CommandLine.Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Progress progress = new Progress(quiet);
        BeirDataset set = BeirDataset.read(dir, split);
        Map<String, String> queries = limit(set.queries());
        BenchmarkIndex workDir = new BenchmarkIndex(work != null ? work : Path.of("target", "beir", set.name()));
        RagConfig config = StandaloneConfig.load(workDir.workDir());
        String hash = set.corpusHash();
        BenchmarkIndex.Build build = workDir.reusable(hash);
        PassageEmbedder model = new PassageEmbedder();
        try (EmbeddingCache cache = new EmbeddingCache(cacheFile != null ? cacheFile : EmbeddingCache.defaultFile(PassageEmbedder.MODEL),
                PassageEmbedder.MODEL, PassageEmbedder.DIMENSIONS);
             Pipeline pipeline = new Pipeline(config, model, Clock.systemUTC())) {
            boolean reused = build != null;
            if (!reused) {
                progress.accept("indexing " + set.corpus().size() + " documents (" + cache.size() + " embeddings cached)");
                BeirIndexer.Stats stats = new BeirIndexer(new CachedPassageEmbedder(model, cache), progress)
                        .index(set.corpus(), pipeline.index());
                build = new BenchmarkIndex.Build(hash, PassageEmbedder.MODEL, stats);
                workDir.recordBuild(build);
            }
            List<BeirBenchmark.Candidate> candidates = candidates(pipeline, config.retrieval());
            progress.accept("running " + queries.size() + " queries");
            List<BeirBenchmark.Outcome> outcomes = new BeirBenchmark(model::embed, progress).run(queries, candidates, depth);
            progress.done();
            List<BeirReport.RetrieverResult> results = new ArrayList<>();
            for (BeirBenchmark.Outcome o : outcomes) {
                Evaluation.Summary s = Evaluation.score(o.run(), set.qrels().restrictTo(queries.keySet()));
                results.add(new BeirReport.RetrieverResult(o.name(), s.ndcg10(), s.recall100(), s.mrr10(),
                        Percentiles.of(o.latenciesMs(), 50), Percentiles.of(o.latenciesMs(), 99), o.latenciesMs(), s.perQuery()));
                writeRun(workDir.workDir().resolve("runs").resolve(o.name().replaceAll("[^A-Za-z0-9.=-]+", "_") + ".trec"), o);
            }
            String reportName = name != null ? name : "beir-" + set.name() + ("test".equals(split) ? "" : "-" + split);
            BeirIndexer.Stats stats = build.stats();
            BeirReport r = new BeirReport(reportName, set.name(), split, Instant.now().toString(), set.corpus().size(),
                    queries.size(), depth, settings(config.retrieval()),
                    new BeirReport.Indexing(reused, stats.documents(), stats.embedSeconds(), stats.writeSeconds(), stats.docsPerSecond()),
                    results, Baseline.forSet(set.name()));
            System.out.println(BeirTable.markdown(r));
            if (report) {
                writeReport(r);
            }
        }
        return 0;
    }

    private Map<String, String> limit(Map<String, String> queries) {
        if (maxQueries == null || maxQueries >= queries.size()) {
            return queries;
        }
        Map<String, String> out = new LinkedHashMap<>();
        queries.entrySet().stream().limit(maxQueries).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private List<BeirBenchmark.Candidate> candidates(Pipeline pipeline, RagConfig.Retrieval retrieval) {
        List<BeirBenchmark.Candidate> out = new ArrayList<>();
        out.add(new BeirBenchmark.Candidate("bm25", pipeline.bm25(), false));
        out.add(new BeirBenchmark.Candidate("dense", pipeline.dense(), true));
        for (String spec : fusions) {
            String[] parts = (spec.strip().equalsIgnoreCase("server") ? retrieval.fusion() : spec.strip())
                    .toLowerCase(Locale.ROOT).split(":", 2);
            HybridRetriever.Fusion fusion = HybridRetriever.Fusion.valueOf(parts[0].toUpperCase(Locale.ROOT));
            int k = fusion == HybridRetriever.Fusion.RRF && parts.length > 1 ? Integer.parseInt(parts[1]) : retrieval.rrfK();
            double w = fusion != HybridRetriever.Fusion.RRF && parts.length > 1 ? Double.parseDouble(parts[1]) : retrieval.denseWeight();
            String label = fusion == HybridRetriever.Fusion.RRF ? "hybrid rrf k=" + k : "hybrid " + parts[0] + " w=" + w;
            out.add(new BeirBenchmark.Candidate(label, pipeline.hybrid(fusion, k, w), true));
        }
        return out;
    }

    private static Map<String, String> settings(RagConfig.Retrieval r) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("embedding model", PassageEmbedder.MODEL + " (passage text: title + newline + text; query: no prefix)");
        s.put("bm25", "Lucene BM25Similarity k1=" + r.bm25K1() + " b=" + r.bm25B() + "; BM25F over body + title (weight " + r.titleWeight()
                + ") + section (weight " + r.sectionWeight() + ", empty here)");
        s.put("analyzer", "clinical: symbol mapping, StandardTokenizer, possessive, lowercase, ASCII folding, query-side clinical synonyms, English stop words, KStem");
        s.put("dense", "Lucene HNSW (KnnFloatVectorQuery), dot product on unit vectors");
        s.put("hybrid candidates per retriever", String.valueOf(Math.max(r.candidates(), 0)));
        return s;
    }

    private void writeRun(Path file, BeirBenchmark.Outcome o) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            o.run().forEach((q, docs) -> {
                for (int i = 0; i < docs.size(); i++) {
                    out.printf(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", q, docs.get(i).docId(), i + 1, docs.get(i).score(),
                            o.name().replace(' ', '_'));
                }
            });
        }
    }

    private void writeReport(BeirReport r) throws IOException {
        Files.createDirectories(reports);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(reports.resolve(r.name() + ".json").toFile(), r);
        Files.writeString(reports.resolve(r.name() + ".html"), BeirHtmlReport.render(r));
        System.out.println("Report written to " + reports.resolve(r.name() + ".json") + " and .html");
    }
}
