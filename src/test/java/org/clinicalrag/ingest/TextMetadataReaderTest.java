package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextMetadataReaderTest {

    @Test
    void controlBlock() {
        DocumentMetadata m = TextMetadataReader.read("""
                Management of Hyperkalaemia
                Document ID: HK-PROT-01
                Supersedes: Version 2.0
                Version 3.2
                Effective date: 1 March 2026
                Next review: 2028-03-01
                Audience: clinicians
                """);
        assertEquals("HK-PROT-01", m.documentId());
        assertEquals("3.2", m.version());
        assertEquals("2.0", m.supersedes());
        assertEquals(LocalDate.of(2026, 3, 1), m.effectiveDate());
        assertEquals(LocalDate.of(2028, 3, 1), m.reviewDate());
        assertEquals("clinicians", m.audience());
    }

    @Test
    void supersededVersionIsNotTakenAsTheVersion() {
        DocumentMetadata m = TextMetadataReader.read("Sepsis protocol. Supersedes version 3.0 (2023).");
        assertNull(m.version());
        assertEquals("3.0", m.supersedes());
    }

    @Test
    void dateFormats() {
        assertEquals(LocalDate.of(2026, 3, 1), TextMetadataReader.parseDate("2026-03-01"));
        assertEquals(LocalDate.of(2026, 3, 1), TextMetadataReader.parseDate("March 1, 2026"));
        assertEquals(LocalDate.of(2026, 3, 1), TextMetadataReader.parseDate("1st March 2026"));
        assertEquals(LocalDate.of(2026, 3, 1), TextMetadataReader.parseDate("01/03/2026"));
        assertEquals(LocalDate.of(2026, 3, 1), TextMetadataReader.parseDate("March 2026"));
        assertNull(TextMetadataReader.parseDate("soon"));
    }

    @Test
    void controlLinesAreToldFromGuidance() {
        for (String line : java.util.List.of(
                "Version 2.0 Effective date: 2026-05-01 Supersedes: Version 1.0 Review date: 2028-05-01",
                "Document ID: RESP-GUI-02 Version 4.1", "Version 3.0", "Approved by: Cancer Drugs and Therapeutics Group",
                "Date of issue: April 2025", "Author: Dr A Smith, consultant haematologist", "Audience: clinician",
                "Department of Anaesthesia | Version 2.3 | Effective date: 2025-11-01 | Review date: 2027-11-01",
                "Version 1.2 · Effective date: 2025-06-10 · Review date: 2027-06-10")) {
            assertTrue(TextMetadataReader.isControlLine(line), line);
        }
        for (String line : java.util.List.of(
                "Review: reassess the patient after 1 hour.", "Use version 2 of the NEWS chart for all adults.",
                "Give 10 mg IV. Review date: 2027-01-01", "Status: nil by mouth", "Contact: diabetes nurse on 01234 567890",
                "Document owner: Consultant Nephrologist. Contact the renal pharmacist on extension 6120 with")) {
            assertFalse(TextMetadataReader.isControlLine(line), line);
        }
    }

    @Test
    void controlFieldsAreCutFromTheEndOfALine() {
        assertEquals("Sepsis Protocol", TextMetadataReader.beforeControlFields("Sepsis Protocol Version 3.2 Effective date: 2026-01-01"));
        assertEquals("Guidance on Version 2 of the NEWS score", TextMetadataReader.beforeControlFields("Guidance on Version 2 of the NEWS score"));
        assertEquals("", TextMetadataReader.beforeControlFields("Version 5.0 Review date: 2027-04-01"));
    }
}
