package org.clinicalrag.eval.beir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A published number to print beside ours; the table is the resource {@code baselines.tsv}, not code. */
public record Baseline(String set, String system, double ndcg10, double recall100) {

    public static List<Baseline> forSet(String set) {
        List<Baseline> out = new ArrayList<>();
        try (InputStream in = Baseline.class.getResourceAsStream("baselines.tsv")) {
            if (in == null) {
                throw new IllegalStateException("baselines.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols[0].equalsIgnoreCase(set.toLowerCase(Locale.ROOT))) {
                    out.add(new Baseline(cols[0], cols[1], Double.parseDouble(cols[2]), Double.parseDouble(cols[3])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
