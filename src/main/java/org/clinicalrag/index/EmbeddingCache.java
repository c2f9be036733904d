package org.clinicalrag.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Embeddings already computed, on disk: one append-only file of fixed-size records (SHA-256 of model name and
 * text, then the vector as little-endian floats). Re-embedding a 5,000-passage benchmark corpus costs minutes on
 * two cores; reading it back costs milliseconds. A record cut short by a crash is ignored on load and overwritten.
 */
public final class EmbeddingCache implements AutoCloseable {

    private static final int KEY_BYTES = 32;

    private final String model;
    private final int dimensions;
    private final int recordBytes;
    private final FileChannel file;
    private final Map<String, float[]> vectors = new HashMap<>();

    public EmbeddingCache(Path file, String model, int dimensions) {
        this.model = model;
        this.dimensions = dimensions;
        this.recordBytes = KEY_BYTES + dimensions * Float.BYTES;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.file = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the embedding cache " + file, e);
        }
    }

    /** The default place: one file per model under {@code ~/.cache/clinical-rag/embeddings}. */
    public static Path defaultFile(String model) {
        return Path.of(System.getProperty("user.home"), ".cache", "clinical-rag", "embeddings", model + ".f32");
    }

    private void load() throws IOException {
        long whole = file.size() / recordBytes * recordBytes;
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (long at = 0; at < whole; at += recordBytes) {
            record.clear();
            file.read(record, at);
            record.flip();
            byte[] key = new byte[KEY_BYTES];
            record.get(key);
            float[] v = new float[dimensions];
            record.asFloatBuffer().get(v);
            vectors.put(HexFormat.of().formatHex(key), v);
        }
        file.truncate(whole);
        file.position(whole);
    }

    public synchronized float[] get(String text) {
        return vectors.get(HexFormat.of().formatHex(key(text)));
    }

    public synchronized void put(String text, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
        }
        byte[] key = key(text);
        if (vectors.putIfAbsent(HexFormat.of().formatHex(key), vector) != null) {
            return;
        }
        ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        record.put(key);
        record.asFloatBuffer().put(vector);
        record.position(recordBytes).flip();
        try {
            while (record.hasRemaining()) {
                file.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the embedding cache", e);
        }
    }

    public synchronized int size() {
        return vectors.size();
    }

    private byte[] key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            file.force(false);
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
