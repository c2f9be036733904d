package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
