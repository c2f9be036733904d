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
            "my dad bernie zwolinski is on the ward|bernie",
            "RN Cerys Jones, agency, gave the dose|Cerys Jones",
            "badge template QX-4471-0092-BZ failed|QX-4471-0092-BZ",
            "scan id RX_55120B uploaded|RX_55120B",
            "patient kitty o'halloran on 4 East|o'halloran",
            "she lives on St. Kilda Island alone|St.",
            "lives out near Mt Wrightson now|Mt",
            "home is in wahpeton 58075, alone|58075",
            "someone opened Ostrowicki's chart at 3am|Ostrowicki",
            "Med rec — Rainer Ostendorp, 71M|Rainer",
            "lives near Hexworthy Bridge now|Bridge",
            "someone opened Ansel Brightwater's chart|Ansel",
            "can you give Zebedayo 5 mg of it tonight|Zebedayo",
            "registered as CRM-SP 123456 in São Paulo|CRM-SP",
            "Jérémie Okonkwo-Bassey needs the letter|Jérémie",
    })
    void wordsAndCodesNoVocabularyKnowsAreMasked(String text, String unknown) {
        String masked = MASK.mask(text);
        assertFalse(masked.contains(unknown), masked);
        assertTrue(masked.contains(UnknownWordMask.PLACEHOLDER), masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the number is 5 5 1 2 0 9 8 7 4 for billing|the number is [ID] for billing",
            "ring me on four one five, two two one, nine nine zero eight ok|ring me on [ID] ok",
            "acct 7 7 0 3 - 1 1 8 2 - 0 4 please|acct [ID] please",
            "text me on oh seven nine double 1, 4 eight 2 6 0 3 tonight|text me on [ID] tonight",
            "call back at 4 one 6-5 five 2-8819 please|call back at [ID] please",
    })
    void aNumberReadOutDigitByDigitIsAnIdentifier(String text, String masked) {
        assertEquals(masked, MASK.mask(text));
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
            "Transferred to 4 West, then 7B North; Dear Colleague, Re: referral. Subject: refill; Address: as above",
            "BRCA1 c.68_69delAG, ICD-10 G56.03 and E11.65, COVID-19, 10mg-20mg, Xp11.22-p11.23 deletion",
            "Seen at 7 o'clock about it; Frank's sign and Grave's disease.",
            "pain 7 8 9 10 over the day; steps 1 2 3 of the protocol; one or two tablets",
            "qtc 512 ms on tenofovir alafenamide. Then he took 12500 units.",
            "mi abuela toma warfarina 5 mg y prednisona, uso de lítio; isoniazida 300 mg, digoxina, lactato 4.2",
            "GBS with a Hughes disability score of 4; pet scan said deauville 3; Snellen chart at 6 m",
            "an Addisonian crisis; Parkinsonian features; take 1 or 2, one at night, 3 times a day",
            "scored 16 on the Edinburgh Postnatal Depression Scale; Ross River fever; Ottawa Ankle Rules negative",
            "can i give him the zorbicam 15mg again? is Velquarin 5 mg ok with anti-SSA and anti-TPO positive?",
            "SCORTEN 3, Hoehn & Yahr 3, benzathine penicillin, benznidazol, Marcoumar and Astonin H",
            "Impella CP, libre 2, acalculous cholecystitis, MUDPILES, anti-Scl-70 positive; signe de Lasègue positif",
            "STA-MCA bypass; mitral regurg with bph and ldl 3.1; the Zuspan regimen; dea and npi on the script",
            "Bonjour, ma mutuelle refuse: névralgie post-zostérienne après bléomycine, aponévrotomie ou échographie?",
            "suan zao ren tang, yunnan baiyao and xia ku cao with warfarin; Scl-70 and Jo-1 positive; meclizine 25 mg",
    })
    void clinicalLanguageAndPlaceholdersPass(String text) {
        assertEquals(text, MASK.mask(text));
    }

    @Test
    void aListedNameBesideAnUnknownWordGoesWithItUnlessADiseaseIsNamed() {
        assertEquals("my dad [WORD] [WORD] is on warfarin", MASK.mask("my dad frank zwolinski is on warfarin"));
        // "Best" names the dystrophy, not a person, though the rare word beside it is unknown here
        assertTrue(MASK.mask("Best vitelliform macular dystrophy: is it inherited?").startsWith("Best "));
        // "ED" beside a masked place is the department, not the given name Ed
        assertEquals("sent from [WORD] [WORD] ED with rhabdo", MASK.mask("sent from Wahkiakum County ED with rhabdo"));
    }

    @Test
    void digitsAfterAMaskedPlaceAreItsPostcodeButAYearStays() {
        assertEquals("home is in [WORD] [WORD], alone", MASK.mask("home is in wahpeton 58075, alone"));
        assertEquals("back from [WORD] 2019 and then 12500 units", MASK.mask("back from wahpeton 2019 and then 12500 units"));
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
