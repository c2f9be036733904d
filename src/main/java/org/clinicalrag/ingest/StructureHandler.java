package org.clinicalrag.ingest;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the XHTML that every Tika parser emits into {@link TextBlock}s: real headings (h1–h6), paragraphs and list
 * items, table rows flattened with their header cells, and the physical page of each block for PDFs (Tika marks
 * pages with {@code <div class="page">}). Text inside a paragraph is further split by {@link PlainTextStructure},
 * because PDFs and plain text files carry their headings as lines, not markup.
 *
 * <p>A PDF's text is held until its last page has been read: only then are its running headers and footers known
 * ({@link PageFurniture}). They are cut from the passages' text but kept, once each, for the metadata they often
 * state ({@link #furniture()}).
 */
final class StructureHandler extends DefaultHandler {

    private static final Set<String> BLOCK_ELEMENTS = Set.of("p", "li", "dd", "dt", "pre", "blockquote", "div",
            "address", "section", "article", "header", "footer", "caption", "figcaption", "ul", "ol", "dl", "body");
    private static final Set<String> IGNORED_ELEMENTS = Set.of("script", "style", "head", "title", "noscript");

    private final List<TextBlock> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final boolean paged;
    private Integer page;
    private int pages;
    private int ignoredDepth;
    private int headingLevel;
    private final StringBuilder heading = new StringBuilder();

    private int tableDepth;
    private List<TableRow> rows;
    private List<String> rowCells;
    private boolean rowHasHeaderCell;
    private StringBuilder cell;

    private record TableRow(List<String> cells, boolean header) {
    }

    /** PDF content in reading order before page furniture is removed: raw text, or a block that is already final. */
    private record Pending(Integer page, String text, TextBlock block) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final List<String> furniture = new ArrayList<>();

    StructureHandler(boolean paged) {
        this.paged = paged;
    }

    List<TextBlock> blocks() {
        flushText();
        if (!pending.isEmpty()) {
            removeFurniture();
            for (Pending p : pending) {
                if (p.block() != null) {
                    blocks.add(p.block());
                } else {
                    addText(p.text(), p.page());
                }
            }
            pending.clear();
        }
        return blocks;
    }

    /** Running headers and footers, each once, in the order first seen; empty for formats without pages. */
    List<String> furniture() {
        blocks();
        return furniture;
    }

    Integer pageCount() {
        return paged ? pages : null;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = localName.isEmpty() ? qName.toLowerCase(Locale.ROOT) : localName.toLowerCase(Locale.ROOT);
        if (IGNORED_ELEMENTS.contains(name)) {
            ignoredDepth++;
            return;
        }
        if (ignoredDepth > 0) {
            return;
        }
        if (paged && name.equals("div") && "page".equals(attributes.getValue("class"))) {
            flushText();
            pages++;
            page = pages;
            return;
        }
        if (tableDepth > 0) {
            startInTable(name);
            return;
        }
        if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            flushText();
            headingLevel = name.charAt(1) - '0';
            heading.setLength(0);
        } else if (name.equals("table")) {
            flushText();
            tableDepth = 1;
            rows = new ArrayList<>();
        } else if (name.equals("br")) {
            text.append('\n');
        } else if (BLOCK_ELEMENTS.contains(name)) {
            flushText();
        }
    }

    private void startInTable(String name) {
        switch (name) {
            case "table" -> tableDepth++;
            case "tr" -> {
                rowCells = new ArrayList<>();
                rowHasHeaderCell = false;
            }
            case "td", "th" -> {
                cell = new StringBuilder();
                rowHasHeaderCell |= name.equals("th");
            }
            case "p", "br", "li", "div" -> {
                if (cell != null) {
                    cell.append(' ');
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName.toLowerCase(Locale.ROOT) : localName.toLowerCase(Locale.ROOT);
        if (IGNORED_ELEMENTS.contains(name)) {
            ignoredDepth--;
            return;
        }
        if (ignoredDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            endInTable(name);
            return;
        }
        if (headingLevel > 0 && name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            String title = PlainTextStructure.clean(heading.toString());
            if (!title.isEmpty()) {
                add(TextBlock.heading(title, headingLevel, page));
            }
            headingLevel = 0;
        } else if (BLOCK_ELEMENTS.contains(name)) {
            flushText();
        }
    }

    private void endInTable(String name) {
        switch (name) {
            case "table" -> {
                if (--tableDepth == 0) {
                    emitTable();
                }
            }
            case "td", "th" -> {
                if (rowCells != null && cell != null) {
                    rowCells.add(PlainTextStructure.clean(cell.toString()));
                }
                cell = null;
            }
            case "tr" -> {
                if (rowCells != null && rowCells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(new TableRow(rowCells, rowHasHeaderCell));
                }
                rowCells = null;
            }
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (ignoredDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            if (cell != null) {
                cell.append(ch, start, length);
            }
        } else if (headingLevel > 0) {
            heading.append(ch, start, length);
        } else {
            text.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void add(TextBlock block) {
        if (paged) {
            pending.add(new Pending(page, null, block));
        } else {
            blocks.add(block);
        }
    }

    private void flushText() {
        if (text.isEmpty()) {
            return;
        }
        String raw = text.toString();
        text.setLength(0);
        if (paged) {
            pending.add(new Pending(page, raw, null));
        } else {
            addText(raw, page);
        }
    }

    private void addText(String raw, Integer page) {
        List<TextBlock> split = PlainTextStructure.split(raw, page, blocks.isEmpty());
        if (paged && !split.isEmpty() && !blocks.isEmpty() && continues(blocks.getLast(), split.getFirst())) {
            // PDF layout can cut one sentence into two paragraphs (or across a page): join it again
            TextBlock previous = blocks.removeLast();
            blocks.add(TextBlock.paragraph(previous.text() + " " + split.getFirst().text(), previous.page()));
            split = split.subList(1, split.size());
        }
        blocks.addAll(split);
    }

    /** Cuts the running headers, footers and page numbers out of the pending text of each page. */
    private void removeFurniture() {
        List<List<String>> pageLines = new ArrayList<>();
        List<List<int[]>> origins = new ArrayList<>(); // per page line: pending index, line index in that text
        List<String[]> split = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            String[] lines = p.text() == null ? new String[0] : p.text().split("\\R", -1);
            split.add(lines);
            if (p.page() == null) {
                continue;
            }
            while (pageLines.size() < p.page()) {
                pageLines.add(new ArrayList<>());
                origins.add(new ArrayList<>());
            }
            for (int l = 0; l < lines.length; l++) {
                String line = PlainTextStructure.clean(lines[l]);
                if (!line.isEmpty()) {
                    pageLines.get(p.page() - 1).add(line);
                    origins.get(p.page() - 1).add(new int[]{i, l});
                }
            }
        }
        List<boolean[]> marks = PageFurniture.find(pageLines);
        Set<String> seen = new HashSet<>();
        for (int pg = 0; pg < marks.size(); pg++) {
            for (int l = 0; l < marks.get(pg).length; l++) {
                if (marks.get(pg)[l]) {
                    int[] origin = origins.get(pg).get(l);
                    split.get(origin[0])[origin[1]] = null;
                    String line = pageLines.get(pg).get(l);
                    if (!PageFurniture.isPageNumber(line) && seen.add(PageFurniture.key(line))) {
                        furniture.add(line);
                    }
                }
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.text() != null) {
                pending.set(i, new Pending(p.page(), String.join("\n",
                        Arrays.stream(split.get(i)).filter(Objects::nonNull).toList()), null));
            }
        }
    }

    private static boolean continues(TextBlock previous, TextBlock next) {
        return previous.kind() == TextBlock.Kind.PARAGRAPH && next.kind() == TextBlock.Kind.PARAGRAPH
                && Character.isLowerCase(next.text().codePointAt(0))
                && !previous.text().endsWith(".") && !previous.text().endsWith(":");
    }

    /**
     * Each body row becomes "Header: cell; Header: cell" so that a row retrieved alone still says what its numbers
     * mean. The header is the first row, or the rows marked with th.
     */
    private void emitTable() {
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.getFirst().header() || rows.size() > 1 ? rows.getFirst().cells() : List.of();
        int bodyStart = header.isEmpty() ? 0 : 1;
        for (TableRow row : rows.subList(bodyStart, rows.size())) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                String value = row.cells().get(i);
                if (value.isEmpty()) {
                    continue;
                }
                String label = i < header.size() ? header.get(i) : "";
                parts.add(label.isEmpty() || label.equalsIgnoreCase(value) ? value : label + ": " + value);
            }
            if (!parts.isEmpty()) {
                add(TextBlock.tableRow(String.join("; ", parts), page));
            }
        }
        rows = null;
    }
}
