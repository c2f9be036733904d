package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class PassageChunkerTest {

    private static final String PROCEDURE = """
            ACUTE TRANSFUSION REACTIONS IN ADULTS
            Hospital Transfusion Committee
            Version 5.0    Effective date: 2025-04-01    Review date: 2027-04-01
            Document ID: TX-PROC-02
            Approved by: Hospital Transfusion Committee

            1. Purpose

            This procedure tells ward staff how to manage acute transfusion reactions.

            2. Mild Allergic Reaction

            Give chlorphenamine 10 mg IV slowly and continue the transfusion at a slower rate.
            """;

    private final PassageChunker chunker = new PassageChunker(300, 0);

    @Test
    void textBeforeTheFirstHeadingIsFiledUnderTheTitle() {
        ParsedDocument d = new TikaDocumentParser().parse(PROCEDURE.getBytes(StandardCharsets.UTF_8), "transfusion.txt");
        String title = "ACUTE TRANSFUSION REACTIONS IN ADULTS";
        List<Passage> passages = chunker.chunk("tx", "5.0", title, d.blocks());
        Passage preamble = passages.getFirst();
        assertEquals(title + "\nHospital Transfusion Committee", preamble.text());
        assertEquals(title, preamble.section());
        assertEquals("", preamble.sectionPath(), "the title is indexed on its own, as under a heading that repeats it");
        for (Passage p : passages) {
            assertNotNull(p.section(), p.text());
        }
        assertEquals("2. Mild Allergic Reaction", passages.getLast().section());
        assertEquals("2. Mild Allergic Reaction", passages.getLast().sectionPath());
    }

    @Test
    void controlLinesAreMetadataNotPassageText() {
        ParsedDocument d = new TikaDocumentParser().parse(PROCEDURE.getBytes(StandardCharsets.UTF_8), "transfusion.txt");
        List<Passage> passages = chunker.chunk("tx", "5.0", "ACUTE TRANSFUSION REACTIONS IN ADULTS", d.blocks());
        for (Passage p : passages) {
            for (String field : List.of("Version 5.0", "Effective date", "Review date", "Document ID", "Approved by")) {
                assertFalse(p.text().contains(field), field + " in " + p.text());
            }
        }
        // the metadata reader reads the text before chunking, so it still finds every field
        DocumentMetadata m = TextMetadataReader.read(d.text());
        assertEquals("TX-PROC-02", m.documentId());
        assertEquals("5.0", m.version());
        assertEquals(java.time.LocalDate.of(2025, 4, 1), m.effectiveDate());
        assertEquals(java.time.LocalDate.of(2027, 4, 1), m.reviewDate());
    }

    @Test
    void pdfTitleBlockPassageHasTheTitleAsSectionAndNoFooter() {
        ParsedDocument d = new TikaDocumentParser().parse(TikaDocumentParserTest.threePageProtocol(), "sepsis.pdf");
        String title = "Sepsis Recognition and Antibiotic Treatment in Adults";
        List<Passage> passages = chunker.chunk("sepsis", "3.2", title, d.blocks());
        assertEquals(title, passages.getFirst().section());
        assertEquals(1, passages.getFirst().page());
        assertEquals(title + "\nAcute Medicine Directorate - Clinical Protocol", passages.getFirst().text());
        assertFalse(passages.stream().anyMatch(p -> p.text().contains("uncontrolled") || p.text().contains("Approved by")));
    }
}
