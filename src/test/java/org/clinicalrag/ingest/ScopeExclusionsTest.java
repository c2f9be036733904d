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
}
