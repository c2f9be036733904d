package org.clinicalrag.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Contract of the result type and of the de-identifier as a shared service. */
class DeidentifiedTest {

    private static final Deidentifier DEID = new RuleBasedDeidentifier();
    private static final String SAMPLE = "My mother Mary Jones (DOB 04/07/1951), MRN 00482913, lives in Leeds; "
            + "email mary.jones@example.com, phone 07700 900123. Eliquis 5 mg, CHA2DS2-VASc 4.";

    @Test
    void toStringNeverContainsTheOriginalValues() {
        Deidentified result = DEID.deidentify(SAMPLE);
        String printed = result.toString() + result.removed();
        for (String value : List.of("Mary Jones", "04/07/1951", "00482913", "Leeds", "mary.jones@example.com", "07700 900123")) {
            assertFalse(printed.contains(value), "leaked into toString: a " + value.length() + "-char value");
        }
    }

    @Test
    void unchangedTextReportsNoChange() {
        Deidentified result = DEID.deidentify("Is apixaban 5 mg safe with CrCl 25 mL/min?");
        assertFalse(result.changed());
        assertEquals("Is apixaban 5 mg safe with CrCl 25 mL/min?", result.text());
        assertFalse(DEID.deidentify("").changed());
    }

    @Test
    void spansAreOrderedDisjointAndInsideTheText() {
        Deidentified result = DEID.deidentify(SAMPLE);
        int previousEnd = 0;
        for (PhiSpan span : result.removed()) {
            assertTrue(span.start() >= previousEnd);
            assertTrue(span.end() <= SAMPLE.length());
            previousEnd = span.end();
        }
        assertEquals(6, result.removed().size());
    }

    @Test
    void invalidSpansAreRejectedWithoutEchoingText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhiSpan(PhiType.NAME, 5, 5));
        assertEquals("invalid span [5, 5)", e.getMessage());
    }

    @Test
    void resultIsDeterministicAndThreadSafe() throws Exception {
        Deidentified expected = DEID.deidentify(SAMPLE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Deidentified>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> DEID.deidentify(SAMPLE)));
            }
            for (Future<Deidentified> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(expected, new RuleBasedDeidentifier().deidentify(SAMPLE));
    }

}
