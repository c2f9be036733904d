package org.clinicalrag.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.clinicalrag.index.ClinicalAnalyzers;
import org.clinicalrag.ingest.TikaDocumentParser;
import org.clinicalrag.ingest.UnreadableDocumentException;
import org.clinicalrag.ingest.UnsupportedFormatException;

/**
 * The body-field terms of a folder of guidelines, parsed and analysed as ingest would, without building an index:
 * what the server's unknown-word mask would know if it had indexed them. Offline scoring only.
 */
final class GuidelineVocabulary {

    private final Analyzer analyzer = ClinicalAnalyzers.index();
    private final Set<String> terms = new HashSet<>();

    static GuidelineVocabulary of(Path folder) throws IOException {
        GuidelineVocabulary vocabulary = new GuidelineVocabulary();
        TikaDocumentParser parser = new TikaDocumentParser();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            try {
                vocabulary.terms.addAll(vocabulary.analyse(parser.parse(Files.readAllBytes(file), file.getFileName().toString()).text()));
            } catch (UnsupportedFormatException | UnreadableDocumentException e) {
                System.err.println("Skipped " + file.getFileName() + ": " + e.getMessage());
            }
        }
        return vocabulary;
    }

    /** Whether every term the index analyser makes of the word occurs in the guidelines, as the server checks it. */
    boolean contains(String word) {
        List<String> wordTerms = analyse(word);
        return terms.containsAll(wordTerms);
    }

    private List<String> analyse(String text) {
        return ClinicalAnalyzers.terms(analyzer, text);
    }
}
