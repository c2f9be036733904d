package org.clinicalrag.eval.beir;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.file.PathUtils;
import org.clinicalrag.index.PassageEmbedder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The work directory of one benchmark set ({@code target/beir/<set>} by default): the server's index of the corpus
 * and a record of what it was built from. The index is reused only when corpus hash and embedding model match;
 * otherwise it is deleted and built again.
 */
public final class BenchmarkIndex {

    /** What the index in the work directory was built from, and what building it cost. */
    public record Build(String corpusHash, String model, BeirIndexer.Stats stats) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workDir;

    public BenchmarkIndex(Path workDir) {
        this.workDir = workDir;
    }

    public Path workDir() {
        return workDir;
    }

    /** The earlier build, when it matches this corpus; otherwise the stale index is removed and null returned. */
    public Build reusable(String corpusHash) {
        Path record = workDir.resolve("build.json");
        try {
            if (Files.exists(record)) {
                Build build = JSON.readValue(record.toFile(), Build.class);
                if (build.corpusHash().equals(corpusHash) && build.model().equals(PassageEmbedder.MODEL)) {
                    return build;
                }
            }
            Files.deleteIfExists(record);
            if (Files.exists(workDir.resolve("index"))) {
                PathUtils.deleteDirectory(workDir.resolve("index"));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    /** Written only after the index committed, so a crash mid-build never leaves a "reusable" half index. */
    public void recordBuild(Build build) {
        try {
            Files.createDirectories(workDir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(workDir.resolve("build.json").toFile(), build);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
