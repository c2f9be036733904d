package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The labelled de-identification set, read from JSON Lines (one {@link LabelledExample} per line). */
public record LabelledSet(List<LabelledExample> examples) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    public LabelledSet {
        examples = List.copyOf(examples);
    }

    public static LabelledSet read(Path path) throws IOException {
        List<LabelledExample> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    examples.add(JSON.readValue(line, LabelledExample.class));
                } catch (IOException e) {
                    // The line itself may hold identifiers, so only its number is reported.
                    throw new IOException("malformed labelled example on line " + lineNumber, e);
                }
            }
        }
        return new LabelledSet(examples);
    }

    public LabelledSet filter(Predicate<LabelledExample> keep) {
        return new LabelledSet(examples.stream().filter(keep).toList());
    }

    public int size() {
        return examples.size();
    }
}
