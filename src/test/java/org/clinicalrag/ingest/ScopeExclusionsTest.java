package org.clinicalrag.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeExclusionsTest {

    @Test
    void listedExclusions() {
        List<String> found = ScopeExclusions.find("This guideline covers adults admitted with CAP. It does not cover "
                + "hospital-acquired pneumonia (onset 48 hours or more after admission), aspiration pneumonia, or COVID-19 pneumonia.");
        assertEquals(List.of("hospital-acquired pneumonia", "aspiration pneumonia", "COVID-19 pneumonia"), found);
    }

    @Test
    void separateProtocolNamesItsSubjectAndAbbreviation() {
        List<String> found = ScopeExclusions.find("Hyperosmolar hyperglycaemic state (HHS) and mixed DKA/HHS are managed "
                + "under the separate HHS protocol.");
        assertTrue(found.contains("Hyperosmolar hyperglycaemic state"), found.toString());
        assertTrue(found.contains("HHS"), found.toString());
    }

    @Test
    void qualifiersAreTrimmed() {
        assertEquals(List.of("children", "pregnant women with asthma"),
                ScopeExclusions.find("It does not cover children, or pregnant women with asthma beyond the first assessment."));
        assertEquals(List.of(), ScopeExclusions.find("Give 5 mg twice daily. Review after 48 hours."));
    }

    @Test
    void aSharedModifierIsDistributedNotDropped() {
        List<String> found = ScopeExclusions.find("It does not cover infants, bleeding in pregnancy, or "
                + "drug-induced rash and itch, which have their own pathways.");
        assertEquals(List.of("infants", "bleeding in pregnancy", "drug-induced rash", "drug-induced itch"), found);
        assertTrue(ScopeExclusions.find("It does not cover lithium for mania or depression (see the mental health guideline).")
                .contains("lithium for depression"));
    }

    @Test
    void anInstructionToRuleSomethingOutIsNoScope() {
        assertEquals(List.of(), ScopeExclusions.find("Exclude hypoxia, pain and a full bladder first. Then give 4 mg."));
    }

    @Test
    void aSubjectThatIsNotCoveredHereIsTheTopic() {
        assertEquals(List.of("Children"), ScopeExclusions.find(
                "Children are treated under the paediatric renal guideline and are not covered here."));
    }

    @Test
    void aQualifiedTopicYieldsItsHeadWhenTheDocumentNeverNamesIt() {
        String text = "It does not cover heat stroke from exertion, or confusion due to hypoxia. "
                + "Cool patients with heat exhaustion by evaporation. Treat confusion with reorientation.";
        List<String> found = ScopeExclusions.find(text);
        assertTrue(found.contains("heat stroke"), found.toString());
        assertTrue(!found.contains("confusion"), found.toString());
        String named = "It does not cover heat stroke from exertion. Heat stroke in older people is treated with cold water.";
        assertTrue(!ScopeExclusions.find(named).contains("heat stroke"), ScopeExclusions.find(named).toString());
    }
}
