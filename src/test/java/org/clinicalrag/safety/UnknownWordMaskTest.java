package org.clinicalrag.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnknownWordMaskTest {

    private static final RuleBasedDeidentifier RULES = RuleBasedDeidentifier.shared();
    /** The guidelines of this test mention one rare drug and one local code. */
    private static final UnknownWordMask MASK = UnknownWordMask.beside(RULES, Set.of("pabrinex", "ward7b")::contains);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spoke to Zebedayo about the apixaban|Zebedayo",
            "pt mwakilema kasongo, K+ 6.1|mwakilema",
            "pt mwakilema kasongo, K+ 6.1|kasongo",
            "ref QZ8841207 for the warfarin clinic|QZ8841207",
            "badge 00913744 opened the chart|00913744",
            "seen on the round by Grace and Will, then discharged|Grace",
            "seen on the round by Grace and Will, then discharged|Will",
            "she moved to Revere in the spring|Revere",
            "her son works at Star Market nights|Star Market",
            "referred to Revere Family Clinic for INR checks|Revere",
            "mum is at Rosewood Manor since the stroke|Rosewood",
    })
    void wordsAndCodesNoVocabularyKnowsAreMasked(String text, String unknown) {
        String masked = MASK.mask(text);
        assertFalse(masked.contains(unknown), masked);
        assertTrue(masked.contains(UnknownWordMask.PLACEHOLDER), masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "she can come 11/23 for the INR|she can come [DATE] for the INR",
            "free 23/11 pm for the dressing change|free [DATE] pm for the dressing change",
    })
    void aMonthAndDayWithoutACueAreADate(String text, String masked) {
        assertEquals(masked, MASK.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Addison's disease with hyperkalaemia: is hydrocortisone 100 mg IV right?",
            "Guillain-Barré after Campylobacter, IVIG 0.4 g/kg/day for 5 days",
            "HbA1c 58 mmol/mol, eGFR 38, CHA2DS2-VASc 4, NEWS2 5, on dapagliflozin 10mg od",
            "Pabrinex 2 pairs IV tds on ward7b for Wernicke encephalopathy",
            "I've had a rash since she'll start co-amoxiclav; platelets 250000 cells/uL",
            "[NAME] was seen on [DATE] at [LOCATION] with SIADH and an NSTEMI",
            "She's 34, takes sertraline 50 mg and amlodipine 5mg",
            "Hope this helps. Will the dose change? Grace period for the refill; frank haematuria",
            "Ross River fever after a trip, or Rocky Mountain spotted fever after a tick bite?",
            "her Medtronic Azure pacemaker alarmed; is Type 2 Diabetes a factor?",
            "What are the symptoms of Hereditary Spastic Paraplegia ?",
            "Breast Cancer and Gout: Problems with Taste after Treatment",
            "echo at Day 10 showed no aneurysm; does the guideline Version 3.2 still apply?",
            "GCS 11/15, VA 6/18, MMSE 12/30, antibiotics for 14/7, 3/24 of vomiting, 2/14 nodes positive",
    })
    void clinicalLanguageAndPlaceholdersPass(String text) {
        assertEquals(text, MASK.mask(text));
    }

    @Test
    void theRulesSpansStayAndTheMaskAddsOnlyOutsideThem() {
        String text = "Mrs Jane Smith, MRN 00482917, with Zebedayo her carer, on warfarin";
        Deidentified rules = RULES.deidentify(text);
        Deidentified both = MASK.mask(text, rules);
        assertTrue(both.removed().containsAll(rules.removed()));
        assertEquals(1, both.removed().stream().filter(s -> s.type() == PhiType.UNKNOWN_WORD).count(), both.text());
        assertFalse(both.text().contains("Zebedayo"), both.text());
        assertTrue(both.text().contains("on warfarin"), both.text());
    }
}
