package org.clinicalrag.answer;

import org.clinicalrag.safety.DrugNameShape;
import org.apache.lucene.analysis.Analyzer;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.retrieve.Evidence;

import java.text.BreakIterator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default answerer: no model, no network. It quotes the few sentences or table rows of the best
 * passages that cover the question, verbatim, each followed by its citation. It abstains when the evidence does
 * not cover the question's rarer terms or is not semantically close to it, or when a quantity is asked for and
 * no quoted text holds one: a calibrated refusal beats a confident quote of the wrong passage.
 */
public class ExtractiveAnswerer implements Answerer, CoverageCheck {

    public static final String NAME = "extractive";
    static final String NO_ANSWER = "The available guidelines do not answer this question. "
            + "Check the full documents or ask the responsible specialist team.";

    private static final java.util.regex.Pattern NOT_GUIDANCE = java.util.regex.Pattern.compile(
            "(?i)\\b(references|bibliography|further reading|acknowledg|document control|version (history|control)|"
                    + "change (log|history)|revision history|authors?|contributors|consultation|distribution)\\b");

    /** Calibration, tuned on eval/clinical.jsonl (see README). */
    public record Calibration(double minCoverage, double minSimilarity, int maxSentences, int evidencePassages) {
    }

    private static final java.util.regex.Pattern PAEDIATRIC_QUESTION = java.util.regex.Pattern.compile(
            "(?i)\\b(child|children|childhood|paediatric|pediatric|infant|neonate|neonatal|newborn|baby|toddler|"
                    + "adolescent|schoolchild)\\b|\\b([1-9]|1[0-5])[- ](?:year|yr|month|week)s?[- ]old\\b|\\baged? ([1-9]|1[0-5])\\b");
    private static final java.util.regex.Pattern PAEDIATRIC_EVIDENCE = java.util.regex.Pattern.compile(
            "(?i)\\b(child|children|paediatric|pediatric|infant|neonat\\w*)\\b");
    /** Specific terms (drug names, technical vocabulary) split into several word pieces; everyday words do not. */
    private static final int SPECIFIC_TERM_PIECES = 3;
    private static final int KNOWN_PREFIX = 7;
    private static final int RARE_TERM_PIECES = 4;

    private final QuestionTerms terms;
    private final CorpusVocabulary vocabulary;
    private final java.util.function.ToIntFunction<String> wordPieces;
    private final Calibration calibration;
    private final Clock clock;

    /**
     * @param wordPieces the embedding model's tokenizer count for one word, used to tell specific terms (several
     *                   pieces) from everyday words (one piece)
     */
    public ExtractiveAnswerer(Analyzer indexAnalyzer, Analyzer queryAnalyzer, CorpusVocabulary vocabulary,
                              java.util.function.ToIntFunction<String> wordPieces, Calibration calibration, Clock clock) {
        this.terms = new QuestionTerms(indexAnalyzer, queryAnalyzer);
        this.vocabulary = vocabulary;
        this.wordPieces = wordPieces;
        this.calibration = calibration;
        this.clock = clock;
    }

    /** One sentence or table row of a passage, at its exact offsets, with the terms it and its headings hold. */
    record Unit(Evidence evidence, int start, int end, String text, double coverage, double score, Set<String> terms) {
    }

    /** How well one passage covers the question, and its candidate units. */
    record Support(Evidence evidence, double coverage, List<Unit> units) {
    }

    @Override
    public Answer answer(String question, List<Evidence> evidence) {
        Set<String> content = terms.content(question);
        boolean wantsQuantity = QuestionTerms.wantsQuantity(question);
        Map<String, Double> idf = new HashMap<>();
        for (String t : content) {
            idf.put(t, vocabulary.idf(t));
        }
        double totalIdf = idf.values().stream().mapToDouble(Double::doubleValue).sum();

        List<Support> supports = new ArrayList<>();
        for (Evidence e : evidence.subList(0, Math.min(calibration.evidencePassages(), evidence.size()))) {
            supports.add(support(e, content, idf, totalIdf, wantsQuantity));
        }
        Support best = supports.stream().filter(s -> !s.units().isEmpty())
                .max(Comparator.comparingDouble((Support s) -> s.units().getFirst().score())).orElse(null);
        String unknown = unknownSubject(question, content, wantsQuantity);
        if (best == null || totalIdf == 0) {
            return abstain(new Answer.Confidence(0, evidence.isEmpty() ? 0 : round(evidence.getFirst().similarity()), null)
                    .because(unknown != null ? gap(question, unknown, null) : "no passage shares the question's terms"));
        }
        // When sources disagree, approved guidance outranks patient material and informal notes.
        Support outranking = outranking(best, supports);
        boolean overruled = outranking != null;
        if (overruled) {
            best = outranking;
        }
        Unit top = best.units().getFirst();
        Answer.Confidence confidence = new Answer.Confidence(round(best.coverage()), round(best.evidence().similarity()), null);
        String gap = gap(question, unknown, best.evidence());
        String reason = best.coverage() < calibration.minCoverage() ? "the passages cover too little of the question"
                : best.evidence().similarity() < calibration.minSimilarity() ? "no passage is close enough to the question"
                : gap != null ? gap
                : wantsQuantity && !QuestionTerms.hasQuantity(top.text()) ? "a quantity was asked for and the best passage states none"
                : wantsQuantity && focusHasNoQuantity(content, idf, supports) ? "the sources name the subject but give no quantity for it"
                : null;
        if (reason != null) {
            return abstain(confidence.because(reason));
        }
        List<Unit> chosen = choose(best, supports, top);
        Answer answer = compose(chosen, best, confidence);
        if (overruled || conflicts(best, supports, wantsQuantity)) {
            answer = answer.withWarning(new AnswerWarning(AnswerWarning.CONFLICTING_SOURCES, "A less authoritative current "
                    + "source covers this question differently; the answer follows '" + best.evidence().document().title() + "'."));
        }
        return answer;
    }

    /** A relevant support from a document of higher authority than {@code best}'s, or null. */
    private Support outranking(Support best, List<Support> supports) {
        int authority = best.evidence().document().authority();
        // generous bars: an informal note phrased like the question must not beat a protocol that answers it
        double bar = 0.5 * best.units().getFirst().score();
        double coverageBar = Math.max(calibration.minCoverage(), 0.6 * best.coverage());
        return supports.stream()
                .filter(s -> !s.units().isEmpty() && s.evidence().document().authority() > authority)
                .filter(s -> s.coverage() >= coverageBar && s.units().getFirst().score() >= bar)
                .max(Comparator.comparingInt((Support s) -> s.evidence().document().authority())
                        .thenComparingDouble(s -> s.units().getFirst().score()))
                .orElse(null);
    }

    /** A lower-authority support that answers the same quantity question with other numbers. */
    private boolean conflicts(Support best, List<Support> supports, boolean wantsQuantity) {
        if (!wantsQuantity) {
            return false;
        }
        Set<String> ours = numbers(best.units().getFirst().text());
        double bar = 0.75 * best.units().getFirst().score();
        return supports.stream()
                .filter(s -> !s.units().isEmpty() && s.evidence().document().authority() < best.evidence().document().authority())
                .map(s -> s.units().getFirst())
                .filter(u -> u.score() >= bar && QuestionTerms.hasQuantity(u.text()))
                .anyMatch(u -> !ours.containsAll(numbers(u.text())));
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private boolean isSpecific(String term) {
        return term.length() >= 5 && term.chars().allMatch(Character::isLetter)
                && wordPieces.applyAsInt(term) >= SPECIFIC_TERM_PIECES;
    }

    private boolean known(String term) {
        if (vocabulary.documentFrequency(term) > 0) {
            return true;
        }
        for (String synonym : terms.expanded(term)) {
            if (vocabulary.documentFrequency(synonym) > 0) {
                return true;
            }
        }
        if (vocabulary.hasTermStartingWith(term.substring(0, Math.min(KNOWN_PREFIX, term.length())))) {
            return true;
        }
        // "hyperhydration" when the sources say "hydration": a known word behind a common prefix is no new subject
        Matcher prefixed = WORD_PREFIX.matcher(term);
        return prefixed.matches() && prefixed.group(1).length() >= 6
                && vocabulary.hasTermStartingWith(prefixed.group(1).substring(0, 6)); // stems differ: hydration, hydrate
    }

    private static final Pattern WORD_PREFIX = Pattern.compile(
            "(?:hyper|hypo|anti|pre|post|non|over|under|intra|inter|sub|trans|peri|pro|re|de|dis|un|co)(.+)");

    /**
     * A drug or technical term the collection never mentions: the question is about something it does not cover.
     * Drug-shaped words count from {@link #SPECIFIC_TERM_PIECES} word pieces; any other word only when it is rarer
     * still ({@link #RARE_TERM_PIECES}: "immunoglobulin", "febuxostat"), so lay words the sources phrase
     * differently ("wheezing", "nosebleed") still get the closest passage.
     */
    private String unknownSpecificTerm(Set<String> content) {
        return content.stream().filter(t -> isSpecific(t) && !known(t)
                        && (DrugNameShape.looksLikeDrug(t) || wordPieces.applyAsInt(t) >= RARE_TERM_PIECES))
                .sorted().findFirst().orElse(null);
    }

    @Override
    public Optional<String> notCovered(String question, List<Evidence> evidence) {
        String unknown = unknownSubject(question, terms.content(question), QuestionTerms.wantsQuantity(question));
        return Optional.ofNullable(gap(question, unknown, evidence.isEmpty() ? null : evidence.getFirst()));
    }

    /** What the sources lack for this question (an unnamed subject, a child, an excluded topic), or null. */
    private String gap(String question, String unknown, Evidence best) {
        if (unknown != null) {
            return "the sources never mention '" + unknown + "'";
        }
        if (best == null) {
            return null;
        }
        if (PAEDIATRIC_QUESTION.matcher(question).find() && !coversChildren(best)) {
            return "the question concerns a child and the sources are for adults";
        }
        String excluded = excludedTopic(question, best);
        return excluded == null ? null : "'" + best.document().title() + "' states that it does not cover " + excluded;
    }

    private String unknownSubject(String question, Set<String> content, boolean wantsQuantity) {
        String unknown = unknownSpecificTerm(content);
        return unknown == null && wantsQuantity ? unknownDosedSubject(question) : unknown;
    }

    /**
     * What a dose is asked for ("the dose of oral zinc", "how many mg of X"), when the collection never names it.
     * Short everyday words are exempt from {@link #unknownSpecificTerm}, but the thing being dosed is never lay
     * phrasing for something the sources say otherwise: it is the drug, and a drug they never name is not covered.
     */
    private String unknownDosedSubject(String question) {
        Matcher m = DOSED_SUBJECT.matcher(question);
        if (!m.find()) {
            return null;
        }
        List<String> subject = terms.sequence(m.group(1));
        return subject.size() == 1 && subject.getFirst().length() >= 3 && !known(subject.getFirst())
                ? subject.getFirst() : null;
    }

    private static final Pattern DOSED_SUBJECT = Pattern.compile("(?i)\\b(?:doses?|dosage|dosing)\\s+of\\s+"
            + "(?:(?:the|a|an|oral|iv|intravenous|im|intramuscular|subcutaneous|sc|po|inhaled|nebulised|nebulized|topical|"
            + "rectal|sublingual|liquid|extra|additional|supplemental)\\s+)*([a-z]+)\\b(?!-)");

    /**
     * For a question asking for a quantity: its rarest specific term (usually the drug) must stand in a sentence or
     * row, or under a heading, together with a quantity. A drug that is only named ("seek advice before giving
     * andexanet") does not answer "what dose of andexanet".
     */
    private boolean focusHasNoQuantity(Set<String> content, Map<String, Double> idf, List<Support> supports) {
        String focus = content.stream().filter(this::isSpecific).filter(DrugNameShape::looksLikeDrug)
                .filter(t -> vocabulary.documentFrequency(t) > 0)
                .max(Comparator.comparingDouble(idf::get)).orElse(null);
        if (focus == null) {
            return false;
        }
        Set<String> sameDrug = terms.expanded(focus);
        return supports.stream().flatMap(s -> s.units().stream())
                .noneMatch(u -> u.terms().contains(focus) && QuestionTerms.hasQuantity(u.text())
                        && quantityBelongsTo(focus, sameDrug, terms.sequence(u.text())));
    }

    /**
     * Some number in the unit stands next to the focus drug with no other drug between them: in "fludrocortisone is
     * not needed while the hydrocortisone dose is 50 mg" the 50 mg is hydrocortisone's, not fludrocortisone's.
     */
    private boolean quantityBelongsTo(String focus, Set<String> sameDrug, List<String> sequence) {
        for (int i = 0; i < sequence.size(); i++) {
            if (!sequence.get(i).equals(focus)) {
                continue;
            }
            for (int step : new int[] {1, -1}) {
                for (int j = i + step; j >= 0 && j < sequence.size(); j += step) {
                    String t = sequence.get(j);
                    if (t.chars().anyMatch(Character::isDigit)) {
                        return true;
                    }
                    if (!t.equals(focus) && !sameDrug.contains(t) && isSpecific(t)
                            && (DrugNameShape.looksLikeDrug(t) || wordPieces.applyAsInt(t) >= RARE_TERM_PIECES)) {
                        break; // another drug stands between: numbers beyond it are its own
                    }
                }
            }
        }
        return false;
    }

    /** A topic the best document's scope excludes, named as a phrase in the question; null if none. */
    private String excludedTopic(String question, Evidence best) {
        List<String> asked = terms.sequence(question);
        for (String topic : best.document().scopeExclusions()) {
            List<String> phrase = terms.sequence(topic);
            if (!phrase.isEmpty() && inOrder(phrase, asked)) {
                return topic;
            }
        }
        return null;
    }

    /** The phrase's terms appear in the question in the same order ("magnesium sulfate … for eclampsia"). */
    private static boolean inOrder(List<String> phrase, List<String> asked) {
        int next = 0;
        for (String term : asked) {
            if (next < phrase.size() && term.equals(phrase.get(next))) {
                next++;
            }
        }
        return next == phrase.size();
    }

    /** Adult documents do not answer questions about children, however close the wording. */
    private static boolean coversChildren(Evidence e) {
        String title = e.document().title();
        return !title.toLowerCase(Locale.ROOT).contains("adult")
                && PAEDIATRIC_EVIDENCE.matcher(title + " " + e.passage().sectionPath() + " " + e.passage().text()).find();
    }

    private Support support(Evidence e, Set<String> content, Map<String, Double> idf, double totalIdf, boolean wantsQuantity) {
        GuidelineDocument doc = e.document();
        Set<String> context = terms.expanded(doc.title() + "\n" + (e.passage().sectionPath() == null ? "" : e.passage().sectionPath()));
        String text = e.passage().text();
        Set<String> passageTerms = terms.expanded(text);
        double passageCovered = 0;
        for (String t : content) {
            if (passageTerms.contains(t) || context.contains(t)) {
                passageCovered += idf.get(t);
            }
        }
        double coverage = totalIdf == 0 ? 0 : passageCovered / totalIdf;
        List<Unit> units = new ArrayList<>();
        if (NOT_GUIDANCE.matcher(e.passage().section() == null ? "" : e.passage().section()).find()) {
            return new Support(e, coverage, units); // found by search, but a reference list or change log is no answer
        }
        String title = normalise(doc.title());
        for (int[] span : spans(text)) {
            String unitText = text.substring(span[0], span[1]);
            if (normalise(unitText).equals(title)) {
                continue; // the title line of a title block names the document and says nothing about the question
            }
            Set<String> unitTerms = terms.expanded(unitText);
            Set<String> unitAndContext = new java.util.HashSet<>(unitTerms);
            unitAndContext.addAll(context);
            double covered = 0;
            for (String t : content) {
                covered += unitTerms.contains(t) ? idf.get(t) : context.contains(t) ? 0.6 * idf.get(t)
                        : passageTerms.contains(t) ? 0.3 * idf.get(t) : 0;
            }
            double unitCoverage = totalIdf == 0 ? 0 : covered / totalIdf;
            double similarity = Math.clamp((e.similarity() - 0.5) / 0.4, 0, 1);
            double score = 0.6 * unitCoverage + 0.3 * similarity + 0.1 / e.rank()
                    + (wantsQuantity ? (QuestionTerms.hasQuantity(unitText) ? 0.1 : -0.2) : 0)
                    - (unitText.endsWith(":") ? 0.1 : 0); // a lead-in to a list says little by itself
            if (unitCoverage > 0) {
                units.add(new Unit(e, span[0], span[1], unitText, unitCoverage, score, unitAndContext));
            }
        }
        units.sort(Comparator.comparingDouble(Unit::score).reversed());
        return new Support(e, coverage, units);
    }

    /**
     * The best unit, then others close to it in score, preferring the best passage. Never mixes two versions of one
     * document: the version of the best unit wins.
     */
    private List<Unit> choose(Support best, List<Support> supports, Unit top) {
        GuidelineDocument bestDoc = best.evidence().document();
        List<Unit> candidates = new ArrayList<>();
        for (Support s : supports) {
            GuidelineDocument d = s.evidence().document();
            boolean otherVersion = d.documentId().equals(bestDoc.documentId()) && !d.version().equals(bestDoc.version());
            if (otherVersion || d.authority() < bestDoc.authority() || s.coverage() < calibration.minCoverage()) {
                continue;
            }
            candidates.addAll(s.units());
        }
        candidates.sort(Comparator.comparingDouble(Unit::score).reversed());
        List<Unit> chosen = new ArrayList<>();
        chosen.add(top);
        Set<String> seen = new LinkedHashSet<>();
        seen.add(normalise(top.text()));
        for (Unit u : candidates) {
            if (chosen.size() >= calibration.maxSentences()) {
                break;
            }
            if (u.score() < 0.85 * top.score() || u.coverage() < 0.9 * top.coverage() || !seen.add(normalise(u.text()))) {
                continue;
            }
            chosen.add(u);
        }
        chosen.sort(Comparator.comparingInt((Unit u) -> u.evidence().rank()).thenComparingInt(Unit::start));
        return chosen;
    }

    private Answer compose(List<Unit> units, Support best, Answer.Confidence confidence) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        Map<String, AnswerWarning> warnings = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Unit u : units) {
            int n = citations.size() + 1;
            String sentence = u.text().strip();
            if (!text.isEmpty()) {
                text.append(u.evidence().passage().text().substring(0, u.start()).endsWith("\n") ? "\n" : " ");
            }
            text.append(sentence).append(" [").append(n).append(']');
            GuidelineDocument d = u.evidence().document();
            citations.add(Citation.of(n, u.evidence(), sentence, round(u.score())));
            SourceWarnings.add(warnings, n, d, today);
        }
        if (best.coverage() < calibration.minCoverage() + 0.1 || best.evidence().similarity() < calibration.minSimilarity() + 0.05) {
            warnings.put(AnswerWarning.LOW_CONFIDENCE, new AnswerWarning(AnswerWarning.LOW_CONFIDENCE,
                    "The quoted passages only partly match the question; read them in full before acting."));
        }
        return new Answer(AnswerStatus.ANSWERED, text.toString(), citations, List.copyOf(warnings.values()), NAME, confidence);
    }

    static Answer abstain(Answer.Confidence confidence) {
        return new Answer(AnswerStatus.INSUFFICIENT_EVIDENCE, NO_ANSWER, List.of(), List.of(), NAME, confidence);
    }

    /** Sentence spans within lines: a line break (table row, list item) always ends a unit. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(line);
            for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
                int a = s;
                int b = e;
                while (a < b && Character.isWhitespace(line.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                    b--;
                }
                if (b > a) {
                    spans.add(new int[]{lineStart + a, lineStart + b});
                }
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
