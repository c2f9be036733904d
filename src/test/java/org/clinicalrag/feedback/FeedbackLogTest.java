package org.clinicalrag.feedback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackLogTest {

    private static Feedback rating(String id, String rating) {
        return new Feedback("f-" + id, "2026-11-24T10:00:00Z", "r-" + id, "key-1234abcd", "clinician", rating,
                "Dose for [NAME] was wrong", List.of(new Feedback.CitedSource("hk-prot-01_v3.2_p0004", "hk-prot-01", "3.2",
                "hyperkalaemia-protocol.pdf", "4. Membrane Stabilization", 2)));
    }

    @Test
    void storedRatingIsReadBackFromTheFileAfterReopening(@TempDir Path dir) throws IOException {
        new FeedbackLog(dir).append(rating("1", Feedback.DOWN));
        FeedbackLog reopened = new FeedbackLog(dir);
        reopened.append(rating("2", Feedback.UP));
        FeedbackLog.Contents contents = FeedbackLog.read(reopened.file());
        assertEquals(List.of(rating("1", Feedback.DOWN), rating("2", Feedback.UP)), contents.records());
        assertEquals(0, contents.unreadableLines());
    }

    @Test
    void tornLastLineIsSkippedByReadersAndCutWhenTheLogReopens(@TempDir Path dir) throws IOException {
        FeedbackLog log = new FeedbackLog(dir);
        log.append(rating("1", Feedback.DOWN));
        log.append(rating("2", Feedback.DOWN));
        long intact = Files.size(log.file());
        // a crash in the middle of the third append
        Files.writeString(log.file(), "{\"feedbackId\":\"f-3\",\"time\":\"2026-11-24T10:0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        FeedbackLog.Contents torn = FeedbackLog.read(log.file());
        assertEquals(List.of("f-1", "f-2"), torn.records().stream().map(Feedback::feedbackId).toList());
        assertEquals(1, torn.unreadableLines());

        FeedbackLog restarted = new FeedbackLog(dir);
        assertEquals(intact, Files.size(restarted.file()), "the unacknowledged tail is cut off");
        restarted.append(rating("4", Feedback.UP));
        FeedbackLog.Contents after = FeedbackLog.read(restarted.file());
        assertEquals(List.of("f-1", "f-2", "f-4"), after.records().stream().map(Feedback::feedbackId).toList());
        assertEquals(0, after.unreadableLines());
        assertTrue(Files.readString(restarted.file()).endsWith("}\n"));
    }

    @Test
    void missingLogReadsAsEmpty(@TempDir Path dir) throws IOException {
        FeedbackLog.Contents contents = FeedbackLog.read(dir.resolve("feedback.jsonl"));
        assertEquals(0, contents.records().size());
        assertEquals(0, contents.unreadableLines());
    }
}
