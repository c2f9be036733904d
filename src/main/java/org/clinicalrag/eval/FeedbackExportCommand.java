package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicalrag.audit.AuditRecord;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.feedback.Feedback;
import org.clinicalrag.feedback.FeedbackLog;
import org.clinicalrag.feedback.FeedbackRecorder;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ./run feedback-export}: rated answers (thumbs down by default) joined with their audit records, written as
 * draft eval items for clinical review. Reads the data directory only, so it can run beside the server. When an
 * answer was rated more than once, the latest rating counts.
 */
@CommandLine.Command(name = "feedback-export", mixinStandardHelpOptions = true,
        description = "Write rated answers (thumbs down by default) as draft eval items for clinical review.")
public class FeedbackExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--data-dir", defaultValue = "${env:RAG_DATA_DIR:-data}", description = "The server's rag.data-dir.")
    Path dataDir;

    @CommandLine.Option(names = "--out", description = "Where to write the drafts (default eval/drafts/feedback-<today>.jsonl).")
    Path out;

    @CommandLine.Option(names = "--rating", defaultValue = Feedback.DOWN, description = "Which ratings to export: down (default) or up.")
    String rating;

    @Override
    public Integer call() throws IOException {
        if (!Feedback.DOWN.equals(rating) && !Feedback.UP.equals(rating)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rating must be up or down, not '" + rating + "'.");
        }
        Path target = out != null ? out : Path.of("eval", "drafts", "feedback-" + LocalDate.now() + ".jsonl");
        FeedbackLog.Contents ratings = FeedbackLog.read(dataDir.resolve("feedback").resolve(FeedbackLog.FILE_NAME));
        Map<String, Feedback> latest = new LinkedHashMap<>();
        for (Feedback f : ratings.records()) {
            latest.remove(f.requestId()); // re-inserted: drafts come out in the order of their latest rating
            latest.put(f.requestId(), f);
        }
        List<Feedback> chosen = latest.values().stream().filter(f -> rating.equals(f.rating())).toList();
        Map<String, AuditRecord> answers = AuditTrail.find(dataDir.resolve("audit").resolve("audit.log"),
                FeedbackRecorder.ANSWER_ACTION, chosen.stream().map(Feedback::requestId).collect(Collectors.toSet()));
        List<DraftEvalItem> drafts = new ArrayList<>();
        for (Feedback f : chosen) {
            AuditRecord answer = answers.get(f.requestId());
            if (answer != null) {
                drafts.add(DraftEvalItem.of(f, answer));
            }
        }
        write(drafts, target);
        System.out.printf("Exported %d thumbs-%s answer(s) as draft eval items to %s (%d rating(s) read%s%s).%n",
                drafts.size(), rating, target, ratings.records().size(),
                chosen.size() > drafts.size() ? "; " + (chosen.size() - drafts.size()) + " without an audit record" : "",
                ratings.unreadableLines() > 0 ? "; " + ratings.unreadableLines() + " unreadable line(s) skipped" : "");
        return 0;
    }

    /** All or nothing: a reviewer never opens half an export. */
    private static void write(List<DraftEvalItem> drafts, Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (DraftEvalItem d : drafts) {
            lines.append(json.writeValueAsString(d)).append('\n');
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".feedback-export", ".tmp");
        try {
            Files.writeString(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
