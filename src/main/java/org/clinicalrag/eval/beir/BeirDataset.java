package org.clinicalrag.eval.beir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicalrag.eval.metrics.Qrels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval set in the BEIR layout, read in place: {@code corpus.jsonl} ({@code _id}, {@code title},
 * {@code text}), {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/<split>.tsv} (query-id,
 * corpus-id, score, after a header line). Only queries that have judgments in the split are kept, as BEIR does.
 */
public record BeirDataset(String name, Path dir, List<BeirDocument> corpus, Map<String, String> queries, Qrels qrels) {

    /** One corpus entry; it becomes one document with one passage in the index. */
    public record BeirDocument(String id, String title, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static BeirDataset read(Path dir, String split) {
        try {
            Qrels qrels = Qrels.readTsv(dir.resolve("qrels").resolve(split + ".tsv"));
            Map<String, String> queries = new LinkedHashMap<>();
            for (JsonNode q : lines(dir.resolve("queries.jsonl"))) {
                String id = q.path("_id").asText();
                if (qrels.judged(id)) {
                    queries.put(id, q.path("text").asText());
                }
            }
            List<BeirDocument> corpus = new ArrayList<>();
            for (JsonNode d : lines(dir.resolve("corpus.jsonl"))) {
                corpus.add(new BeirDocument(d.path("_id").asText(), d.path("title").asText(""), d.path("text").asText("")));
            }
            return new BeirDataset(dir.toAbsolutePath().normalize().getFileName().toString(), dir, List.copyOf(corpus), queries, qrels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BEIR set in " + dir, e);
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    /** SHA-256 of {@code corpus.jsonl}: a built index is reused only for the very same corpus. */
    public String corpusHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve("corpus.jsonl")), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
