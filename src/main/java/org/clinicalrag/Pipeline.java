package org.clinicalrag;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.clinicalrag.answer.Answerer;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.answer.ChatEndpoint;
import org.clinicalrag.answer.CitationVerifier;
import org.clinicalrag.answer.ConversationCondenser;
import org.clinicalrag.answer.GenerativeAnswerer;
import org.clinicalrag.answer.ModelCondenser;
import org.clinicalrag.answer.QuestionCondenser;
import org.clinicalrag.answer.ExtractiveAnswerer;
import org.clinicalrag.answer.PatientHandoff;
import org.clinicalrag.answer.CorpusVocabulary;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.index.ClinicalAnalyzers;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.GuidelineLibrary;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.index.PassageFields;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.TikaDocumentParser;
import org.clinicalrag.ingest.WordPieces;
import org.clinicalrag.retrieve.Bm25Retriever;
import org.clinicalrag.retrieve.DenseRetriever;
import org.clinicalrag.retrieve.HybridRetriever;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.RuleBasedDeidentifier;
import org.clinicalrag.safety.UnknownWordMask;
import java.util.function.UnaryOperator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole pipeline wired from one {@link RagConfig}: the server, the evaluation runners and the benchmarks all
 * build it here, so they measure exactly what is served.
 */
public final class Pipeline implements Closeable {

    private final GuidelineIndex index;
    private final PassageEmbedder embedder;
    private final GuidelineLibrary library;
    private final RetrievalService retrieval;
    private final AskService ask;
    private final Deidentifier deidentifier;
    private final UnaryOperator<String> outbound;
    private final String answerer;
    private final RagConfig.Retrieval retrievalConfig;
    private final Bm25Retriever bm25;
    private final DenseRetriever dense;

    public Pipeline(RagConfig config, PassageEmbedder embedder, Clock clock) {
        // the de-identification word lists take a few tenths of a second CPU to load: that happens beside opening
        // the index and hashing the guidelines folder (the server starts it even earlier), not after them
        java.util.concurrent.CompletableFuture<RuleBasedDeidentifier> rules =
                java.util.concurrent.CompletableFuture.supplyAsync(RuleBasedDeidentifier::shared);
        this.deidentifier = text -> rules.join().deidentify(text);
        java.util.concurrent.CompletableFuture<UnknownWordMask> unknownWords = rules.thenApplyAsync(
                r -> UnknownWordMask.beside(r, this::inGuidelines));
        this.outbound = text -> unknownWords.join().mask(text);
        this.embedder = embedder;
        this.index = new GuidelineIndex(config.dataDir().resolve("index"),
                new BM25Similarity(config.retrieval().bm25K1(), config.retrieval().bm25B()));
        this.library = new GuidelineLibrary(index, new TikaDocumentParser(), new PassageChunker(config), embedder, clock);
        Analyzer query = ClinicalAnalyzers.query();
        this.retrievalConfig = config.retrieval();
        this.bm25 = new Bm25Retriever(index, query, retrievalConfig.sectionWeight(), retrievalConfig.titleWeight());
        this.dense = new DenseRetriever(index);
        HybridRetriever hybrid = hybrid(HybridRetriever.Fusion.valueOf(retrievalConfig.fusion().toUpperCase(Locale.ROOT)),
                retrievalConfig.rrfK(), retrievalConfig.denseWeight());
        this.retrieval = new RetrievalService(index, embedder, bm25, dense, hybrid);
        RagConfig.Answering a = config.answering();
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(ClinicalAnalyzers.index(), query, vocabulary(), WordPieces::count,
                new ExtractiveAnswerer.Calibration(a.minCoverage(), a.minSimilarity(), a.maxSentences(), a.evidencePassages()),
                clock);
        Optional<ChatEndpoint> model = ChatEndpoint.from(config.llm());
        Optional<Answerer> generative = model.map(m -> new GenerativeAnswerer(m, extractive, extractive, new CitationVerifier(),
                config.llm().passages(), config.llm().unverified().equalsIgnoreCase("warn"), clock));
        QuestionCondenser condenser = model.<QuestionCondenser>map(m -> new ModelCondenser(m, config.limits().maxQuestionChars()))
                .orElse(ConversationCondenser::standalone);
        this.answerer = model.map(ChatEndpoint::name).orElse(ExtractiveAnswerer.NAME);
        this.ask = new AskService(retrieval, extractive, generative, condenser, deidentifier, outbound,
                new PatientHandoff(config.handoff().rulesFile()));
    }

    /** Whether every term the index analyzer makes of a word occurs in the guidelines' text. */
    private boolean inGuidelines(String word) {
        CorpusVocabulary vocabulary = vocabulary();
        return ClinicalAnalyzers.terms(ClinicalAnalyzers.index(), word).stream().allMatch(t -> vocabulary.documentFrequency(t) > 0);
    }

    /** The body field's vocabulary, read from the current searcher. */
    private CorpusVocabulary vocabulary() {
        return new CorpusVocabulary() {
            @Override
            public long documentFrequency(String term) {
                return read(reader -> (long) reader.docFreq(new Term(PassageFields.BODY, term)));
            }

            @Override
            public long passages() {
                return read(reader -> (long) reader.getDocCount(PassageFields.BODY));
            }

            @Override
            public boolean hasTermStartingWith(String prefix) {
                return read(reader -> {
                    Terms terms = MultiTerms.getTerms(reader, PassageFields.BODY);
                    if (terms == null) {
                        return false;
                    }
                    TermsEnum it = terms.iterator();
                    return it.seekCeil(new BytesRef(prefix)) != TermsEnum.SeekStatus.END
                            && it.term().utf8ToString().startsWith(prefix);
                });
            }
        };
    }

    private interface ReaderRead<T> {
        T apply(IndexReader reader) throws IOException;
    }

    private <T> T read(ReaderRead<T> read) {
        return index.search(searcher -> {
            try {
                return read.apply(searcher.getIndexReader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public GuidelineIndex index() {
        return index;
    }

    public PassageEmbedder embedder() {
        return embedder;
    }

    public GuidelineLibrary library() {
        return library;
    }

    public RetrievalService retrieval() {
        return retrieval;
    }

    public Deidentifier deidentifier() {
        return deidentifier;
    }

    /**
     * The pass over de-identified text that is about to be stored or sent to a model: words no vocabulary of the
     * server knows are masked (see {@link UnknownWordMask}).
     */
    public UnaryOperator<String> outbound() {
        return outbound;
    }

    /** The served BM25 retriever. */
    public Bm25Retriever bm25() {
        return bm25;
    }

    /** The served dense retriever. */
    public DenseRetriever dense() {
        return dense;
    }

    /** A hybrid of the served BM25 and dense retrievers with the given fusion (benchmarks compare several). */
    public HybridRetriever hybrid(HybridRetriever.Fusion fusion, int rrfK, double denseWeight) {
        return new HybridRetriever(bm25, dense, fusion, retrievalConfig.candidates(), rrfK, denseWeight);
    }

    public AskService ask() {
        return ask;
    }

    /** What writes answers in auto mode: {@code provider:model}, or {@code extractive}. */
    public String answerer() {
        return answerer;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

}
