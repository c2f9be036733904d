package org.clinicalrag.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.KStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.util.ClasspathResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyzers for clinical text. Both map symbols the tokenizer would drop ("K+", "Na+", "≥") to words first;
 * the query side then expands abbreviations and brand names to their synonyms (clinical-synonyms.txt), so that
 * "K+" finds "potassium" and "Eliquis" finds "apixaban" without inflating the index. KStem rather than Porter:
 * it conflates plurals and tenses without merging unrelated drug names.
 */
public final class ClinicalAnalyzers {

    private ClinicalAnalyzers() {
    }

    /** For passages as they are indexed. Shared: an analyzer keeps its token streams per thread. */
    public static Analyzer index() {
        return Shared.INDEX;
    }

    /** The terms an analyzer makes of a text in the body field, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(PassageFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** For questions: the index analyzer plus synonym expansion. Shared, and built once (the synonym map). */
    public static Analyzer query() {
        return Shared.QUERY;
    }

    private static final class Shared {
        static final Analyzer INDEX = build(false);
        static final Analyzer QUERY = build(true);
    }

    private static Analyzer build(boolean synonyms) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder(new ClasspathResourceLoader(ClinicalAnalyzers.class))
                    .addCharFilter(MappingCharFilterFactory.class, "mapping", "clinical-symbols.txt")
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class);
            if (synonyms) {
                builder.addTokenFilter(SynonymGraphFilterFactory.class, "synonyms", "clinical-synonyms.txt",
                        "ignoreCase", "true", "expand", "true");
            }
            return builder.addTokenFilter(StopFilterFactory.class)
                    .addTokenFilter(KStemFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("clinical analyzer resources are missing from the classpath", e);
        }
    }
}
