package org.clinicalrag.index;

/** Lucene field names, shared by the writer and the retrievers. */
public final class PassageFields {
    public static final String KIND = "kind";
    public static final String KIND_PASSAGE = "passage";
    public static final String KIND_DOCUMENT = "document";

    public static final String PASSAGE_ID = "passageId";
    public static final String DOC_KEY = "docKey";
    public static final String DOCUMENT_ID = "documentId";
    public static final String VERSION = "version";
    public static final String ORDINAL = "ordinal";
    public static final String SECTION = "section";
    public static final String SECTION_PATH = "sectionPath";
    public static final String TITLE = "title";
    public static final String PAGE = "page";
    public static final String BODY = "body";
    public static final String AUDIENCE = "audience";
    public static final String TAGS = "tags";
    public static final String VECTOR = "vector";
    public static final String VECTOR_STORED = "vectorStored";
    public static final String INSTRUCTION_LIKE = "instructionLike";

    /** Document records: one per document version, holding its metadata as JSON. */
    public static final String RECORD_KEY = "recordKey";
    public static final String RECORD_JSON = "recordJson";
    /** Which {@link GuidelineIndex#PASSAGE_FORMAT} produced a document's passages (absent: format 1). */
    public static final String PASSAGE_FORMAT = "passageFormat";

    private PassageFields() {
    }
}
