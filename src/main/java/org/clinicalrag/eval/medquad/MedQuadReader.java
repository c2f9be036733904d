package org.clinicalrag.eval.medquad;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the MedQuAD folders ({@code <n>_<SOURCE>_QA/*.xml}) in name order. Whitespace inside answers is collapsed:
 * the XML keeps the line breaks of the source web pages, which mean nothing for retrieval.
 */
public final class MedQuadReader {

    private final DocumentBuilder xml;

    public MedQuadReader() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            this.xml = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every subset folder's documents, one list per folder, folders and files in name order. */
    public List<List<MedQuadDocument>> readAll(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<List<MedQuadDocument>> out = new ArrayList<>();
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<MedQuadDocument> docs = new ArrayList<>();
                    for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                        docs.add(read(file));
                    }
                    out.add(docs);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MedQuAD from " + root, e);
        }
    }

    public MedQuadDocument read(Path file) {
        try {
            Element doc = xml.parse(file.toFile()).getDocumentElement();
            List<MedQuadDocument.QaPair> pairs = new ArrayList<>();
            NodeList nodes = doc.getElementsByTagName("QAPair");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element pair = (Element) nodes.item(i);
                Element question = child(pair, "Question");
                if (question == null) {
                    continue;
                }
                Element answer = child(pair, "Answer");
                pairs.add(new MedQuadDocument.QaPair(question.getAttribute("qid"), question.getAttribute("qtype"),
                        clean(question.getTextContent()), answer == null ? "" : clean(answer.getTextContent())));
            }
            Element focus = child(doc, "Focus");
            return new MedQuadDocument(doc.getAttribute("source"), doc.getAttribute("id"),
                    focus == null ? "" : clean(focus.getTextContent()), pairs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("not MedQuAD XML: " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
