package org.clinicalrag.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {

    private static AuditTrail trailWithThree(Path dir) {
        AuditTrail trail = new AuditTrail(dir, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            trail.append("r" + i, "key-1", "clinician", "ask", "dose of [DRUG]?", List.of("p" + i), null, "answered", "extractive");
        }
        return trail;
    }

    @Test
    void chainSurvivesReopening(@TempDir Path dir) throws IOException {
        trailWithThree(dir);
        new AuditTrail(dir, Clock.systemUTC()).append("r4", "key-1", "admin", "document.delete", null, null, List.of("x"), "deleted", null);
        AuditTrail.Verification v = AuditTrail.verify(dir.resolve("audit.log"));
        assertTrue(v.intact(), v.toString());
        assertEquals(4, v.records());
    }

    @Test
    void aWriteCutByACrashIsDroppedAndTheChainContinues(@TempDir Path dir) throws IOException {
        Path log = trailWithThree(dir).file();
        Files.writeString(log, "{\"seq\":4,\"time\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
        new AuditTrail(dir, Clock.systemUTC()).append("r4", "key-1", "clinician", "ask", "q", List.of(), null, "answered", "extractive");
        AuditTrail.Verification v = AuditTrail.verify(log);
        assertTrue(v.intact(), v.toString());
        assertEquals(4, v.records());
    }

    @Test
    void removedLineIsFound(@TempDir Path dir) throws IOException {
        Path log = trailWithThree(dir).file();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(1);
        Files.write(log, lines);
        assertEquals(2, AuditTrail.verify(log).firstBrokenLine());
    }

    @Test
    void editedHashIsFound(@TempDir Path dir) throws IOException {
        Path log = trailWithThree(dir).file();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String first = lines.getFirst();
        char last = first.charAt(first.length() - 3);
        lines.set(0, first.substring(0, first.length() - 3) + (last == 'a' ? 'b' : 'a') + first.substring(first.length() - 2));
        Files.write(log, lines);
        assertEquals(1, AuditTrail.verify(log).firstBrokenLine());
    }

    @Test
    void findReturnsTheRecordOfOneActionForARequest(@TempDir Path dir) throws IOException {
        AuditTrail trail = trailWithThree(dir);
        trail.append("r1", "key-1", "clinician", "feedback", null, null, null, "down", null);
        AuditRecord answer = trail.find("r1", "ask").orElseThrow();
        assertEquals(List.of("p1"), answer.passages());
        assertEquals("dose of [DRUG]?", answer.question());
        assertEquals("down", trail.find("r1", "feedback").orElseThrow().status());
        assertFalse(trail.find("r1", "search").isPresent());
        assertFalse(trail.find("r9", "ask").isPresent());
        assertEquals(List.of("r0", "r2"), AuditTrail.find(trail.file(), "ask", java.util.Set.of("r0", "r2", "r9"))
                .keySet().stream().sorted().toList());
        assertTrue(AuditTrail.verify(trail.file()).intact());
    }
}
