package org.clinicalrag.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.clinicalrag.fake.FakeOpenAiServer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 5 end to end: questions and conversation turns full of identifiers of all 18 Safe Harbor types go through the
 * generative path (model condensing, model answering) and the search endpoint; afterwards no identifier may be found
 * in any request the model endpoint received, in anything the server logged (application loggers at DEBUG), or in
 * any byte of any file under rag.data-dir (audit trail and Lucene index). The clinical terms in the same text must
 * reach the model unchanged, or de-identification would be bought with wrong answers. One name no rule catches
 * ("the carer tendai mupfumira") checks the unknown-word mask on the way out.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAiDebugLog.class)
class PhiNeverLeavesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every identifier below occurs in exactly one of the texts sent; each must vanish everywhere. */
    static final List<String> IDENTIFIERS = List.of(
            "Oluwaseun", "Adeyemi", "02-11-1957", "A7730912", "Siddharth", "Raghunathan", "(415) 555-0187", "555-0187",
            "+44 7911 123456", "7911 123456", "k.mcallister84@gmail.com", "mcallister", "078-05-1120", "943 476 5919",
            "020 7946 0321", "42 Wattle Grove", "Wattle", "Bendigo", "VIC 3550", "XKQ908112345", "Yamamoto-Klein", "Yamamoto",
            "priya", "ninety-three", "the 14th", "0045-778123-09", "BK4417893", "LK19 XWZ", "1HGCM82633A004352", "PX-88231-KL",
            "photos.example-family.net", "rose-ward", "IMG_20240312_101544.jpg", "IMG_2024", "192.168.14.201",
            "2001:db8:85a3::8a2e:370:7334", "FP-00983312", "TRIAL-CARD-0412", "Easter Monday", "Teodora", "Radu", "Ionescu",
            "102 years", "Llanfairfechan", "LL33 0AB", "ahmed", "al-rashid", "maria gonzalez", "gonzalez", "J.R.T.",
            "5521983", "VPR 55-2291", "55-2291", "clinic 3/4", "tendai", "mupfumira");

    /** Clinical language in the same texts that the model must receive verbatim. */
    static final List<String> CLINICAL_TERMS = List.of(
            "Addison disease", "K+ 6.2", "calcium gluconate 10%", "hyperkalaemia", "eGFR 28", "Bell palsy", "infliximab 5 mg/kg",
            "Crohn disease", "apixaban 2.5 mg bd", "Guillain-Barré", "Glasgow Coma Scale 13", "Hashimoto thyroiditis",
            "Wilson disease", "Ozempic 1 mg weekly", "Down syndrome", "Apgar 7 at 1 min", "Day 3 of antibiotics");

    FakeOpenAiServer fake;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder sb = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                sb.append(' ').append(trace);
            }
            logged.add(sb.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws InterruptedException {
        ServerUnderTest.awaitReady();
        fake.reset();
        CircuitBreakerMaintenance.get().resetAll();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noIdentifierReachesTheModelTheLogsOrTheDataDirAndClinicalTermsReachTheModel() throws IOException {
        // The server logs little on a good day; a canary on an application logger shows the capture is wired to it.
        Logger.getLogger(AskResource.class.getName()).info("capture canary");
        ask("My mother Oluwaseun Adeyemi, DOB 02-11-1957, MRN A7730912, has Addison disease and her K+ 6.2 today: "
                        + "how much calcium gluconate 10% for hyperkalaemia with ECG changes?",
                turn("user", "I'm her son Siddharth Raghunathan, call me on (415) 555-0187 or +44 7911 123456, "
                        + "email k.mcallister84@gmail.com."),
                turn("assistant", "Noted. For the record her SSN 078-05-1120 and NHS number 943 476 5919 are on file, "
                        + "fax 020 7946 0321."),
                turn("user", "She lives at 42 Wattle Grove, Bendigo VIC 3550, and her insurance member ID XKQ908112345 "
                        + "covers Ozempic 1 mg weekly."));
        ask("can priya take apixaban 2.5 mg bd after Guillain-Barré? grandpa turned ninety-three on the 14th, "
                        + "Glasgow Coma Scale 13.",
                turn("user", "Seen in clinic 3/4 by Dr. Yamamoto-Klein; eGFR 28, Bell palsy on the left, infliximab "
                        + "5 mg/kg for Crohn disease."),
                turn("assistant", "Billing account 0045-778123-09, DEA BK4417893, car reg LK19 XWZ, VIN 1HGCM82633A004352."),
                turn("user", "Insulin pump serial PX-88231-KL; photos at https://photos.example-family.net/albums/rose-ward-2024 "
                        + "and IMG_20240312_101544.jpg."));
        ask("Admitted on Easter Monday 2024, Hashimoto thyroiditis, Wilson disease; Teodora said her husband Radu "
                        + "Ionescu is 102 years old. What is the apixaban dose?",
                turn("user", "Portal login from 192.168.14.201 and 2001:db8:85a3::8a2e:370:7334; fingerprint template "
                        + "FP-00983312; study ID TRIAL-CARD-0412."),
                turn("user", "Patient from Llanfairfechan, postcode LL33 0AB, Down syndrome, Apgar 7 at 1 min, Day 3 of antibiotics."),
                turn("assistant", "Spoke with ahmed al-rashid and maria gonzalez; J.R.T. in bed 4; hospital no 5521983; "
                        + "voiceprint ID VPR 55-2291."));
        // A failing model endpoint exercises the warning and exception paths of the logs.
        fake.script(FakeOpenAiServer.Script.ERROR_500);
        ask("Oluwaseun Adeyemi again (MRN A7730912): K+ 6.2, Addison disease, what calcium gluconate 10% dose?",
                turn("user", "Siddharth Raghunathan here, +44 7911 123456."));
        fake.script(FakeOpenAiServer.Script.MALFORMED);
        CircuitBreakerMaintenance.get().resetAll();
        ask("priya again, K+ 6.2: how much calcium gluconate 10% for hyperkalaemia?",
                turn("user", "Teodora said Radu Ionescu is 102 years old."),
                // no rule knows these words or has a cue for them: the unknown-word mask stops them at the model
                turn("user", "the carer tendai mupfumira phoned about the insulin"));
        Response search = given().contentType(ContentType.JSON)
                .body("{\"q\": \"Spoke with ahmed al-rashid and maria gonzalez; J.R.T. in bed 4; hospital no 5521983; "
                        + "voiceprint ID VPR 55-2291. Apixaban dose?\"}")
                .post("/v1/search");
        assertEquals(200, search.statusCode(), search.asString());

        List<String> requests = fake.requests();
        assertTrue(requests.size() >= 6, "each ask condenses and answers through the model: " + requests.size());
        String sentRaw = String.join("\n", requests);
        String sentDecoded = decodedStrings(requests);
        String logs = withoutRequestIds(String.join("\n", logged));
        assertTrue(logged.stream().anyMatch(l -> l.contains("capture canary")), "the log capture sees application records");
        List<Path> files = dataFiles();
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("audit")), "the audit trail was written: " + files);

        List<Executable> checks = new ArrayList<>();
        for (String id : IDENTIFIERS) {
            checks.add(() -> assertFalse(sentRaw.contains(id) || sentDecoded.contains(id), "sent to the model: " + id));
            checks.add(() -> assertFalse(logs.contains(id), "logged: " + id));
            for (Path file : files) {
                checks.add(() -> assertFalse(containsBytes(file, id), "stored in " + file + ": " + id));
            }
        }
        for (String term : CLINICAL_TERMS) {
            checks.add(() -> assertTrue(sentDecoded.contains(term), "clinical term not sent to the model: " + term));
        }
        assertAll(checks);
    }

    private static ObjectNode turn(String role, String content) {
        return JSON.createObjectNode().put("role", role).put("content", content);
    }

    private static void ask(String question, ObjectNode... history) {
        ObjectNode body = JSON.createObjectNode().put("question", question).put("mode", "generative");
        ArrayNode turns = body.putArray("history");
        for (ObjectNode t : history) {
            turns.add(t);
        }
        Response r = given().contentType(ContentType.JSON).body(body.toString()).post("/v1/ask");
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getList("warnings.code").contains("phi_removed"), r.asString());
    }

    /** The string values of each request body, so that escaped characters ("Barr\u00e9") compare as text. */
    private static String decodedStrings(List<String> bodies) {
        StringBuilder sb = new StringBuilder();
        for (String body : bodies) {
            try {
                collect(JSON.readTree(body), sb);
            } catch (IOException e) {
                sb.append(body);
            }
        }
        return sb.toString();
    }

    private static void collect(JsonNode node, StringBuilder sb) {
        if (node.isTextual()) {
            sb.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, sb));
    }

    private static List<Path> dataFiles() throws IOException {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("rag.data-dir", String.class));
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * The server's own random request ids (UUIDs in the audit trail and logs) are no patient data, but their hex digits
     * can spell a short identifier by chance ("…-a255-2291ae…" holds "55-2291"), so they are blanked before searching.
     */
    private static String withoutRequestIds(String text) {
        return REQUEST_ID.matcher(text).replaceAll("<request-id>");
    }

    private static final java.util.regex.Pattern REQUEST_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Byte-exact search: the file is read as Latin-1, which maps every byte to one char, and so is the UTF-8 needle. */
    private static boolean containsBytes(Path file, String needle) {
        try {
            String haystack = withoutRequestIds(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            return haystack.contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // deleted by a Lucene merge between the walk and the read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
