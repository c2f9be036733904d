package org.clinicalrag.answer;

import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.retrieve.Evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Patient questions that need a person (an emergency, self-harm, stopping or changing a medicine, a test result
 * that needs clinical judgement) are handed off: the answer names who to contact and what to do, quoted and cited
 * from the patient documents when they say it, instead of answering the question itself.
 */
public class PatientHandoff {

    private record Rule(String reason, Pattern pattern) {
    }

    private static final Pattern CONTACT = Pattern.compile(
            "(?i)\\b(call|ring|phone|contact|999|111|emergency department|a&e|go to|speak to|tell your)\\b|\\b\\d{4,5} ?\\d{3} ?\\d{3,4}\\b");
    private static final Map<String, Pattern> REASON_WORDS = Map.of(
            "emergency", Pattern.compile("(?i)\\b(999|emergency|a&e|straight away|immediately|ambulance)\\b"),
            "self_harm", Pattern.compile("(?i)\\b(samaritans|crisis|mental health|self[- ]harm|suicid\\w*)\\b"),
            "dose_change", Pattern.compile("(?i)\\b(clinic|pharmacist|dose|doses|stopping|nurse|doctor|gp)\\b"),
            "result", Pattern.compile("(?i)\\b(clinic|nurse|doctor|gp|team|results?)\\b"));
    static final String GENERIC = "This needs a healthcare professional. Please contact your care team, "
            + "or call 999 in an emergency.";
    static final String SELF_HARM = "Please talk to someone now. If you might act on thoughts of harming yourself, "
            + "call 999 or go to the nearest Emergency Department. You can also tell your GP or care team today.";

    private final List<Rule> rules;

    public PatientHandoff(Optional<Path> rulesFile) {
        this.rules = rulesFile.map(PatientHandoff::read).orElseGet(() -> read(
                PatientHandoff.class.getResourceAsStream("handoff-rules.txt")));
    }

    /** The reason this patient question needs a person, if it does. */
    public Optional<String> reason(String question) {
        return rules.stream().filter(r -> r.pattern().matcher(question).find()).map(Rule::reason).findFirst();
    }

    /** The hand-off answer: the documents' own contact and action sentences for this situation, cited. */
    public Answer answer(String reason, String question, List<Evidence> evidence) {
        Set<String> asked = words(question);
        Pattern reasonWords = REASON_WORDS.getOrDefault(reason, CONTACT);
        record Candidate(Evidence evidence, int start, int end, String text, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Evidence e : evidence) {
            String text = e.passage().text();
            for (int[] span : ExtractiveAnswerer.spans(text)) {
                String unit = text.substring(span[0], span[1]);
                // self-harm is never answered with another topic's "call 999": only crisis text, else the safe default
                boolean relevant = reason.equals("self_harm") ? reasonWords.matcher(unit).find() : CONTACT.matcher(unit).find();
                if (!relevant) {
                    continue;
                }
                Set<String> unitWords = words(unit + " " + e.passage().section());
                long overlap = asked.stream().filter(unitWords::contains).count();
                double score = overlap + (reasonWords.matcher(unit).find() ? 3 : 0) + 2.0 / e.rank();
                candidates.add(new Candidate(e, span[0], span[1], unit.strip(), score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        StringBuilder text = new StringBuilder("This needs a person to look at it rather than an answer from a leaflet.");
        List<Citation> citations = new ArrayList<>();
        for (Candidate c : candidates) {
            if (citations.size() == 2 || citations.stream().anyMatch(x -> x.quote().equals(c.text()))) {
                continue;
            }
            int n = citations.size() + 1;
            text.append(' ').append(c.text()).append(" [").append(n).append(']');
            GuidelineDocument d = c.evidence().document();
            citations.add(new Citation(n, c.evidence().passage().passageId(), d.documentId(), d.title(), d.version(),
                    d.effectiveDate(), c.evidence().passage().section(), c.evidence().passage().page(), c.text(),
                    Math.round(c.score() * 1000) / 1000.0, d.status().wire(), d.sourceFile()));
        }
        String answer = !citations.isEmpty() ? text.toString() : reason.equals("self_harm") ? SELF_HARM : GENERIC;
        return new Answer(AnswerStatus.HANDOFF, answer, citations, List.of(), ExtractiveAnswerer.NAME,
                new Answer.Confidence(0, 0, "handoff: " + reason));
    }

    private static Set<String> words(String text) {
        return Pattern.compile("\\W+").splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> w.length() > 3)
                .collect(Collectors.toSet());
    }

    private static List<Rule> read(Path file) {
        try {
            return read(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hand-off rules " + file, e);
        }
    }

    private static List<Rule> read(InputStream in) {
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException("hand-off rule without a tab between reason and pattern: " + line);
                }
                rules.add(new Rule(line.substring(0, tab).strip(),
                        Pattern.compile(line.substring(tab + 1).strip(), Pattern.CASE_INSENSITIVE)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
