package org.clinicalrag.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structure and provenance from each of the five formats, read from the demo corpus. */
class TikaDocumentParserTest {

    private final TikaDocumentParser parser = new TikaDocumentParser();

    private ParsedDocument parse(String file) throws IOException {
        return parser.parse(Files.readAllBytes(Path.of("guidelines", file)), file);
    }

    private static List<String> headings(ParsedDocument d) {
        return d.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.HEADING).map(TextBlock::text).toList();
    }

    private static TextBlock blockContaining(ParsedDocument d, String text) {
        return d.blocks().stream().filter(b -> b.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no block contains " + text));
    }

    @Test
    void pdfKeepsPhysicalPagesAndNumberedHeadings() throws IOException {
        ParsedDocument d = parse("hyperkalaemia-protocol.pdf");
        assertEquals(4, d.pageCount());
        assertTrue(headings(d).contains("4. Membrane Stabilization"), headings(d).toString());
        assertEquals(2, blockContaining(d, "calcium gluconate 10%").page());
        assertEquals(3, blockContaining(d, "Lokelma").page());
    }

    @Test
    void docxHeadingStylesAndTableRowsWithHeaders() throws IOException {
        ParsedDocument d = parse("doac-af-formulary.docx");
        assertTrue(headings(d).stream().anyMatch(h -> h.contains("Dosing by Renal Function")), headings(d).toString());
        TextBlock row = blockContaining(d, "Apixaban");
        TextBlock apixabanRow = d.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.TABLE_ROW && b.text().contains("Apixaban")).findFirst().orElseThrow();
        assertTrue(apixabanRow.text().contains("Standard dose: 5 mg twice daily"), apixabanRow.text());
        assertNull(row.page());
    }

    @Test
    void htmlHeadingsAndTable() throws IOException {
        ParsedDocument d = parse("antibiotic-renal-dosing.html");
        assertTrue(d.blocks().stream().anyMatch(b -> b.kind() == TextBlock.Kind.TABLE_ROW && b.text().contains(": ")));
        assertTrue(d.properties().title() != null && !d.properties().title().isBlank());
        assertTrue(headings(d).size() >= 4, headings(d).toString());
    }

    @Test
    void markdownHeadingsAndFrontMatter() {
        String md = "---\nversion: 4.2\naudience: patient\n---\n# Inhaler Technique\n\n## 2. Using a spacer\n\nShake the inhaler.\n\n| Step | Action |\n|---|---|\n| 1 | Breathe out |\n";
        ParsedDocument d = parser.parse(md.getBytes(StandardCharsets.UTF_8), "inhalers.md");
        assertEquals(List.of("Inhaler Technique", "2. Using a spacer"), headings(d));
        assertEquals("4.2", d.properties().version());
        assertEquals("patient", d.properties().audience());
        assertEquals("Step: 1; Action: Breathe out", blockContaining(d, "Breathe out").text());
    }

    @Test
    void plainTextNumberedHeadings() throws IOException {
        ParsedDocument d = parse("community-acquired-pneumonia.txt");
        assertTrue(headings(d).stream().anyMatch(h -> h.startsWith("3. ")), headings(d).toString());
        assertNull(d.pageCount());
    }

    @Test
    void unsupportedAndUnreadable() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThrows(UnsupportedFormatException.class, () -> parser.parse(png, "x.pdf"));
        assertThrows(UnreadableDocumentException.class, () -> parser.parse(new byte[0], "x.txt"));
        assertThrows(UnreadableDocumentException.class, () -> parser.parse("%PDF-1.4\ngarbage".getBytes(StandardCharsets.US_ASCII), "x.pdf"));
        UnreadableDocumentException encrypted = assertThrows(UnreadableDocumentException.class,
                () -> parser.parse(encryptedPdf(), "locked.pdf"));
        assertTrue(encrypted.getMessage().contains("encrypted"), encrypted.getMessage());
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
