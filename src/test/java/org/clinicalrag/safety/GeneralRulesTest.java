package org.clinicalrag.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules that generalise past the labelled sets: each is tested on phrasings that none of
 * eval/deid/*.jsonl contains, beside the clinical language that looks like it and must survive.
 */
class GeneralRulesTest {

    private static final Deidentifier DEID = new RuleBasedDeidentifier();

    @Nested
    class Codes {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "MRN 4410-77-3 on the discharge letter.|4410-77-3|MRN",
                "Hospital number 20-5518-7, CURB-65 of 2.|20-5518-7|MRN",
                "unit no. 7781-220-5A for the bloods|7781-220-5A|MRN",
                "Her wristband says 5520-314-9, penicillin allergy.|5520-314-9|OTHER_ID",
                "Quote K7-2291-04X when you ring the ward.|K7-2291-04X|OTHER_ID",
        })
        void codesOfDigitGroupsAreRemovedWholeWithOrWithoutACue(String text, String value, PhiType type) {
            assertRemovedAs(text, value, type);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "CURB-65 of 3, CHA2DS2-VASc 4, SARS-CoV-2 PCR and ICD-10-CM coding.",
                "Insulin 10-12-8 units, titrate 100-200-400 mg, platelets 150-400.",
                "miR-129-1-3p, HLA-B27, 5-HT3 antagonists and the PF-04449913 trial.",
                "The NDC number is 0074-4339-02 and NDC 0069-1530-01 is the vial.",
                "Sepsis pathway version 2-10-344 applies.",
        })
        void scoresGenesTitrationsAndPublicCodesSurvive(String text) {
            assertUnchanged(text);
        }

        @org.junit.jupiter.api.Test
        void aCuedPhoneNumberStopsAtTheEndOfItsSentence() {
            assertEquals("Phone [PHONE]. [PHONE] is the helpline.",
                    DEID.deidentify("Phone 0161 496 0000. 1-800-273-8255 is the helpline.").text());
        }
    }

    static void assertRemovedAs(String text, String value, PhiType type) {
        Deidentified result = DEID.deidentify(text);
        int at = text.indexOf(value);
        assertTrue(at >= 0, "test value not in text");
        assertTrue(result.removed().contains(new PhiSpan(type, at, at + value.length())),
                () -> "expected " + type + " over '" + value + "', got " + result.text() + " " + result.removed());
    }

    static void assertUnchanged(String text) {
        Deidentified result = DEID.deidentify(text);
        assertEquals(text, result.text());
        assertTrue(result.removed().isEmpty());
    }
}
