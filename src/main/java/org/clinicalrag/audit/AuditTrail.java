package org.clinicalrag.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.clinicalrag.ingest.Sha256;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Append-only, hash-chained audit log (JSON lines under {@code rag.data-dir/audit}). Each line ends with
 * {@code "hash"}: the SHA-256 of the line's own text without that field, which includes the previous line's hash
 * in {@code prev}. Editing, removing or reordering any line breaks the chain at that line; {@link #verify} finds
 * it. Lines are forced to disk before the call returns.
 */
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_SUFFIX = Pattern.compile("^(.*),\"hash\":\"([0-9a-f]{64})\"}$");
    /** The first match on a line is the record's own field: only seq and time, which cannot contain it, come before. */
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"\\\\]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // "hash" is not a record field

    /** The first broken line, or none. */
    public record Verification(long records, Long firstBrokenLine, String problem) {
        public boolean intact() {
            return firstBrokenLine == null;
        }
    }

    private final Path file;
    private final Clock clock;
    private long seq;
    private String last = GENESIS;

    public AuditTrail(Path dir, Clock clock) {
        this.file = dir.resolve("audit.log");
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                AppendOnlyLines.cutTornTail(file);
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                seq = lines.size();
                if (!lines.isEmpty()) {
                    Matcher m = HASH_SUFFIX.matcher(lines.getLast());
                    last = m.matches() ? m.group(2) : GENESIS; // a broken tail is reported by verify, not hidden
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log in " + dir, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one record; fills in sequence, time and chain. */
    public synchronized void append(String requestId, String caller, String role, String action, String question,
                                    List<String> passages, List<String> documents, String status, String answerer) {
        AuditRecord record = new AuditRecord(seq + 1, Instant.now(clock).toString(), requestId, caller, role, action,
                question, passages, documents, status, answerer, last);
        try {
            String body = JSON.writeValueAsString(record);
            String hash = Sha256.hex(body);
            String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
            seq++;
            last = hash;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log", e);
        }
    }

    /** This log's record of {@code action} for one request, if it holds one. */
    public Optional<AuditRecord> find(String requestId, String action) {
        try {
            return Optional.ofNullable(find(file, action, Set.of(requestId)).get(requestId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log", e);
        }
    }

    /**
     * The records of {@code action} for the given request ids, by request id, in one pass; the last one wins if a
     * request id repeats. Only lines naming a wanted id are parsed, so a long log costs a scan, not a parse. Lines
     * that cannot be read (a write in progress, damage) are passed over: {@link #verify} is what reports them.
     */
    public static Map<String, AuditRecord> find(Path logFile, String action, Set<String> requestIds) throws IOException {
        Map<String, AuditRecord> found = new HashMap<>();
        if (requestIds.isEmpty() || !Files.exists(logFile)) {
            return found;
        }
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher id = REQUEST_ID.matcher(line);
                if (!id.find() || !requestIds.contains(id.group(1))) {
                    continue;
                }
                try {
                    AuditRecord record = JSON.readValue(line, AuditRecord.class);
                    if (action.equals(record.action()) && requestIds.contains(record.requestId())) {
                        found.put(record.requestId(), record);
                    }
                } catch (JsonProcessingException e) {
                    // unreadable line: see the method comment
                }
            }
        }
        return found;
    }

    /** Recomputes every line's hash and checks each {@code prev} link. */
    public static Verification verify(Path logFile) throws IOException {
        if (!Files.exists(logFile)) {
            return new Verification(0, null, null);
        }
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        String previous = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1;
            Matcher m = HASH_SUFFIX.matcher(lines.get(i));
            if (!m.matches()) {
                return new Verification(lines.size(), lineNo, "the line has no hash field");
            }
            String body = m.group(1) + "}";
            if (!Sha256.hex(body).equals(m.group(2))) {
                return new Verification(lines.size(), lineNo, "the line's content does not match its hash (edited)");
            }
            String prev;
            long seq;
            try {
                var node = JSON.readTree(body);
                prev = node.path("prev").asText();
                seq = node.path("seq").asLong();
            } catch (JsonProcessingException e) {
                return new Verification(lines.size(), lineNo, "the line is not valid JSON");
            }
            if (!prev.equals(previous)) {
                return new Verification(lines.size(), lineNo, "the chain is broken before this line (a line was removed, reordered or its hash edited)");
            }
            if (seq != lineNo) {
                return new Verification(lines.size(), lineNo, "sequence number " + seq + " where " + lineNo + " was expected");
            }
            previous = m.group(2);
        }
        return new Verification(lines.size(), null, null);
    }

}
