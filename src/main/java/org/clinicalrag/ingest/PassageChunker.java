package org.clinicalrag.ingest;

import org.clinicalrag.config.RagConfig;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Groups a document's blocks into passages of at most {@code rag.chunking.max-tokens} model tokens that never cross
 * a section or a page, so that every citation names one section and one page. Table rows and list items are kept
 * whole; an over-long paragraph is split between sentences.
 *
 * <p>Text before the first heading (a title block, a preamble) is filed under the document title, so that a
 * citation always names a section and the reader finds the text where the title stands. Its {@code sectionPath} is
 * empty, as under a heading that repeats the title, because the title is searched and embedded on its own.
 * Document control lines ("Version 2.0 Effective date: 2026-05-01", "Approved by: …") are in no passage: the
 * metadata reader has read them already, and as evidence they would be quoted in answers.
 */
public class PassageChunker {

    private final int maxTokens;
    private final int overlapSentences;
    public PassageChunker(RagConfig config) {
        this(config.chunking().maxTokens(), config.chunking().overlapSentences());
    }

    /** {@code maxTokens} counts {@link WordPieces}, the units the embedding model truncates by. */
    public PassageChunker(int maxTokens, int overlapSentences) {
        this.maxTokens = maxTokens;
        this.overlapSentences = overlapSentences;
    }

    public List<Passage> chunk(String documentId, String version, String title, List<TextBlock> blocks) {
        List<Passage> passages = new ArrayList<>();
        List<String> headings = new ArrayList<>(); // index = level - 1
        List<String> units = new ArrayList<>();
        int unitTokens = 0;
        Integer unitPage = null;
        String section = title;
        String path = title == null ? null : "";
        for (TextBlock block : blocks) {
            if (block.kind() == TextBlock.Kind.PARAGRAPH && TextMetadataReader.isControlLine(block.text())) {
                continue;
            }
            if (block.kind() == TextBlock.Kind.HEADING) {
                emit(passages, documentId, version, section, path, unitPage, units);
                unitTokens = 0;
                int level = Math.max(1, block.headingLevel());
                while (headings.size() >= level) {
                    headings.removeLast();
                }
                while (headings.size() < level - 1) {
                    headings.add(null);
                }
                headings.add(block.text());
                section = block.text();
                path = String.join(" > ", headings.stream().filter(Objects::nonNull)
                        .filter(h -> !h.equalsIgnoreCase(title)).toList());
                continue;
            }
            if (!Objects.equals(block.page(), unitPage) && !units.isEmpty()) {
                emit(passages, documentId, version, section, path, unitPage, units);
                unitTokens = 0;
            }
            unitPage = block.page();
            for (Piece piece : pieces(block.text())) {
                if (unitTokens + piece.tokens() > maxTokens && !units.isEmpty()) {
                    List<String> carried = overlap(units);
                    emit(passages, documentId, version, section, path, unitPage, units);
                    units.addAll(carried);
                    unitTokens = carried.stream().mapToInt(WordPieces::count).sum();
                }
                units.add(piece.text());
                unitTokens += piece.tokens();
            }
            // a block boundary inside a passage is kept as a line break: table rows and list items stay one per line
            units.add("\n");
        }
        emit(passages, documentId, version, section, path, unitPage, units);
        return passages;
    }

    /** A span of a block with its size in word pieces, counted once (tokenizing is most of the chunker's cost). */
    private record Piece(String text, int tokens) {
    }

    /** The block itself when it fits, else its sentences (a sentence longer than the limit is cut by words). */
    private List<Piece> pieces(String text) {
        int tokens = WordPieces.count(text);
        if (tokens <= maxTokens) {
            return List.of(new Piece(text, tokens));
        }
        List<Piece> sentences = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            int sentenceTokens = WordPieces.count(sentence);
            if (sentenceTokens <= maxTokens) {
                sentences.add(new Piece(sentence, sentenceTokens));
            } else {
                byWords(sentence).forEach(part -> sentences.add(new Piece(part, WordPieces.count(part))));
            }
        }
        return sentences;
    }

    private List<String> byWords(String sentence) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String word : sentence.split(" ")) {
            if (!part.isEmpty() && WordPieces.count(part + " " + word) > maxTokens) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(part.isEmpty() ? "" : " ").append(word);
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private List<String> overlap(List<String> units) {
        List<String> content = units.stream().filter(u -> !u.equals("\n")).toList();
        return overlapSentences <= 0 ? List.of()
                : new ArrayList<>(content.subList(Math.max(0, content.size() - overlapSentences), content.size()));
    }

    private static void emit(List<Passage> out, String documentId, String version, String section, String path,
                             Integer page, List<String> units) {
        StringBuilder text = new StringBuilder();
        for (String unit : units) {
            if (unit.equals("\n")) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
                text.append(unit);
            }
        }
        units.clear();
        String body = text.toString().strip();
        if (body.isEmpty()) {
            return;
        }
        int ordinal = out.size() + 1;
        out.add(new Passage(Passage.id(documentId, version, ordinal), documentId, version, ordinal,
                section, path, page, body));
    }
}
