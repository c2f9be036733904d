package org.clinicalrag.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.apache.commons.io.file.PathUtils;
import org.clinicalrag.index.ClinicalAnalyzers;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.retrieve.Bm25Retriever;
import org.clinicalrag.retrieve.DenseRetriever;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.SearchFilter;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The server's entry point. While Quarkus boots on the main thread, a second thread opens and searches an empty
 * scratch index, so that Lucene's codecs, directory and vector code and the clinical analyzers (with their synonym
 * map) are loaded before the guideline loader needs them: most of opening the real index after boot is that one-off
 * loading, and on a 2-core machine the boot leaves the other core idle. Readiness still waits for the real index.
 */
@QuarkusMain
public final class ServerMain {

    private static final Logger LOG = Logger.getLogger(ServerMain.class);
    private static volatile CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);

    private ServerMain() {
    }

    public static void main(String... args) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        warmUp = started;
        Thread.ofPlatform().name("index-warm-up").daemon().start(() -> {
            try {
                openScratchIndex();
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.debugf("Index warm-up skipped: %s", e.getClass().getName()); // the loader does the same work itself
            } finally {
                started.complete(null);
            }
        });
        Quarkus.run(args);
    }

    /** The loader waits for the warm-up (done, or never started as in tests) so that one thread at a time initialises Lucene. */
    static void awaitWarmUp() {
        warmUp.join();
    }

    private static void openScratchIndex() throws IOException {
        Path scratch = Files.createTempDirectory("clinical-rag-warm-up");
        try (GuidelineIndex index = new GuidelineIndex(scratch)) {
            Question question = new Question("warm-up", text -> new float[PassageEmbedder.DIMENSIONS]);
            new Bm25Retriever(index, ClinicalAnalyzers.query(), 1f, 2f).retrieve(question, SearchFilter.CLINICIAN_CURRENT, 1);
            new DenseRetriever(index).retrieve(question, SearchFilter.CLINICIAN_CURRENT, 1);
        } finally {
            PathUtils.deleteDirectory(scratch);
        }
    }
}
