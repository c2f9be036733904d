package org.clinicalrag.index;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentMetadata;
import org.clinicalrag.ingest.DocumentParser;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.ParsedDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.ScopeExclusions;
import org.clinicalrag.ingest.Sha256;
import org.clinicalrag.ingest.TextBlock;
import org.clinicalrag.ingest.TextMetadataReader;
import org.clinicalrag.ingest.UnreadableDocumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
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
    private final Object prepareLock = new Object();

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
    public IngestResult ingest(byte[] content, String fileName, DocumentMetadata upload, DocumentMetadata sidecar) {
        PreparedDocument prepared = prepare(content, fileName, upload, sidecar);
        return prepared.known() != null ? new IngestResult(prepared.known(), true) : commit(prepared, embed(prepared));
    }

    /**
     * Ingests a folder's files with the three stages overlapped: the next files are parsed and chunked while earlier
     * ones are embedded, and each is committed (in order, so identity and status decisions see the files before it)
     * while later ones embed. Embedding is the cost floor; this keeps the model busy instead of waiting for Tika and
     * for each commit. Every file is still all-or-nothing, and one failure never stops the others.
     */
    public List<FileOutcome> ingestFiles(List<Path> files, Function<Path, DocumentMetadata> sidecars) {
        ExecutorService preparer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-parse").daemon().factory());
        ExecutorService embedding = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("ingest-embed-", 1).daemon().factory());
        ExecutorService committer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-commit").daemon().factory());
        try {
            List<CompletableFuture<FileOutcome>> outcomes = new ArrayList<>();
            CompletableFuture<?> previousCommit = CompletableFuture.completedFuture(null);
            for (int i = 0; i < files.size(); i++) {
                if (i >= FILES_IN_FLIGHT) {
                    outcomes.get(i - FILES_IN_FLIGHT).join(); // bounds memory: parsed text waits for at most a few files
                }
                Path file = files.get(i);
                CompletableFuture<PreparedDocument> prepared = CompletableFuture.supplyAsync(
                        () -> prepare(read(file), file.getFileName().toString(), null, sidecars.apply(file)), preparer);
                CompletableFuture<List<float[]>> vectors = prepared.thenApplyAsync(
                        p -> p.known() != null ? List.<float[]>of() : embed(p), embedding);
                CompletableFuture<IngestResult> committed = previousCommit.handle((result, failure) -> null)
                        .thenCombine(vectors, (ignored, v) -> v)
                        .thenApplyAsync(v -> prepared.join().known() != null
                                ? new IngestResult(prepared.join().known(), true) : commit(prepared.join(), v), committer);
                previousCommit = committed;
                outcomes.add(committed.handle((result, failure) -> new FileOutcome(file, result,
                        failure == null ? null : rootCause(failure))));
            }
            return outcomes.stream().map(CompletableFuture::join).toList();
        } finally {
            preparer.shutdownNow();
            embedding.shutdownNow();
            committer.shutdownNow();
        }
    }

    /** Files parsed or embedded ahead of the one being committed. */
    private static final int FILES_IN_FLIGHT = 4;

    /** One file of a folder ingest: its result, or the reason it was skipped. */
    public record FileOutcome(Path file, IngestResult result, Throwable failure) {
    }

    /**
     * Everything about an upload that needs no index state: parsed, its metadata read, chunked. {@code known} is the
     * stored version when identical bytes were ingested before (then nothing else is filled).
     */
    record PreparedDocument(GuidelineDocument known, String hash, String fileName, DocumentMetadata meta, String title,
                            String provisionalId, String version, Audience audience, DocumentStatus declared,
                            List<Passage> passages, Integer pageCount, List<String> scopeExclusions, int authority) {
    }

    private PreparedDocument prepare(byte[] content, String fileName, DocumentMetadata upload, DocumentMetadata sidecar) {
        String hash = Sha256.hex(content);
        Optional<GuidelineDocument> known = index.byContentHash(hash);
        if (known.isPresent()) {
            return new PreparedDocument(known.get(), hash, fileName, null, null, null, null, null, null, null, null, null, 0);
        }
        synchronized (prepareLock) { // Tika and the tokenizer are shared; parsing is single-threaded work anyway
            ParsedDocument parsed = parser.parse(content, fileName);
            String text = parsed.text();
            DocumentMetadata meta = orEmpty(upload).orElse(sidecar).orElse(parsed.properties()).orElse(TextMetadataReader.read(text));
            String title = title(meta, parsed, fileName);
            // the final id may come from a stored document with the same title, known only at commit
            String provisionalId = meta.documentId() != null ? DocumentIdentity.slug(meta.documentId()) : DocumentIdentity.fromFileName(fileName);
            String version = meta.version() != null ? meta.version().strip().replaceFirst("^[vV]", "")
                    : meta.effectiveDate() != null ? meta.effectiveDate().toString() : "1";
            Audience audience = Optional.ofNullable(Audience.parse(meta.audience()))
                    .orElse(PATIENT_LEAFLET.matcher(title + "\n" + head(text)).find() ? Audience.PATIENT : Audience.CLINICIAN);
            List<Passage> passages = chunker.chunk(provisionalId, version, title, parsed.blocks());
            if (passages.isEmpty()) {
                throw new UnreadableDocumentException("The document has headings but no text to answer from.");
            }
            return new PreparedDocument(null, hash, fileName, meta, title, provisionalId, version, audience,
                    DocumentStatus.parse(meta.status()), passages, parsed.pageCount(), ScopeExclusions.find(text),
                    authority(title, meta.tags(), head(text)));
        }
    }

    private List<float[]> embed(PreparedDocument p) {
        return embedder.embedAll(p.passages().stream().map(passage -> embeddingText(p.title(), passage)).toList());
    }

    /** Decides identity and status against what is stored now, and writes the version in one commit. */
    private synchronized IngestResult commit(PreparedDocument p, List<float[]> vectors) {
        Optional<GuidelineDocument> known = index.byContentHash(p.hash()); // the same bytes may have arrived meanwhile
        if (known.isPresent()) {
            return new IngestResult(known.get(), true);
        }
        DocumentMetadata meta = p.meta();
        List<GuidelineDocument> outdated = index.outdated(p.hash()); // the same bytes, parsed by an older ingest
        String documentId = meta.documentId() != null ? p.provisionalId()
                : !outdated.isEmpty() ? outdated.getFirst().documentId() // re-parsing keeps the id clients cite
                : sameTitle(p.title()).orElse(p.provisionalId());
        String version = p.version();
        List<Passage> passages = documentId.equals(p.provisionalId()) ? p.passages()
                : p.passages().stream().map(passage -> passage.ofDocument(documentId)).toList();
        String supersedes = meta.supersedes() == null ? null
                : meta.supersedes().contains("@") ? meta.supersedes() : GuidelineDocument.key(documentId, meta.supersedes().replaceFirst("^[vV]", ""));
        DocumentStatus declared = p.declared();
        GuidelineDocument document = new GuidelineDocument(documentId, p.title(), version, meta.effectiveDate(),
                meta.reviewDate(), declared == null ? DocumentStatus.CURRENT : declared, supersedes, p.audience(),
                meta.tags(), p.fileName(), p.hash(), passages.size(), p.pageCount(), Instant.now(clock),
                p.scopeExclusions(), p.authority());
        List<GuidelineDocument> siblings = index.versions(documentId).stream()
                .filter(d -> !d.version().equals(version) && outdated.stream().noneMatch(o -> o.key().equals(d.key())))
                .toList();
        List<GuidelineDocument> settled = settleStatuses(document, siblings, declared != null);
        GuidelineDocument stored = settled.getFirst();
        List<GuidelineDocument> changed = settled.subList(1, settled.size()).stream()
                .filter(d -> siblings.stream().anyMatch(s -> s.key().equals(d.key()) && s.status() != d.status()))
                .toList();
        index.put(stored, passages, vectors, changed, outdated);
        return new IngestResult(stored, false);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public synchronized boolean delete(String documentId) {
        return index.delete(documentId);
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

    static String title(DocumentMetadata meta, ParsedDocument parsed, String fileName) {
        if (meta.title() != null && !UNHELPFUL_TITLE.matcher(meta.title().strip()).matches()) {
            return meta.title().strip();
        }
        // Plain text has no title markup: a short first line that is not a sentence is the title. The parser keeps
        // that line apart from the next one; control fields printed on the same line are no part of it.
        TextBlock first = parsed.blocks().stream().filter(b -> !TextMetadataReader.isControlLine(b.text()))
                .findFirst().orElse(parsed.blocks().getFirst());
        String firstText = TextMetadataReader.beforeControlFields(first.text()).strip();
        if (!firstText.isEmpty() && (first.kind() == TextBlock.Kind.HEADING
                || (firstText.split(" ").length <= 20 && !firstText.endsWith(".")))) {
            return firstText;
        }
        return parsed.blocks().stream().filter(b -> b.kind() == TextBlock.Kind.HEADING).map(TextBlock::text)
                .findFirst()
                .orElseGet(() -> parsed.blocks().stream().map(TextBlock::text).filter(Objects::nonNull)
                        .filter(t -> t.length() <= 120 && !TextMetadataReader.isControlLine(t)).findFirst()
                        .orElse(fileName == null ? "Untitled document" : fileName.replaceFirst("\\.[^.]+$", "")));
    }

    private static final Pattern GUIDANCE = Pattern.compile(
            "(?i)\\b(protocol|guideline|guidance|policy|formulary|procedure|pathway|standard operating|sop|algorithm|bundle)\\b");
    private static final Pattern INFORMAL = Pattern.compile(
            "(?i)\\b(newsletter|bulletin|memo|note|notes|minutes|blog|email|e-mail|forum|draft|opinion|tips|faq|digest|update from)\\b");

    /** Approved guidance outranks patient information, which outranks newsletters and notes (by title, then tags). */
    static int authority(String title, List<String> tags, String head) {
        String named = title + " " + (tags == null ? "" : String.join(" ", tags));
        if (INFORMAL.matcher(named).find()) {
            return GuidelineDocument.AUTHORITY_INFORMAL;
        }
        if (GUIDANCE.matcher(named).find() || GUIDANCE.matcher(head.length() > 400 ? head.substring(0, 400) : head).find()) {
            return GuidelineDocument.AUTHORITY_GUIDANCE;
        }
        return GuidelineDocument.AUTHORITY_INFORMATION;
    }

    private static String head(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) : text;
    }

    private static DocumentMetadata orEmpty(DocumentMetadata m) {
        return m == null ? DocumentMetadata.EMPTY : m;
    }

    /** Shown in logs instead of a file name that could carry an identifier: the hash prefix is enough to trace. */
    public static String traceId(String contentHash) {
        return contentHash.substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
