package org.clinicalrag.retrieve;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.clinicalrag.index.PassageFields;
import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which passages a caller may retrieve: by reader audience, document ids, tags, and whether superseded versions
 * may appear at all. Withdrawn documents never appear. Status lives on the document records, so the filter is
 * built against the current set of document versions at query time.
 */
public record SearchFilter(Audience reader, Set<String> documentIds, Set<String> tags, boolean includeSuperseded) {

    public static final SearchFilter CLINICIAN_CURRENT = new SearchFilter(Audience.CLINICIAN, Set.of(), Set.of(), false);

    public SearchFilter {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        reader = reader == null ? Audience.CLINICIAN : reader;
    }

    public Query toQuery(Collection<GuidelineDocument> documents) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageFields.KIND, PassageFields.KIND_PASSAGE)), BooleanClause.Occur.FILTER);
        List<BytesRef> allowed = documents.stream()
                .filter(d -> d.status() == DocumentStatus.CURRENT || (includeSuperseded && d.status() == DocumentStatus.SUPERSEDED))
                .filter(d -> reader.maySee(d.audience()))
                .map(d -> new BytesRef(d.key())).toList();
        b.add(new TermInSetQuery(PassageFields.DOC_KEY, allowed), BooleanClause.Occur.FILTER);
        if (!documentIds.isEmpty()) {
            b.add(new TermInSetQuery(PassageFields.DOCUMENT_ID, documentIds.stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        if (!tags.isEmpty()) {
            b.add(new TermInSetQuery(PassageFields.TAGS, tags.stream().map(t -> new BytesRef(t.toLowerCase(Locale.ROOT))).toList()),
                    BooleanClause.Occur.FILTER);
        }
        return b.build();
    }
}
