package org.clinicalrag.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentIdentityTest {

    @Test
    void fileNamesOfOneDocumentShareAnId() {
        assertEquals("sepsis-protocol", DocumentIdentity.fromFileName("sepsis-protocol-v2.pdf"));
        assertEquals("sepsis-protocol", DocumentIdentity.fromFileName("Sepsis Protocol v3.1.pdf"));
        assertEquals("sepsis-protocol", DocumentIdentity.fromFileName("sepsis_protocol_2024-05.pdf"));
        assertEquals("sepsis-protocol", DocumentIdentity.fromFileName("Sepsis protocol (final).docx"));
        assertEquals("v2", DocumentIdentity.fromFileName("v2.txt"));
    }

    @Test
    void versionOrderIsNumeric() {
        assertTrue(DocumentIdentity.compareVersions("2.10", "2.9") > 0);
        assertTrue(DocumentIdentity.compareVersions("3", "3.0.1") < 0);
        assertEquals(0, DocumentIdentity.compareVersions("3.0", "3"));
    }
}
