package org.clinicalrag.api;

import java.lang.management.ManagementFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.clinicalrag.Pipeline;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.GuidelineLibrary;
import org.clinicalrag.ingest.DocumentMetadata;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ingests {@code rag.guidelines-dir} when the server starts, in the background so that liveness answers at once;
 * readiness waits for it. Unchanged files are recognised by hash and cost no parsing or embedding, which keeps a
 * restart on an existing index fast. One unreadable file is reported and skipped; it never stops the others.
 */
@Singleton
public class StartupIngest {

    private static final Logger LOG = Logger.getLogger(StartupIngest.class);
    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "html", "htm", "md", "markdown", "txt");

    private final Provider<Pipeline> pipelines;
    private final RagConfig config;
    private volatile boolean done;

    /** The pipeline is built on the loader thread too: opening Tika, the tokenizer and Lucene takes seconds. */
    public StartupIngest(Provider<Pipeline> pipelines, RagConfig config) {
        this.pipelines = pipelines;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("guideline-loader").daemon().start(this::loadFolder);
    }

    public boolean done() {
        return done;
    }

    private void loadFolder() {
        long start = System.nanoTime();
        Pipeline pipeline;
        try {
            pipeline = pipelines.get();
        } catch (RuntimeException e) {
            LOG.errorf("The index at %s could not be opened (%s); the server stays not ready", config.dataDir(), e.getClass().getSimpleName());
            return;
        }
        long opened = System.nanoTime();
        int added = 0;
        int unchanged = 0;
        int failed = 0;
        try {
            for (GuidelineLibrary.FileOutcome outcome : pipeline.library().ingestFiles(files(config.guidelinesDir()), StartupIngest::sidecar)) {
                if (outcome.failure() != null) {
                    // one unreadable file must not keep the others out; its reason names no content
                    failed++;
                    LOG.warnf("Skipped %s: %s", config.guidelinesDir().relativize(outcome.file()), outcome.failure().getMessage());
                } else if (outcome.result().unchanged()) {
                    unchanged++;
                } else {
                    added++;
                }
            }
            long ingested = System.nanoTime();
            if (pipeline.index().outdatedCount() > 0) {
                LOG.warnf("%d stored documents were parsed by an older version of the ingest and are not in %s: they "
                        + "still answer, but re-upload them to parse them again", pipeline.index().outdatedCount(),
                        config.guidelinesDir());
            }
            pipeline.deidentifier().deidentify(""); // its rules loaded beside the ingest; a failure keeps readiness DOWN
            done = true;
            LOG.infof("Guidelines folder %s: %d added, %d unchanged, %d skipped; %d documents, %d passages indexed; "
                    + "ready %.2f s after the JVM started, %.2f s after Quarkus (pipeline %.2f s, folder %.2f s, "
                    + "de-identification rules %.2f s)",
                    config.guidelinesDir(), added, unchanged, failed, pipeline.index().documents().size(),
                    pipeline.index().passageCount(), ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                    (System.nanoTime() - start) / 1e9, (opened - start) / 1e9,
                    (ingested - opened) / 1e9, (System.nanoTime() - ingested) / 1e9);
            warmUp(pipeline); // after readiness: it only spares the first caller the model and rule loading
        } catch (IOException | RuntimeException | LinkageError e) {
            // readiness stays DOWN: a server that could not load its guidelines must not take traffic
            LOG.errorf("Start-up ingest of %s failed (%s); the server stays not ready", config.guidelinesDir(), e.getClass().getName());
        }
    }

    /** The first question should not pay for loading the model, tokenizer and de-identification rules. */
    private static void warmUp(Pipeline pipeline) {
        pipeline.ask().ask(new org.clinicalrag.answer.AskService.AskCommand("warm-up question about a dose for Mr Test",
                java.util.List.of(), org.clinicalrag.retrieve.SearchFilter.CLINICIAN_CURRENT, 1));
    }

    /** Supported files below the folder, skipping names that start with "_" or "." (sources, drafts, tooling). */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> dir.relativize(p).toString().isEmpty() || Stream.of(dir.relativize(p).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.startsWith("_") || part.startsWith(".")))
                    .filter(p -> EXTENSIONS.contains(extension(p)))
                    .sorted().toList();
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static DocumentMetadata sidecar(Path file) {
        Path meta = file.resolveSibling(file.getFileName() + ".meta.json");
        try {
            return Files.exists(meta) ? GuidelineIndex.JSON.readValue(meta.toFile(), DocumentMetadata.class) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable sidecar " + meta.getFileName(), e);
        }
    }
}
