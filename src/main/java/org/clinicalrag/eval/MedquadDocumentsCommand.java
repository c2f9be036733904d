package org.clinicalrag.eval;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./run medquad-docs}: turns MedQuAD's NIH question-answer XML into Markdown documents (one per focus, one
 * section per question) so the server can ingest a realistic consumer-health corpus of 10,000+ passages for
 * benchmarks. The output goes under target/ and is never committed (CC BY 4.0 data, used in place).
 */
@CommandLine.Command(name = "medquad-docs", mixinStandardHelpOptions = true,
        description = "Write MedQuAD XML as Markdown documents for ingest benchmarks.")
public class MedquadDocumentsCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", description = "MedQuAD folder (../shared/data/medquad).")
    Path source;

    @CommandLine.Parameters(index = "1", description = "Output folder.")
    Path target;

    @CommandLine.Option(names = "--subsets", split = ",", defaultValue = "3_GHR_QA,4_MPlus_Health_Topics_QA,6_NINDS_QA,7_SeniorHealth_QA,8_NHLBI_QA_XML",
            description = "Subfolders to convert.")
    List<String> subsets;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(target);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder xml = factory.newDocumentBuilder();
        int documents = 0;
        int answers = 0;
        for (String subset : subsets) {
            List<Path> files;
            try (Stream<Path> s = Files.list(source.resolve(subset))) {
                files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            for (Path file : files) {
                Element doc = xml.parse(file.toFile()).getDocumentElement();
                String focus = text(doc, "Focus");
                // ids repeat across subsets, so the subset is part of the document id
                String id = subset.replaceFirst("^\\d+_", "").replaceFirst("_QA.*$", "").toLowerCase(Locale.ROOT) + "-" + doc.getAttribute("id");
                StringBuilder md = new StringBuilder("# ").append(focus).append("\n\n")
                        .append("Document ID: medquad-").append(id).append("\n")
                        .append("Audience: patient\n")
                        .append("Source: ").append(doc.getAttribute("source")).append(" (MedQuAD, CC BY 4.0)\n\n");
                NodeList pairs = doc.getElementsByTagName("QAPair");
                int written = 0;
                for (int i = 0; i < pairs.getLength(); i++) {
                    Element pair = (Element) pairs.item(i);
                    String answer = text(pair, "Answer");
                    if (answer.isBlank()) {
                        continue; // some subsets ship without answers for licensing reasons
                    }
                    md.append("## ").append(text(pair, "Question")).append("\n\n")
                            .append(answer.replaceAll("\\s{3,}", "\n\n")).append("\n\n");
                    written++;
                }
                if (written > 0) {
                    String name = "medquad-" + id + ".md";
                    Files.writeString(target.resolve(name), md);
                    documents++;
                    answers += written;
                }
            }
        }
        System.out.printf("Wrote %d documents with %d answers to %s%n", documents, answers, target);
        return 0;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
