package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageFurnitureTest {

    /** The lines of each page that are kept. */
    private static List<List<String>> kept(List<List<String>> pages) {
        List<boolean[]> marks = PageFurniture.find(pages);
        List<List<String>> out = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < pages.get(p).size(); i++) {
                if (!marks.get(p)[i]) {
                    lines.add(pages.get(p).get(i));
                }
            }
            out.add(lines);
        }
        return out;
    }

    @Test
    void footersThatDifferOnlyInPageNumberAndDateAreDropped() {
        List<List<String>> pages = List.of(
                List.of("Sepsis Protocol", "1. Scope", "Adults with suspected sepsis.", "Printed 03/11/2026 - uncontrolled copy", "Page 1 of 3"),
                List.of("Give antibiotics within one hour.", "Printed 04/11/2026 - uncontrolled copy", "Page 2 of 3"),
                List.of("4. Monitoring", "Observe every 30 minutes.", "Printed 05/11/2026 - uncontrolled copy", "Page 3 of 3"));
        assertEquals(List.of(
                List.of("Sepsis Protocol", "1. Scope", "Adults with suspected sepsis."),
                List.of("Give antibiotics within one hour."),
                List.of("4. Monitoring", "Observe every 30 minutes.")), kept(pages));
    }

    @Test
    void runningHeaderKeptOnlyAsPageOnesTitle() {
        List<List<String>> pages = List.of(
                List.of("Management of Hyperkalaemia", "1. Scope", "This protocol applies to adults."),
                List.of("Management of Hyperkalaemia", "2. Treatment", "Give calcium gluconate."),
                List.of("Management of Hyperkalaemia", "3. Monitoring", "Repeat the potassium."));
        List<List<String>> kept = kept(pages);
        assertEquals("Management of Hyperkalaemia", kept.get(0).getFirst(), "the title block of page 1 stays");
        assertEquals("2. Treatment", kept.get(1).getFirst());
        assertEquals("3. Monitoring", kept.get(2).getFirst());
    }

    @Test
    void runningHeaderThatIsNoTitleGoesFromPageOneToo() {
        List<List<String>> pages = List.of(
                List.of("Tumour Lysis Syndrome protocol - uncontrolled when printed", "Prevention and Management of Tumour Lysis Syndrome in Adults", "Body one."),
                List.of("Tumour Lysis Syndrome protocol - uncontrolled when printed", "Body two."),
                List.of("Tumour Lysis Syndrome protocol - uncontrolled when printed", "Body three."));
        List<List<String>> kept = kept(pages);
        assertEquals(List.of("Prevention and Management of Tumour Lysis Syndrome in Adults", "Body one."), kept.get(0));
        assertEquals(List.of("Body two."), kept.get(1));
    }

    @Test
    void realHeadingsAtPageTopsAreNeverDropped() {
        // each appendix starts a page: same words, different numbers, and the numbers do not follow the pages
        List<List<String>> pages = List.of(
                List.of("Body text on page one.", "More body text."),
                List.of("Appendix 1", "Dosing table."),
                List.of("Appendix 2", "Monitoring chart."),
                List.of("5. Audit", "Audit yearly."),
                List.of("5. Audit", "Second audit cycle."));
        List<List<String>> kept = kept(pages);
        assertEquals("Appendix 1", kept.get(1).getFirst());
        assertEquals("Appendix 2", kept.get(2).getFirst());
        assertEquals("5. Audit", kept.get(3).getFirst());
        assertEquals("5. Audit", kept.get(4).getFirst(), "a numbered heading is a heading even when it repeats");
    }

    @Test
    void titleCaseHeaderThatNamesItsPageIsFurniture() {
        // a cover page shifts printed numbers: physical page 2 prints "Page 1"
        List<List<String>> pages = List.of(
                List.of("Cover Page"),
                List.of("Sepsis Protocol Page 1", "Body one."),
                List.of("Sepsis Protocol Page 2", "Body two."),
                List.of("Sepsis Protocol Page 3", "Body three."),
                List.of("Appendix 4", "Body four."));
        List<List<String>> kept = kept(pages);
        assertEquals(List.of("Body one."), kept.get(1));
        assertEquals(List.of("Body three."), kept.get(3));
        assertEquals(List.of("Appendix 4", "Body four."), kept.get(4));
    }

    @Test
    void barePageNumbersAtEdgesOnlyEvenOnOnePage() {
        assertEquals(List.of(List.of("Dose table", "3", "Give with food.")),
                kept(List.of(List.of("- 1 -", "Dose table", "3", "Give with food.", "1"))));
    }
}
