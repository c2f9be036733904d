package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void controlLinesAreNeverHeadingsAndNeverJoinAParagraph() {
        assertNull(PlainTextStructure.heading("Version 3.0", true));
        assertNull(PlainTextStructure.heading("Document ID: RESP-PROT-05", true));
        List<TextBlock> blocks = PlainTextStructure.split("""
                Hospital Transfusion Committee
                Version 5.0    Effective date: 2025-04-01    Review date: 2027-04-01
                Document ID: TX-02
                Version 5.1
                Approved by: Hospital Transfusion Committee""", null);
        assertEquals(List.of("Hospital Transfusion Committee", "Version 5.0 Effective date: 2025-04-01 Review date: 2027-04-01",
                "Document ID: TX-02", "Version 5.1", "Approved by: Hospital Transfusion Committee"),
                blocks.stream().map(TextBlock::text).toList());
    }

    @Test
    void aDocumentsFirstLineIsItsTitleUnlessItWraps() {
        List<TextBlock> caps = PlainTextStructure.split("""
                ACUTE TRANSFUSION REACTIONS IN ADULTS
                Hospital Transfusion Committee
                Version 5.0 Effective date: 2025-04-01""", null, true);
        assertEquals(List.of("ACUTE TRANSFUSION REACTIONS IN ADULTS", "Hospital Transfusion Committee",
                "Version 5.0 Effective date: 2025-04-01"), caps.stream().map(TextBlock::text).toList());
        List<TextBlock> wrapped = PlainTextStructure.split("""
                Prevention and Management of Tumour Lysis Syndrome in
                Adults
                Haematology Directorate - Clinical Protocol""", 1, true);
        assertEquals(List.of("Prevention and Management of Tumour Lysis Syndrome in Adults",
                "Haematology Directorate - Clinical Protocol"), wrapped.stream().map(TextBlock::text).toList());
        // an opening sentence is prose, not a title
        List<TextBlock> prose = PlainTextStructure.split("""
                This leaflet explains how to take
                your new blood thinner safely.""", null, true);
        assertEquals(List.of("This leaflet explains how to take your new blood thinner safely."),
                prose.stream().map(TextBlock::text).toList());
    }

    @Test
    void titleStyleAtAnyLength() {
        assertTrue(PlainTextStructure.isTitleStyled("Prevention and Management of Tumour Lysis Syndrome in Adults"));
        assertTrue(PlainTextStructure.isTitleStyled("Adrenal Crisis - Emergency Management (Adults)"));
        assertTrue(PlainTextStructure.isTitleStyled("ACUTE TRANSFUSION REACTIONS: RECOGNITION AND MANAGEMENT"));
        assertFalse(PlainTextStructure.isTitleStyled("Tumour Lysis Syndrome protocol - uncontrolled when printed"));
        assertFalse(PlainTextStructure.isTitleStyled("Give the first dose within one hour."));
    }
}
