package org.clinicalrag.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each identifier type is removed and replaced by its own placeholder. */
class PhiTypeExamplesTest {

    private static final Deidentifier DEID = new RuleBasedDeidentifier();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(PhiType.NAME, "My mother Mary Jones takes apixaban.", "Mary Jones"),
                Arguments.of(PhiType.NAME, "Reviewed by Dr Okafor this morning.", "Okafor"),
                Arguments.of(PhiType.NAME, "Can my son Jack have ibuprofen?", "Jack"),
                Arguments.of(PhiType.NAME, "Patient named Chinonso Eze, asthma.", "Chinonso Eze"),
                Arguments.of(PhiType.LOCATION, "She lives at 22 Mill Lane and uses a walker.", "22 Mill Lane"),
                Arguments.of(PhiType.LOCATION, "Moved from Leeds last year.", "Leeds"),
                Arguments.of(PhiType.LOCATION, "Postcode LS6 2QR on the referral.", "LS6 2QR"),
                Arguments.of(PhiType.LOCATION, "Springfield, IL 62704 is the address on file.", "Springfield, IL 62704"),
                Arguments.of(PhiType.DATE, "Admitted on 12 March 2024 with sepsis.", "12 March 2024"),
                Arguments.of(PhiType.DATE, "DOB 03/12/2024, term baby.", "03/12/2024"),
                Arguments.of(PhiType.DATE, "Seen on March 12 in clinic.", "March 12"),
                Arguments.of(PhiType.DATE, "Scan booked for 2024-03-12.", "2024-03-12"),
                Arguments.of(PhiType.AGE, "A 93-year-old with AF on apixaban.", "93-year-old"),
                Arguments.of(PhiType.AGE, "Patient aged 97, frail.", "97"),
                Arguments.of(PhiType.PHONE, "Call her on 07700 900123 tomorrow.", "07700 900123"),
                Arguments.of(PhiType.PHONE, "Office (617) 555-0142 for results.", "(617) 555-0142"),
                Arguments.of(PhiType.FAX, "Fax the letter to 0161 496 0000 please.", "0161 496 0000"),
                Arguments.of(PhiType.EMAIL, "Email j.morrison@example.com with the INR.", "j.morrison@example.com"),
                Arguments.of(PhiType.SSN, "SSN 123-45-6789 on the form.", "123-45-6789"),
                Arguments.of(PhiType.MRN, "MRN 00482913, CURB-65 of 2.", "00482913"),
                Arguments.of(PhiType.MRN, "NHS number 943 476 5919 on the letter.", "943 476 5919"),
                Arguments.of(PhiType.HEALTH_PLAN, "Member ID XQH448210937 for the prior auth.", "XQH448210937"),
                Arguments.of(PhiType.HEALTH_PLAN, "Medicare 1EG4-TE5-MK73 covers it.", "1EG4-TE5-MK73"),
                Arguments.of(PhiType.ACCOUNT, "Account number 55102-8834 was billed.", "55102-8834"),
                Arguments.of(PhiType.LICENSE, "Prescriber AB1234563 signed the script.", "AB1234563"),
                Arguments.of(PhiType.LICENSE, "Licence no. MD-448213 checked.", "MD-448213"),
                Arguments.of(PhiType.VEHICLE, "VIN 1HGCM82633A004352 on the report.", "1HGCM82633A004352"),
                Arguments.of(PhiType.VEHICLE, "Her car WN19 KPX was towed.", "WN19 KPX"),
                Arguments.of(PhiType.DEVICE, "Pacemaker serial number PJM204851S, MRI?", "PJM204851S"),
                Arguments.of(PhiType.URL, "See https://portal.example.org/pt/88231 for labs.", "https://portal.example.org/pt/88231"),
                Arguments.of(PhiType.IP, "Login from 192.168.14.27 at night.", "192.168.14.27"),
                Arguments.of(PhiType.IP, "Address 2001:db8:85a3::8a2e:370:7334 flagged.", "2001:db8:85a3::8a2e:370:7334"),
                Arguments.of(PhiType.BIOMETRIC, "Fingerprint ID FP-20931-KX unlocked the cabinet.", "FP-20931-KX"),
                Arguments.of(PhiType.PHOTO, "Photo IMG_4471.jpg shows the rash.", "IMG_4471.jpg"),
                Arguments.of(PhiType.PHOTO, "A full-face photograph is attached.", "full-face photograph"),
                Arguments.of(PhiType.OTHER_ID, "Patient ID 88231-X on apixaban.", "88231-X"),
                Arguments.of(PhiType.OTHER_ID, "Study ID CT-2291-04 enrolled.", "CT-2291-04"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void removesIdentifierWithItsPlaceholder(PhiType type, String text, String identifier) {
        Deidentified result = DEID.deidentify(text);

        assertFalse(result.text().contains(identifier), () -> type + " value still present: " + result.text());
        assertTrue(result.text().contains(type.placeholder()), () -> "expected " + type.placeholder() + " in " + result.text());
        int at = text.indexOf(identifier);
        assertTrue(result.removed().contains(new PhiSpan(type, at, at + identifier.length())),
                () -> "expected a " + type + " span over the identifier, got " + result.removed());
    }

    @Test
    void everyTypeHasAnExample() {
        Set<PhiType> covered = examples().map(a -> (PhiType) a.get()[0]).collect(Collectors.toSet());
        assertEquals(PhiType.SAFE_HARBOR, covered);
    }

    @Test
    void placeholdersMatchTheSafeHarborMapping() {
        assertEquals("[NAME]", PhiType.NAME.placeholder());
        assertEquals("[HEALTH_PLAN_ID]", PhiType.HEALTH_PLAN.placeholder());
        assertEquals("[VEHICLE_ID]", PhiType.VEHICLE.placeholder());
        assertEquals("[DEVICE_ID]", PhiType.DEVICE.placeholder());
        assertEquals("[IP_ADDRESS]", PhiType.IP.placeholder());
        assertEquals("[BIOMETRIC_ID]", PhiType.BIOMETRIC.placeholder());
        assertEquals("[ID]", PhiType.OTHER_ID.placeholder());
        assertEquals(19, PhiType.SAFE_HARBOR.size());
    }

    @Test
    void offsetsPointIntoTheOriginalTextAndReplacementsKeepTheRest() {
        String text = "Mrs Eva Kowalczyk, MRN 7734120, called from 0113 496 0782 about Xarelto 15 mg.";
        Deidentified result = DEID.deidentify(text);

        assertEquals("Mrs [NAME], MRN [MRN], called from [PHONE] about Xarelto 15 mg.", result.text());
        assertEquals(List.of("Eva Kowalczyk", "7734120", "0113 496 0782"),
                result.removed().stream().map(s -> text.substring(s.start(), s.end())).toList());
        assertTrue(result.changed());
    }

    @Test
    void overlappingCandidatesResolveToTheLongest() {
        // The street address also contains a surname-like word ("Baker") and a phone-like number shape is absent.
        Deidentified result = DEID.deidentify("Lives at 221 Baker Street with her cat.");
        assertEquals("Lives at [LOCATION] with her cat.", result.text());
        assertEquals(1, result.removed().size());
    }

    @Test
    void cueTypedValueBeatsTheSameDigitsMatchedByShape() {
        // 943 476 5919 is also a valid phone shape; the NHS cue decides.
        assertEquals("NHS no 401 023 2137 noted.".replace("401 023 2137", "[MRN]"),
                DEID.deidentify("NHS no 401 023 2137 noted.").text());
    }

    @Test
    void faxAndPhoneAreToldApartByTheNearestCue() {
        Deidentified result = DEID.deidentify("Tel: (617) 555-0142, fax: (617) 555-0199.");
        assertEquals("Tel: [PHONE], fax: [FAX].", result.text());
    }
}
