package org.clinicalrag.eval;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.RuleBasedDeidentifier;
import picocli.CommandLine;

/**
 * Prints Markdown tables of per-type recall and precision and keep-term survival for the labelled
 * set, once for the whole set and once per split, so that holdout numbers are never blended into
 * the numbers the rules were tuned on. Usage: {@code ./run deid-bench [eval/deid/labelled.jsonl]}.
 */
@CommandLine.Command(name = "deid-bench", mixinStandardHelpOptions = true,
        description = "Score the de-identifier on a labelled set: recall and precision per identifier type.")
public final class DeidentificationBenchmark implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", defaultValue = "eval/deid/labelled.jsonl", description = "Labelled set (JSON lines).")
    Path labelled;

    @Override
    public Integer call() throws Exception {
        LabelledSet set = LabelledSet.read(labelled);
        Deidentifier deidentifier = new RuleBasedDeidentifier();
        print(deidentifier, set, "All sentences");
        print(deidentifier, set.filter(e -> !e.isHoldout()), "Development split (rules tuned on these)");
        print(deidentifier, set.filter(LabelledExample::isHoldout), "Holdout split (written after the rules were frozen)");
        System.out.println(latencyLine(deidentifier, set));
        return 0;
    }

    private static void print(Deidentifier deidentifier, LabelledSet set, String title) {
        if (set.size() == 0) {
            return;
        }
        System.out.println(DeidentificationScore.score(deidentifier, set).toMarkdown(title));
    }

    /** Mean time for a ~4,000-character question built from the set, after warm-up. */
    private static String latencyLine(Deidentifier deidentifier, LabelledSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 4000; i = (i + 1) % set.size()) {
            sb.append(set.examples().get(i).text()).append(' ');
        }
        String question = sb.substring(0, 4000);
        for (int i = 0; i < 2000; i++) {
            deidentifier.deidentify(question);
        }
        int runs = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            deidentifier.deidentify(question);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        return String.format(Locale.ROOT, "Mean latency for a 4,000-character question: %.3f ms", ms);
    }
}
