package org.clinicalrag.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicalrag.audit.AppendOnlyLines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only store of ratings: one JSON line per {@link Feedback} in {@code rag.data-dir/feedback/feedback.jsonl}.
 * A line is written with one append and forced to disk before {@link #append} returns, so an acknowledged rating
 * survives a crash. A crash during the write can leave a torn last line: readers skip it, and opening the log
 * cuts it off, so the next record never lands glued to it.
 */
public class FeedbackLog {

    public static final String FILE_NAME = "feedback.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every readable record in file order, and how many lines could not be read (a torn tail, or damage). */
    public record Contents(List<Feedback> records, int unreadableLines) {
    }

    private final Path file;

    public FeedbackLog(Path dir) {
        this.file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                AppendOnlyLines.cutTornTail(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the feedback log in " + dir, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Feedback feedback) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(feedback) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean created = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback log", e);
        }
        if (created) {
            syncDirectory(file.getParent());
        }
    }

    /** Reads the log without changing it, so it is safe while the server appends. */
    public static Contents read(Path file) throws IOException {
        List<Feedback> records = new ArrayList<>();
        int unreadable = 0;
        if (!Files.exists(file)) {
            return new Contents(records, 0);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, Feedback.class));
                } catch (JsonProcessingException e) {
                    unreadable++;
                }
            }
        }
        return new Contents(records, unreadable);
    }

    /** Makes a new file's directory entry durable too; some platforms cannot open a directory, and lose nothing by it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows); the file's own data is already forced
        }
    }
}
