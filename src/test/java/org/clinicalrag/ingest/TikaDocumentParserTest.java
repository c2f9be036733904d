package org.clinicalrag.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void pdfRunningHeadersFootersAndPageNumbersLeaveTheText() {
        ParsedDocument d = parser.parse(threePageProtocol(), "sepsis.pdf");
        assertEquals(3, d.pageCount());
        for (TextBlock b : d.blocks()) {
            assertFalse(b.text().contains("uncontrolled when printed"), "footer in " + b);
            assertFalse(b.text().matches(".*Page \\d of 3.*"), "page number in " + b);
            assertFalse(b.text().equals("Sepsis Protocol"), "running header in " + b);
        }
        assertEquals(List.of("1. Scope", "2. Antibiotics", "3. Fluids", "4. Monitoring"), headings(d));
        assertEquals(3, blockContaining(d, "4. Monitoring").page());
        // with the footer and the next page's header gone, the sentence cut by the page break is whole again
        assertEquals(1, blockContaining(d, "within one hour of recognition, and record the time").page());
        // the footer still states the version: it is kept for the metadata reader, once
        assertEquals(List.of("Sepsis Protocol Version 3.2 - uncontrolled when printed", "Sepsis Protocol"), d.furniture());
        assertEquals("3.2", TextMetadataReader.read(d.text()).version());
    }

    @Test
    void pdfTitleLineStopsBeforeItsSubtitle() {
        ParsedDocument d = parser.parse(threePageProtocol(), "sepsis.pdf");
        assertEquals("Sepsis Recognition and Antibiotic Treatment in Adults", d.blocks().getFirst().text(),
                "the wrapped title is joined, the directorate line below it is not part of it");
        assertEquals("Acute Medicine Directorate - Clinical Protocol", d.blocks().get(1).text());
    }

    @Test
    void docxHeadersAndFootersAreNotBodyText() throws IOException {
        ParsedDocument d = parser.parse(docxWithHeaderAndFooter(), "glucose.docx");
        assertEquals("Blood Glucose Monitoring in Adults", d.blocks().getFirst().text());
        for (TextBlock b : d.blocks()) {
            assertFalse(b.text().contains("Anytown") || b.text().contains("AB-12"), "header or footer in " + b);
        }
        DocumentMetadata m = TextMetadataReader.read(d.text());
        assertEquals("AB-12", m.documentId(), "the footer is still read for metadata");
        assertEquals("4.0", m.version());
    }

    /** Three A4 pages with a footer that differs only by its page number, and a header on pages 2 and 3. */
    static byte[] threePageProtocol() {
        String footer = "Sepsis Protocol Version 3.2 - uncontrolled when printed";
        return pdf(List.of(
                new PdfPage(null, List.of(
                        "Sepsis Recognition and Antibiotic Treatment in", "Adults",
                        "Acute Medicine Directorate - Clinical Protocol", "",
                        "Effective date: 2026-03-01 Review date: 2028-03-01", "Approved by: Drugs and Therapeutics Committee", "",
                        "1. Scope", "",
                        "This protocol applies to adults with suspected sepsis on any adult ward.", "",
                        "2. Antibiotics", "",
                        "Give the first dose of intravenous antibiotics within one hour of"),
                        List.of(footer, "Page 1 of 3")),
                new PdfPage("Sepsis Protocol", List.of(
                        "recognition, and record the time of the first dose on the drug chart.", "",
                        "3. Fluids", "",
                        "Give 500 mL of sodium chloride 0.9% over 15 minutes if the systolic blood pressure is below 90 mmHg."),
                        List.of(footer, "Page 2 of 3")),
                new PdfPage("Sepsis Protocol", List.of(
                        "4. Monitoring", "",
                        "Record a full set of observations every 30 minutes for the first 2 hours."),
                        List.of(footer, "Page 3 of 3"))));
    }

    private record PdfPage(String header, List<String> body, List<String> footer) {
    }

    /** Body lines from the top (an empty string is a paragraph gap), header above them, footer lines at the bottom. */
    private static byte[] pdf(List<PdfPage> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (PdfPage p : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    if (p.header() != null) {
                        line(s, font, p.header(), 800);
                    }
                    float y = 760;
                    for (String text : p.body()) {
                        if (!text.isEmpty()) {
                            line(s, font, text, y);
                        }
                        y -= 14;
                    }
                    float footerY = 40;
                    for (String text : p.footer().reversed()) {
                        line(s, font, text, footerY);
                        footerY += 14;
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream s, PDType1Font font, String text, float y) throws IOException {
        s.beginText();
        s.setFont(font, 10);
        s.newLineAtOffset(50, y);
        s.showText(text);
        s.endText();
    }

    private static byte[] docxWithHeaderAndFooter() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Anytown Hospitals NHS Trust - uncontrolled when printed");
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Document ID: AB-12 Version 4.0");
            for (String text : List.of("Blood Glucose Monitoring in Adults", "1. Scope",
                    "Check capillary blood glucose before each meal and at bedtime.")) {
                doc.createParagraph().createRun().setText(text);
            }
            doc.write(out);
            return out.toByteArray();
        }
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
