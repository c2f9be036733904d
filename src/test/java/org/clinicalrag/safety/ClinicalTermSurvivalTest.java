package org.clinicalrag.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clinical language must pass through untouched: a removed dose or eponym changes the answer. */
class ClinicalTermSurvivalTest {

    private static final Deidentifier DEID = new RuleBasedDeidentifier();

    @ParameterizedTest
    @ValueSource(strings = {
            "Graves disease on carbimazole 20 mg.",
            "Parkinson disease and Parkinson's dementia.",
            "Hodgkin lymphoma after ABVD.",
            "Cushing syndrome work-up with dexamethasone 1 mg.",
            "Addison disease sick-day rules; Addison's crisis.",
            "Crohn's disease flare on infliximab 5 mg/kg.",
            "Alzheimer disease and Alzheimer's agitation.",
            "Down syndrome and hypothyroidism.",
            "Bell's palsy within 72 hours.",
            "Wilson disease on penicillamine.",
            "Guillain-Barré syndrome after Campylobacter.",
            "Glasgow Coma Scale of 8 and Glasgow-Blatchford score of 0.",
            "Apgar 9 at 5 minutes.",
            "Wells score 4.5 and Child-Pugh C.",
            "Whipple procedure, Creon 25,000 units with meals.",
            "Stevens-Johnson syndrome on lamotrigine.",
            "Hashimoto thyroiditis on levothyroxine 100 micrograms.",
            "Murphy's sign positive; Raynaud phenomenon.",
            "Smith's fracture and Baker's cyst.",
            "Manchester Triage System and Nottingham Prognostic Index 4.4.",
    })
    void eponymsSurvive(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Eliquis 5 mg twice daily, apixaban 2.5 mg.",
            "Lasix 40 mg IV then furosemide 80 mg oral.",
            "warfarin with INR 3.4, Xarelto 20 mg, Keppra 500 mg bd.",
            "0.5 mg/kg, 10 units, 1 g IV q8h.",
            "gentamicin 7 mg/kg once daily, vancomycin 15 mg/kg every 12 hours.",
            "Will Eliquis interact with St John's wort?",
            "May I give ibuprofen 400 mg with lithium?",
            "Hope this is the right place to ask about amlodipine 10 mg.",
            "Grace period for a missed levothyroxine dose?",
    })
    void drugsAndDosesSurvive(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "K+ 6.8 mmol/L, HbA1c 7.2%, eGFR 28, INR 3.4.",
            "BP 162/98 mmHg, HR 132 bpm, sats 94% on air.",
            "CHA2DS2-VASc 4, CURB-65 of 3, HAS-BLED 3, qSOFA 2, NEWS2 of 7.",
            "pH 7.31, pCO2 6.8, lactate 4.1, troponin 52 ng/L.",
            "Her HR is 95 and the patient is 92 kg.",
            "CD4 count 180 cells/mm3 and HLA-B*15:02 positive.",
            "SNOMED 22298006 for myocardial infarction.",
    })
    void labValuesAndScoresSurvive(String text) {
        assertUnchanged(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A 67-year-old on warfarin.",
            "John's father is 89 and a 45-year-old sister.",
            "Patients over 90 years need a lower dose?",
            "In patients aged 90 and over, avoid.",
            "Aged 90+ patients on apixaban.",
            "In 2023 NICE changed the threshold.",
            "for 3 days, every 12 hours, within 1 hour, in 2 weeks.",
            "Give the enoxaparin at 22:00 or 08:00.",
            "Sepsis guideline Version 3.2 and app version 2.1.3.",
            "The 5/2 diet and follow-up in 6/52, review in 3/12.",
            "Insulin 10-12-8 units, sliding scale 2/4/6 units, 1/2 tablet.",
            "Call 999 or NHS 111 if worse.",
    })
    void agesUpTo89YearsDurationsAndTimesSurvive(String text) {
        String out = DEID.deidentify(text).text();
        // The only name-like token allowed to change is a genuine name ("John's").
        assertEquals(text.replace("John", "[NAME]"), out);
    }

    private static void assertUnchanged(String text) {
        Deidentified result = DEID.deidentify(text);
        assertEquals(text, result.text());
        assertTrue(result.removed().isEmpty());
    }
}
