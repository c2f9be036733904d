package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * De-identification by rules and curated word lists, with no model to download: regular
 * expressions for structured identifiers, cue words for typed numbers and names, and dictionaries
 * of given names, surnames and places, held back by a clinical stop-list so that eponyms, drug
 * names, doses, lab values, scores and ages up to 89 pass through untouched.
 *
 * <p>Every rule proposes candidate spans; overlaps resolve to the longest span, and each surviving
 * span is replaced by its type's placeholder. Instances are immutable and thread-safe.
 */
public final class RuleBasedDeidentifier implements Deidentifier {

    private final Lexicon lexicon;
    private final List<PhiDetector> detectors;
    private final SpanResolver resolver = new SpanResolver();

    public RuleBasedDeidentifier() {
        this(Lexicon.loadDefault());
    }

    /**
     * The default rules, loaded once per process by the first caller: the server starts loading them while Quarkus
     * is still booting, and the pipeline picks up that same instance.
     */
    public static RuleBasedDeidentifier shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final RuleBasedDeidentifier INSTANCE = new RuleBasedDeidentifier();
    }

    RuleBasedDeidentifier(Lexicon lexicon) {
        this.lexicon = lexicon;
        NameDetector names = new NameDetector(lexicon);
        this.detectors = List.of(
                new StructuredIdentifierDetector(),
                new PastedTableDetector(),
                new CuedIdentifierDetector(),
                new DateDetector(),
                new AgeDetector(lexicon, names),
                new LocationDetector(lexicon, names),
                new MalaysianSingaporeanNameDetector(lexicon),
                new IntroducedNameDetector(lexicon),
                new InvertedNameDetector(lexicon),
                names);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public Deidentified deidentify(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return new Deidentified(text, List.of());
        }
        ScannedText scanned = new ScannedText(text, lexicon);
        List<Candidate> candidates = new ArrayList<>();
        for (PhiDetector detector : detectors) {
            detector.detect(scanned, candidates);
        }
        List<PhiSpan> spans = resolver.resolve(candidates);
        return new Deidentified(render(text, spans), spans);
    }

    /** The text with each of the disjoint, ordered spans replaced by its type's placeholder. */
    static String render(String text, List<PhiSpan> spans) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PhiSpan span : spans) {
            out.append(text, at, span.start()).append(span.type().placeholder());
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
