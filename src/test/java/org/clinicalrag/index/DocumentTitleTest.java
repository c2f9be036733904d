package org.clinicalrag.index;

import org.clinicalrag.ingest.DocumentMetadata;
import org.clinicalrag.ingest.ParsedDocument;
import org.clinicalrag.ingest.TikaDocumentParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A title taken from the text stops at its line's end and before control fields. */
class DocumentTitleTest {

    private static String title(String text, String fileName) {
        ParsedDocument d = new TikaDocumentParser().parse(text.getBytes(StandardCharsets.UTF_8), fileName);
        return GuidelineLibrary.title(DocumentMetadata.EMPTY, d, fileName);
    }

    @Test
    void titleDoesNotAbsorbTheHeaderBlockBelowIt() {
        assertEquals("ACUTE TRANSFUSION REACTIONS: RECOGNITION AND MANAGEMENT IN ADULTS", title("""
                ACUTE TRANSFUSION REACTIONS: RECOGNITION AND MANAGEMENT IN ADULTS
                Hospital Transfusion Committee
                Version 5.0    Effective date: 2025-04-01    Review date: 2027-04-01

                1. Purpose

                This procedure tells ward staff how to manage acute transfusion reactions.
                """, "transfusion.txt"));
    }

    @Test
    void controlFieldsOnTheTitleLineAreNotTitle() {
        assertEquals("Sepsis Protocol", title("""
                Sepsis Protocol Version 3.2 Effective date: 2026-01-01

                1. Scope

                Adults with suspected sepsis.
                """, "sepsis.txt"));
    }

    @Test
    void leadingControlLinesAreSkipped() {
        assertEquals("Gentamicin Dosing", title("""
                Document ID: GENT-01
                Version 2.0

                Gentamicin Dosing

                1. Initial Dose

                Give gentamicin 7 mg/kg IV once daily.
                """, "gent.txt"));
    }
}
