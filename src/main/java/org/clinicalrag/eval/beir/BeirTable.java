package org.clinicalrag.eval.beir;

import java.util.Locale;
import java.util.Map;

/** The Markdown summary of a {@link BeirReport}, as printed and pasted into docs/retrieval.md. */
public final class BeirTable {

    private BeirTable() {
    }

    public static String markdown(BeirReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s (%s split): %d documents, %d judged queries, depth %d%n%n",
                r.set(), r.split(), r.documents(), r.queries(), r.depth()));
        s.append("| retriever | nDCG@10 | R@100 | MRR@10 | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        for (BeirReport.RetrieverResult x : r.retrievers()) {
            s.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.1f | %.1f |%n",
                    x.name(), x.ndcg10(), x.recall100(), x.mrr10(), x.p50Ms(), x.p99Ms()));
        }
        for (Baseline b : r.baselines()) {
            s.append(String.format(Locale.ROOT, "| %s (published) | %.4f | %.4f | | | |%n", b.system(), b.ndcg10(), b.recall100()));
        }
        BeirReport.Indexing i = r.indexing();
        s.append(String.format(Locale.ROOT, "%nIndexing: %d documents, embedding %.0f s, writing %.1f s, %.1f docs/s%s%n",
                i.documents(), i.embedSeconds(), i.writeSeconds(), i.docsPerSecond(),
                i.reused() ? " (index reused; figures from when it was built)" : ""));
        for (Map.Entry<String, String> e : r.settings().entrySet()) {
            s.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return s.toString();
    }
}
