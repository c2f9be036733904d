package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainTextStructureTest {

    @Test
    void numberedHeadingsButNotNumberedSteps() {
        assertNotNull(PlainTextStructure.heading("4. Membrane Stabilization", false));
        assertEquals(2, PlainTextStructure.heading("4.2 Dosing in renal impairment", false).headingLevel());
        assertNull(PlainTextStructure.heading("1. Give calcium gluconate 10% 30 mL IV", false));
        assertNull(PlainTextStructure.heading("2. Repeat the ECG", false));
        assertNull(PlainTextStructure.heading("3. The patient should be reviewed within one hour of the first dose.", false));
    }

    @Test
    void markdownCapsAndTitleCaseHeadings() {
        assertEquals(2, PlainTextStructure.heading("## Monitoring", false).headingLevel());
        assertNotNull(PlainTextStructure.heading("IMMEDIATE MANAGEMENT", true));
        assertNotNull(PlainTextStructure.heading("Immediate Management of Sepsis", true));
        assertNull(PlainTextStructure.heading("Immediate Management of Sepsis", false));
        assertNull(PlainTextStructure.heading("Give 500 mL Fluid", true));
    }

    @Test
    void wrappedLinesJoinAndBulletsSplit() {
        List<TextBlock> blocks = PlainTextStructure.split("""
                1. Scope
                This protocol applies to adults
                admitted with hyperkalaemia.
                - Check the ECG
                - Repeat K+ in 1 hour
                Setext Heading
                ==============
                Body.""", null);
        assertEquals(TextBlock.Kind.HEADING, blocks.get(0).kind());
        assertEquals("This protocol applies to adults admitted with hyperkalaemia.", blocks.get(1).text());
        assertEquals("- Check the ECG", blocks.get(2).text());
        assertEquals("- Repeat K+ in 1 hour", blocks.get(3).text());
        assertEquals(TextBlock.Kind.HEADING, blocks.get(4).kind());
        assertEquals("Setext Heading", blocks.get(4).text());
    }
}
