package org.clinicalrag.eval.medquad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./run medquad-beir <medquad> <out>}: a consumer-health retrieval set in the BEIR layout. Each answer is a
 * passage (title = the focus), its question the query, and the judgment its own answer only: MedQuAD repeats some
 * answer texts verbatim across foci (GHR's inheritance paragraphs), and the focus in the title is what tells them
 * apart, as it would for a reader. Pairs whose answer was removed for licensing are skipped.
 * Consumer questions written for a sample of the answers become further splits, one per file, named after it:
 * {@code eval/medquad-paraphrases.jsonl} is split {@code paraphrases}, {@code eval/medquad-consumer2.jsonl} split
 * {@code consumer2}.
 */
@CommandLine.Command(name = "medquad-beir", mixinStandardHelpOptions = true,
        description = "Write MedQuAD as a BEIR-layout retrieval set (corpus.jsonl, queries.jsonl, qrels/test.tsv, and "
                + "qrels/<split>.tsv for each file of consumer questions).")
public class MedQuadBeirCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", description = "The MedQuAD folder, e.g. ../shared/data/medquad.")
    Path medquad;

    @CommandLine.Parameters(index = "1", description = "Output folder, e.g. target/medquad-beir (not committed).")
    Path out;

    @CommandLine.Option(names = "--max-passages", defaultValue = "2000",
            description = "Stop adding focus documents once this many passages are in (0 = all ~14,200). Documents are "
                    + "taken whole, in file-name order, each from the subset with the fewest passages so far (default ${DEFAULT-VALUE}).")
    int maxPassages;

    @CommandLine.Option(names = "--paraphrases", split = ",",
            defaultValue = "eval/medquad-paraphrases.jsonl,eval/medquad-consumer2.jsonl",
            description = "Files of consumer questions ({\"qid\", \"question\"} per line), each a split named after the "
                    + "file without 'medquad-' (default ${DEFAULT-VALUE}).")
    List<Path> paraphrases;

    /** "eval/medquad-consumer2.jsonl" is split "consumer2". */
    static String splitName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.jsonl$", "").replaceFirst("^medquad-", "");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A passage and the question it answers, under the set's ids. */
    private record Item(String id, String focus, String question, String answer) {
    }

    @Override
    public Integer call() throws IOException {
        List<Item> items = select(new MedQuadReader().readAll(medquad));
        Files.createDirectories(out.resolve("qrels"));
        try (BufferedWriter corpus = Files.newBufferedWriter(out.resolve("corpus.jsonl"));
             BufferedWriter queries = Files.newBufferedWriter(out.resolve("queries.jsonl"));
             BufferedWriter test = Files.newBufferedWriter(out.resolve("qrels").resolve("test.tsv"))) {
            test.write("query-id\tcorpus-id\tscore\n");
            for (Item item : items) {
                corpus.write(JSON.createObjectNode().put("_id", item.id()).put("title", item.focus()).put("text", item.answer()) + "\n");
                queries.write(JSON.createObjectNode().put("_id", item.id()).put("text", item.question()) + "\n");
                test.write(item.id() + "\t" + item.id() + "\t1\n");
            }
            Map<String, Item> byId = new LinkedHashMap<>();
            items.forEach(i -> byId.put(i.id(), i));
            StringBuilder summary = new StringBuilder();
            for (Path file : paraphrases) {
                String split = splitName(file);
                // the first set's ids keep their "-para" suffix, so runs written before there were two stay comparable
                String suffix = split.equals("paraphrases") ? "-para" : "-" + split;
                int written = 0, outside = 0;
                try (BufferedWriter qrels = Files.newBufferedWriter(out.resolve("qrels").resolve(split + ".tsv"))) {
                    qrels.write("query-id\tcorpus-id\tscore\n");
                    for (String line : Files.exists(file) ? Files.readAllLines(file) : List.<String>of()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode p = JSON.readTree(line);
                        Item item = byId.get(p.path("qid").asText());
                        if (item == null) {
                            outside++;
                            continue;
                        }
                        String id = item.id() + suffix;
                        queries.write(JSON.createObjectNode().put("_id", id).put("text", p.path("question").asText()) + "\n");
                        qrels.write(id + "\t" + item.id() + "\t1\n");
                        written++;
                    }
                }
                summary.append(String.format("; split %s: %d questions (%d name a qid outside this subset)", split, written, outside));
            }
            System.out.printf("%d passages and questions written to %s%s%n", items.size(), out, summary);
        }
        return 0;
    }

    /** Whole documents, each next one from the subset with the fewest passages so far, so no source dominates. */
    private List<Item> select(List<List<MedQuadDocument>> subsets) {
        List<Item> items = new ArrayList<>();
        int[] next = new int[subsets.size()];
        int[] taken = new int[subsets.size()];
        while (maxPassages <= 0 || items.size() < maxPassages) {
            int pick = -1;
            for (int s = 0; s < subsets.size(); s++) {
                if (next[s] < subsets.get(s).size() && (pick < 0 || taken[s] < taken[pick])) {
                    pick = s;
                }
            }
            if (pick < 0) {
                break;
            }
            MedQuadDocument doc = subsets.get(pick).get(next[pick]++);
            for (MedQuadDocument.QaPair pair : doc.pairs()) {
                if (!pair.answer().isBlank() && !pair.question().isBlank()) {
                    items.add(new Item(doc.source() + "_" + pair.qid(), doc.focus(), pair.question(), pair.answer()));
                    taken[pick]++;
                }
            }
        }
        return items;
    }
}
