package org.clinicalrag.answer;

import org.apache.lucene.analysis.Analyzer;
import org.clinicalrag.index.ClinicalAnalyzers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vocabulary side of evidence scoring. A question is reduced to its content terms (what the answer must be
 * about); evidence text is expanded with synonyms, so that a question about "Eliquis" is covered by a sentence on
 * "apixaban" and "AF" by "atrial fibrillation".
 */
final class QuestionTerms {

    /** Words that shape a question but say nothing about its subject. */
    private static final String QUESTION_WORDS = "what which who whom whose when where why how much many should would "
            + "could can may might must shall do does did done i we you he she they it my our your his her their me us "
            + "him them patient patients person someone adult adults give given giving use used using recommend "
            + "recommended recommendation need needed needs take taking taken there any about tell know please am been "
            + "has have had is are was were be being get gets got mean means best right correct appropriate usual "
            + "usually our hospital guideline guidelines protocol policy according say says said advise advice "
            + "suggest current currently also other first next then now recommended treat treatment manage management "
            + "check required require";
    /** Asking "how much" or "what dose" wants a quantity: evidence without a number cannot answer it. */
    static final Pattern QUANTITY_QUESTION = Pattern.compile(
            "(?i)\\b(how much|how many|how long|how often|what dose|which dose|dose|doses|dosage|dosing|amount|rate|"
                    + "threshold|target|level|mg|units|ml|frequency|maximum|max|minimum|how fast|how quickly|when should)\\b");
    static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.])(?!(?:19|20)\\d{2}\\b(?!\\s*(?:mg|mL|units)))\\d+(?:[.,]\\d+)?\\s*(?:mg|mcg|micrograms?|g|kg|ml|mL|L|litres?|units?|mmol|mol|%|hours?|hrs?|h|min|"
                    + "minutes?|days?|weeks?|months?|years?|mg/kg|mL/min|mmHg|bpm|breaths|times)?\\b|"
                    + "\\b(?:once|twice|three times|four times) (?:daily|a day|weekly)\\b");
    private static final Set<String> QUANTITY_WORDS = Set.of("dose", "dosage", "dosing", "amount", "much", "many",
            "rate", "frequency", "maximum", "max", "minimum", "long", "often");

    private final Analyzer index;
    private final Analyzer expanding;
    private final Set<String> questionWords;

    QuestionTerms(Analyzer index, Analyzer expanding) {
        this.index = index;
        this.expanding = expanding;
        this.questionWords = terms(index, QUESTION_WORDS);
        this.questionWords.addAll(terms(index, String.join(" ", QUANTITY_WORDS)));
    }

    /** The question's content terms, analyzed as the index analyzes text (no synonyms). */
    Set<String> content(String question) {
        Set<String> terms = terms(index, question);
        terms.removeAll(questionWords);
        return terms;
    }

    /** The text's terms in order, as indexed (for phrase matching). */
    List<String> sequence(String text) {
        return tokens(index, text);
    }

    /** Every term a text can be found by, synonyms included. */
    Set<String> expanded(String text) {
        return terms(expanding, text);
    }

    static boolean wantsQuantity(String question) {
        return QUANTITY_QUESTION.matcher(question).find();
    }

    static boolean hasQuantity(String text) {
        return QUANTITY.matcher(text).find();
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        return new LinkedHashSet<>(tokens(analyzer, text));
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        return ClinicalAnalyzers.terms(analyzer, text);
    }
}
