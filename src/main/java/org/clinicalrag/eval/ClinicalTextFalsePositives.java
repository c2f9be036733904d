package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.PhiSpan;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Precision on real clinical language: runs the de-identifier over text that holds no identifiers
 * (guidelines, clinical questions, MedQuAD's consumer questions about thousands of eponymous
 * conditions) and lists everything it removed. The labelled sets are small; this is where an
 * over-eager name or place rule shows up.
 */
final class ClinicalTextFalsePositives {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deidentifier deidentifier;

    ClinicalTextFalsePositives(Deidentifier deidentifier) {
        this.deidentifier = deidentifier;
    }

    void report(List<Path> roots) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    texts.addAll(read(file));
                }
            }
        }
        Map<String, Integer> removed = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        int changed = 0;
        int spans = 0;
        for (String text : texts) {
            Deidentified result = deidentifier.deidentify(text);
            if (result.changed()) {
                changed++;
            }
            for (PhiSpan span : result.removed()) {
                spans++;
                String key = span.type() + "  " + text.substring(span.start(), span.end());
                removed.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, abbreviate(text.substring(0, span.start()) + "⟦" + text.substring(span.start(), span.end())
                        + "⟧" + text.substring(span.end()), span.start()));
            }
        }
        System.out.printf("Texts without identifiers: %d, changed: %d, removed spans (all false positives): %d%n",
                texts.size(), changed, spans);
        removed.forEach((k, n) -> System.out.printf("  %4d  %-40s %s%n", n, k, example.get(k)));
    }

    private static String abbreviate(String marked, int at) {
        int from = Math.max(0, at - 60);
        return marked.substring(from, Math.min(marked.length(), at + 80)).replace('\n', ' ');
    }

    private static List<String> read(Path file) throws Exception {
        String name = file.getFileName().toString();
        List<String> out = new ArrayList<>();
        if (name.endsWith(".jsonl")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    if (node.hasNonNull("question")) {
                        out.add(node.get("question").asText());
                    }
                }
            }
        } else if (name.endsWith(".xml")) {
            Document doc = parser().parse(file.toFile());
            for (String tag : List.of("Question", "Focus")) {
                NodeList nodes = doc.getElementsByTagName(tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    out.add(nodes.item(i).getTextContent().strip());
                }
            }
        } else if (name.endsWith(".txt") || name.endsWith(".md")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
    }
}
