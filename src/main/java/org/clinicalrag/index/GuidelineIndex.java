package org.clinicalrag.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one Lucene index on disk: passages (BM25 text fields plus an HNSW vector each) and one record per document
 * version holding its metadata. A document version's passages and the status changes it causes are written in a
 * single commit, so a crash leaves either the old state or the new one, never half a document.
 */
public class GuidelineIndex implements Closeable {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * Raise when parsing or chunking changes what a document's passages are. Documents stored under an older
     * format are {@link #outdated}: identical bytes are parsed again rather than reported unchanged, so an
     * upgraded server re-reads its guidelines folder instead of serving what an older parser made of it.
     */
    public static final int PASSAGE_FORMAT = 2;

    private final Directory directory;
    private final Analyzer analyzer;
    private final BM25Similarity similarity;
    private final int passageFormat;
    private volatile Set<String> outdated = Set.of();
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile Map<String, GuidelineDocument> documents = Map.of();

    public GuidelineIndex(Path dir) {
        this(dir, new BM25Similarity());
    }

    /** {@code similarity} scores searches; its k1 and b act at search time, so changing them needs no reindex. */
    public GuidelineIndex(Path dir, BM25Similarity similarity) {
        this(dir, similarity, PASSAGE_FORMAT);
    }

    /** {@code passageFormat}: what this process's ingest writes (tests open an index as an older server would). */
    GuidelineIndex(Path dir, BM25Similarity similarity, int passageFormat) {
        this.similarity = similarity;
        this.passageFormat = passageFormat;
        try {
            Files.createDirectories(dir);
            this.directory = FSDirectory.open(dir);
            Analyzer text = ClinicalAnalyzers.index();
            this.analyzer = new PerFieldAnalyzerWrapper(text);
            open();
            this.documents = loadRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
    }

    private void open() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(similarity)
                .setRAMBufferSizeMB(64);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
    }

    /** Every document version the index holds, by {@link GuidelineDocument#key()}. */
    public Map<String, GuidelineDocument> documents() {
        return documents;
    }

    /** The stored document with these bytes, unless an older ingest format made its passages. */
    public Optional<GuidelineDocument> byContentHash(String hash) {
        return documents.values().stream().filter(d -> hash.equals(d.contentHash()) && !outdated.contains(d.key())).findFirst();
    }

    /** Stored documents with these bytes whose passages an older ingest format made: ingesting them again replaces them. */
    public List<GuidelineDocument> outdated(String hash) {
        return documents.values().stream().filter(d -> hash.equals(d.contentHash()) && outdated.contains(d.key())).toList();
    }

    /** How many stored documents still have passages from an older ingest format. */
    public int outdatedCount() {
        return outdated.size();
    }

    public List<GuidelineDocument> versions(String documentId) {
        return documents.values().stream().filter(d -> d.documentId().equals(documentId))
                .sorted(Comparator.comparing(GuidelineDocument::ingestedAt)).toList();
    }

    /**
     * Stores one document version (replacing the same version if present) and the new status of its siblings,
     * atomically. {@code vectors} are parallel to {@code passages}; {@code titleForSearch} is indexed with each.
     */
    public synchronized void put(GuidelineDocument document, List<Passage> passages, List<float[]> vectors,
                                 Collection<GuidelineDocument> statusChanges) {
        put(document, passages, vectors, statusChanges, List.of());
    }

    /** As above, also removing {@code replaced}: the same bytes stored under an older ingest format. */
    public synchronized void put(GuidelineDocument document, List<Passage> passages, List<float[]> vectors,
                                 Collection<GuidelineDocument> statusChanges, Collection<GuidelineDocument> replaced) {
        List<GuidelineDocument> removed = replaced.stream().filter(r -> !r.key().equals(document.key())).toList();
        try {
            for (GuidelineDocument r : removed) {
                writer.deleteDocuments(new Term(PassageFields.DOC_KEY, r.key()), new Term(PassageFields.RECORD_KEY, r.key()));
            }
            write(new Entry(document, passages, vectors));
            for (GuidelineDocument sibling : statusChanges) {
                // a status change rewrites only the record: its passages keep the format they were made with
                writer.updateDocument(new Term(PassageFields.RECORD_KEY, sibling.key()),
                        record(sibling, outdated.contains(sibling.key()) ? 1 : passageFormat));
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new IndexWriteException("storing the document failed; nothing was changed", e);
        }
        List<GuidelineDocument> stored = new java.util.ArrayList<>(statusChanges);
        stored.add(document);
        forgetOutdated(List.of(document));
        forgetOutdated(replaced);
        refresh(stored, removed);
    }

    /** One document version with its passages and their vectors (parallel lists), for {@link #putAll}. */
    public record Entry(GuidelineDocument document, List<Passage> passages, List<float[]> vectors) {
    }

    /**
     * Stores many independent document versions (a benchmark corpus) in one commit: all or nothing. Same field
     * layout as {@link #put}, but one commit and one refresh instead of thousands; no sibling statuses change.
     */
    public synchronized void putAll(Collection<Entry> entries) {
        try {
            for (Entry entry : entries) {
                write(entry);
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new IndexWriteException("storing the documents failed; nothing was changed", e);
        }
        refresh(entries.stream().map(Entry::document).toList(), List.of());
    }

    private void write(Entry entry) throws IOException {
        GuidelineDocument document = entry.document();
        writer.deleteDocuments(new Term(PassageFields.DOC_KEY, document.key()));
        writer.updateDocument(new Term(PassageFields.RECORD_KEY, document.key()), record(document, passageFormat));
        for (int i = 0; i < entry.passages().size(); i++) {
            writer.addDocument(passageDocument(document, entry.passages().get(i), entry.vectors().get(i)));
        }
    }

    /** Removes every version of a document and its passages, atomically. */
    public synchronized boolean delete(String documentId) {
        if (versions(documentId).isEmpty()) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(PassageFields.DOCUMENT_ID, documentId));
            writer.commit();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new IndexWriteException("deleting the document failed; nothing was changed", e);
        }
        List<GuidelineDocument> removed = versions(documentId);
        forgetOutdated(removed);
        refresh(List.of(), removed);
        return true;
    }

    /** Runs a read against a fresh searcher and releases it. */
    public <T> T search(Function<IndexSearcher, T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Passage> passage(String passageId) {
        return search(searcher -> {
            try {
                TopDocs hits = searcher.search(new TermQuery(new Term(PassageFields.PASSAGE_ID, passageId)), 1);
                return hits.scoreDocs.length == 0 ? Optional.empty()
                        : Optional.of(toPassage(searcher.storedFields().document(hits.scoreDocs[0].doc)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public List<Passage> passages(String docKey) {
        return search(searcher -> {
            try {
                TopDocs hits = searcher.search(new TermQuery(new Term(PassageFields.DOC_KEY, docKey)), 100_000);
                StoredFields stored = searcher.storedFields();
                List<Passage> out = new java.util.ArrayList<>();
                for (ScoreDoc hit : hits.scoreDocs) {
                    out.add(toPassage(stored.document(hit.doc)));
                }
                out.sort(Comparator.comparingInt(Passage::ordinal));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public int passageCount() {
        return search(searcher -> {
            try {
                return searcher.count(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Passage toPassage(Document doc) {
        StoredField page = (StoredField) doc.getField(PassageFields.PAGE);
        return new Passage(doc.get(PassageFields.PASSAGE_ID), doc.get(PassageFields.DOCUMENT_ID),
                doc.get(PassageFields.VERSION), doc.getField(PassageFields.ORDINAL).numericValue().intValue(),
                doc.get(PassageFields.SECTION), doc.get(PassageFields.SECTION_PATH),
                page == null ? null : page.numericValue().intValue(), doc.get(PassageFields.BODY),
                doc.getField(PassageFields.INSTRUCTION_LIKE) != null);
    }

    public static float[] storedVector(Document doc) {
        BytesRef bytes = doc.getBinaryValue(PassageFields.VECTOR_STORED);
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static Document passageDocument(GuidelineDocument owner, Passage p, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(PassageFields.KIND, PassageFields.KIND_PASSAGE, Field.Store.NO));
        doc.add(new StringField(PassageFields.PASSAGE_ID, p.passageId(), Field.Store.YES));
        doc.add(new StringField(PassageFields.DOC_KEY, owner.key(), Field.Store.YES));
        doc.add(new StringField(PassageFields.DOCUMENT_ID, owner.documentId(), Field.Store.YES));
        doc.add(new StoredField(PassageFields.VERSION, owner.version()));
        doc.add(new StoredField(PassageFields.ORDINAL, p.ordinal()));
        if (p.section() != null) {
            doc.add(new StoredField(PassageFields.SECTION, p.section()));
        }
        if (p.sectionPath() != null) {
            doc.add(new TextField(PassageFields.SECTION_PATH, p.sectionPath(), Field.Store.YES));
        }
        doc.add(new TextField(PassageFields.TITLE, owner.title(), Field.Store.NO));
        if (p.page() != null) {
            doc.add(new StoredField(PassageFields.PAGE, p.page()));
        }
        doc.add(new TextField(PassageFields.BODY, p.text(), Field.Store.YES));
        if (p.instructionLike()) {
            doc.add(new StoredField(PassageFields.INSTRUCTION_LIKE, 1));
        }
        doc.add(new StringField(PassageFields.AUDIENCE, owner.audience().wire(), Field.Store.NO));
        for (String tag : owner.tags()) {
            doc.add(new StringField(PassageFields.TAGS, tag.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        doc.add(new KnnFloatVectorField(PassageFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        doc.add(new StoredField(PassageFields.VECTOR_STORED, bytes.array()));
        return doc;
    }

    private static Document record(GuidelineDocument document, int format) {
        Document doc = new Document();
        doc.add(new StoredField(PassageFields.PASSAGE_FORMAT, format));
        doc.add(new StringField(PassageFields.KIND, PassageFields.KIND_DOCUMENT, Field.Store.NO));
        doc.add(new StringField(PassageFields.RECORD_KEY, document.key(), Field.Store.YES));
        doc.add(new StringField(PassageFields.DOCUMENT_ID, document.documentId(), Field.Store.NO));
        try {
            doc.add(new StoredField(PassageFields.RECORD_JSON, JSON.writeValueAsString(document)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return doc;
    }

    /** Reads the records through the searcher manager's reader, just opened with the writer: one reader, not two. */
    private Map<String, GuidelineDocument> loadRecords() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_DOCUMENT)), Integer.MAX_VALUE);
            Map<String, GuidelineDocument> out = new LinkedHashMap<>();
            Set<String> older = new java.util.HashSet<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : hits.scoreDocs) {
                Document record = stored.document(hit.doc);
                GuidelineDocument d = JSON.readValue(record.get(PassageFields.RECORD_JSON), GuidelineDocument.class);
                out.put(d.key(), d);
                StoredField format = (StoredField) record.getField(PassageFields.PASSAGE_FORMAT);
                if ((format == null ? 1 : format.numericValue().intValue()) < passageFormat) {
                    older.add(d.key());
                }
            }
            outdated = Set.copyOf(older);
            return java.util.Collections.unmodifiableMap(out);
        } finally {
            searchers.release(searcher);
        }
    }

    /** These versions were just written or removed: none of them is outdated any more. */
    private void forgetOutdated(Collection<GuidelineDocument> written) {
        Set<String> keys = new java.util.HashSet<>(outdated);
        written.forEach(d -> keys.remove(d.key()));
        outdated = Set.copyOf(keys);
    }

    /**
     * After a commit: searches see it, and the record map takes the committed changes. The map is updated in place
     * rather than re-read, which would cost a pass over every record per ingest (quadratic in a large folder).
     */
    private void refresh(Collection<GuidelineDocument> stored, Collection<GuidelineDocument> removed) {
        Map<String, GuidelineDocument> next = new LinkedHashMap<>(documents);
        removed.forEach(d -> next.remove(d.key()));
        stored.forEach(d -> next.put(d.key(), d));
        documents = java.util.Collections.unmodifiableMap(next);
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a failed write: drop what was not committed by reopening at the last commit. */
    private void discardUncommitted() {
        try {
            searchers.close();
            writer.rollback();
            open();
            documents = loadRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("the index could not be reopened after a failed write", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
