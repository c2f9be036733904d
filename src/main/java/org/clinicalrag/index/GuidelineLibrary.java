package org.clinicalrag.index;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentMetadata;
import org.clinicalrag.ingest.DocumentParser;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.ParsedDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.TextBlock;
import org.clinicalrag.ingest.TextMetadataReader;
import org.clinicalrag.ingest.UnreadableDocumentException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The document collection: parse → metadata → passages → embeddings → one atomic commit. Decides identity
 * (which uploads are versions of one document) and status (the newest version is current, the others superseded).
 * Ingests run one at a time; identical bytes are recognised by their hash and never parsed or embedded again.
 */
public class GuidelineLibrary {

    private static final Pattern PATIENT_LEAFLET = Pattern.compile(
            "(?i)\\b(patient information|information for patients|patient leaflet|patient guide|for patients and (carers|families))\\b");
    private static final Pattern UNHELPFUL_TITLE = Pattern.compile("(?i)^(untitled.*|document\\d*|microsoft word.*|.*\\.(docx?|pdf|txt|html?|md))$");

    private final GuidelineIndex index;
    private final DocumentParser parser;
    private final PassageChunker chunker;
    private final PassageEmbedder embedder;
    private final Clock clock;

    public GuidelineLibrary(GuidelineIndex index, DocumentParser parser, PassageChunker chunker,
                            PassageEmbedder embedder, Clock clock) {
        this.index = index;
        this.parser = parser;
        this.chunker = chunker;
        this.embedder = embedder;
        this.clock = clock;
    }

    public GuidelineIndex index() {
        return index;
    }

    /**
     * Ingests one file. Metadata sources in order of authority: {@code upload} (the request), {@code sidecar}
     * ({@code <file>.meta.json}), then the document's own properties, then its text.
     */
    public synchronized IngestResult ingest(byte[] content, String fileName, DocumentMetadata upload, DocumentMetadata sidecar) {
        String hash = sha256(content);
        Optional<GuidelineDocument> known = index.byContentHash(hash);
        if (known.isPresent()) {
            return new IngestResult(known.get(), true);
        }
        ParsedDocument parsed = parser.parse(content, fileName);
        String text = parsed.text();
        DocumentMetadata meta = orEmpty(upload).orElse(sidecar).orElse(parsed.properties()).orElse(TextMetadataReader.read(text));

        String title = title(meta, parsed, fileName);
        String documentId = meta.documentId() != null ? DocumentIdentity.slug(meta.documentId())
                : sameTitle(title).orElse(DocumentIdentity.fromFileName(fileName));
        String version = meta.version() != null ? meta.version().strip().replaceFirst("^[vV]", "")
                : meta.effectiveDate() != null ? meta.effectiveDate().toString() : "1";
        Audience audience = Optional.ofNullable(Audience.parse(meta.audience()))
                .orElse(PATIENT_LEAFLET.matcher(title + "\n" + head(text)).find() ? Audience.PATIENT : Audience.CLINICIAN);
        DocumentStatus declared = DocumentStatus.parse(meta.status());
        String supersedes = meta.supersedes() == null ? null
                : meta.supersedes().contains("@") ? meta.supersedes() : GuidelineDocument.key(documentId, meta.supersedes().replaceFirst("^[vV]", ""));

        List<Passage> passages = chunker.chunk(documentId, version, title, parsed.blocks());
        if (passages.isEmpty()) {
            throw new UnreadableDocumentException("The document has headings but no text to answer from.");
        }
        List<float[]> vectors = embedder.embedAll(passages.stream().map(p -> embeddingText(title, p)).toList());

        GuidelineDocument document = new GuidelineDocument(documentId, title, version, meta.effectiveDate(),
                meta.reviewDate(), declared == null ? DocumentStatus.CURRENT : declared, supersedes, audience,
                meta.tags(), fileName, hash, passages.size(), parsed.pageCount(), Instant.now(clock));
        List<GuidelineDocument> siblings = index.versions(documentId).stream()
                .filter(d -> !d.version().equals(version)).toList();
        List<GuidelineDocument> settled = settleStatuses(document, siblings, declared != null);
        GuidelineDocument stored = settled.getFirst();
        List<GuidelineDocument> changed = settled.subList(1, settled.size()).stream()
                .filter(d -> siblings.stream().anyMatch(s -> s.key().equals(d.key()) && s.status() != d.status()))
                .toList();
        index.put(stored, passages, vectors, changed);
        return new IngestResult(stored, false);
    }

    public boolean delete(String documentId) {
        synchronized (this) {
            return index.delete(documentId);
        }
    }

    /** The text embedded for a passage: its document title and section give the vector context the text lacks. */
    public static String embeddingText(String title, Passage p) {
        return title + (p.sectionPath() == null || p.sectionPath().isBlank() ? "" : "\n" + p.sectionPath()) + "\n" + p.text();
    }

    /**
     * The newest version (by effective date, then version number, then arrival) is current; older ones are
     * superseded; an explicitly withdrawn or superseded version keeps its status. Returns the new document first.
     */
    static List<GuidelineDocument> settleStatuses(GuidelineDocument incoming, List<GuidelineDocument> siblings, boolean declared) {
        List<GuidelineDocument> all = new ArrayList<>(siblings);
        all.add(incoming);
        Comparator<GuidelineDocument> newestFirst = Comparator
                .comparing(GuidelineDocument::effectiveDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(GuidelineDocument::version, DocumentIdentity::compareVersions)
                .thenComparing(GuidelineDocument::ingestedAt).reversed();
        List<GuidelineDocument> candidates = all.stream()
                .filter(d -> d.status() != DocumentStatus.WITHDRAWN)
                .filter(d -> !(d == incoming && declared && d.status() == DocumentStatus.SUPERSEDED))
                .filter(d -> all.stream().noneMatch(o -> d.key().equals(o.supersedes())))
                .sorted(newestFirst).toList();
        GuidelineDocument current = candidates.isEmpty() ? null : candidates.getFirst();
        List<GuidelineDocument> out = new ArrayList<>();
        for (GuidelineDocument d : all) {
            DocumentStatus status = d.status() == DocumentStatus.WITHDRAWN ? DocumentStatus.WITHDRAWN
                    : d == current ? DocumentStatus.CURRENT : DocumentStatus.SUPERSEDED;
            GuidelineDocument settled = d.withStatus(status);
            if (d == incoming) {
                out.addFirst(settled);
            } else {
                out.add(settled);
            }
        }
        return out;
    }

    private Optional<String> sameTitle(String title) {
        String key = DocumentIdentity.titleKey(title);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return index.documents().values().stream().filter(d -> DocumentIdentity.titleKey(d.title()).equals(key))
                .map(GuidelineDocument::documentId).findFirst();
    }

    private static String title(DocumentMetadata meta, ParsedDocument parsed, String fileName) {
        if (meta.title() != null && !UNHELPFUL_TITLE.matcher(meta.title().strip()).matches()) {
            return meta.title().strip();
        }
        // Plain text has no title markup: a short first line that is not a sentence is the title.
        TextBlock first = parsed.blocks().getFirst();
        if (first.kind() == TextBlock.Kind.HEADING || (first.text().split(" ").length <= 20 && !first.text().endsWith("."))) {
            return first.text();
        }
        return parsed.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.HEADING).map(TextBlock::text)
                .findFirst()
                .orElseGet(() -> parsed.blocks().stream().map(TextBlock::text).filter(Objects::nonNull)
                        .filter(t -> t.length() <= 120).findFirst()
                        .orElse(fileName == null ? "Untitled document" : fileName.replaceFirst("\\.[^.]+$", "")));
    }

    private static String head(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) : text;
    }

    private static DocumentMetadata orEmpty(DocumentMetadata m) {
        return m == null ? DocumentMetadata.EMPTY : m;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shown in logs instead of a file name that could carry an identifier: the hash prefix is enough to trace. */
    public static String traceId(String contentHash) {
        return contentHash.substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
