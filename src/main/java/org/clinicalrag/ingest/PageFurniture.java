package org.clinicalrag.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the running headers and footers of a paged document: lines at the top or bottom edge of a page that repeat
 * at the same edge of other pages once digits are ignored ("Tumour Lysis Syndrome protocol - uncontrolled when
 * printed Page 2 of 3"), and bare page numbers ("Page 2 of 3", "2", "- 2 -"). Left in, they would be quoted as
 * answers and would cut a sentence that runs over a page break in two.
 *
 * <p>A real heading is never taken for one. A line that reads as a heading repeats only if it says so: it names
 * its page ("Sepsis Protocol Page 2", "2 of 5") and that number follows the pages, or, for a title or ALL-CAPS line
 * without page numbers, it is the same on at least half of the pages. So "Appendix 1" and "Appendix 2" at the top of
 * consecutive pages stay, and a numbered heading is never dropped for its digits. On page 1 the repeated lines that
 * open the page are kept when they are set as a title (Title Case or ALL CAPS): that is the document's title block,
 * which a running header often repeats. "… protocol - uncontrolled when printed" is furniture on page 1 too.
 */
final class PageFurniture {

    /** Headers and footers are short: more lines than this from an edge are body text. */
    static final int EDGE_LINES = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:(?:page|p\\.|pg\\.?)\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[-–—]\\s*\\d{1,4}\\s*[-–—]$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A number that a line itself marks as a page number. */
    private static final Pattern PAGE_REFERENCE = Pattern.compile("(?i)\\b(?:page|p\\.|pg\\.?)\\s*(\\d{1,4})\\b|\\b(\\d{1,4})\\s*(?:of|/)\\s*\\d{1,4}\\b");

    private PageFurniture() {
    }

    private enum Edge { TOP, BOTTOM }

    private record Occurrence(int page, String text) {
    }

    /**
     * @param pages each page's non-blank lines in reading order, whitespace already collapsed
     * @return for each page, which of its lines are headers, footers or page numbers
     */
    static List<boolean[]> find(List<List<String>> pages) {
        Map<Edge, Set<String>> running = new HashMap<>();
        for (Edge edge : Edge.values()) {
            running.put(edge, running(pages, edge));
        }
        List<boolean[]> marks = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = pages.get(p);
            boolean[] furniture = new boolean[lines.size()];
            for (int i = 0; i < Math.min(EDGE_LINES, lines.size()); i++) {
                String line = lines.get(i);
                boolean pageNumber = isPageNumber(line);
                if (!pageNumber && !running.get(Edge.TOP).contains(key(line))) {
                    break;
                }
                furniture[i] = pageNumber || p > 0 || !PlainTextStructure.isTitleStyled(line);
            }
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - EDGE_LINES); i--) {
                String line = lines.get(i);
                if (!isPageNumber(line) && !running.get(Edge.BOTTOM).contains(key(line))) {
                    break;
                }
                furniture[i] = true;
            }
            marks.add(furniture);
        }
        return marks;
    }

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line.strip()).matches();
    }

    /** The keys of lines that repeat at this edge of the pages. */
    private static Set<String> running(List<List<String>> pages, Edge edge) {
        Map<String, List<Occurrence>> byKey = new LinkedHashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = pages.get(p);
            int from = edge == Edge.TOP ? 0 : Math.max(0, lines.size() - EDGE_LINES);
            int to = edge == Edge.TOP ? Math.min(EDGE_LINES, lines.size()) : lines.size();
            Set<String> seenOnPage = new HashSet<>();
            for (String line : lines.subList(from, to)) {
                String key = key(line);
                if (seenOnPage.add(key)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Occurrence(p + 1, line));
                }
            }
        }
        Set<String> running = new HashSet<>();
        byKey.forEach((key, occurrences) -> {
            if (occurrences.size() >= 2 && isRunning(occurrences, pages.size())) {
                running.add(key);
            }
        });
        return running;
    }

    private static boolean isRunning(List<Occurrence> occurrences, int pageCount) {
        String sample = occurrences.getFirst().text();
        if (PlainTextStructure.heading(sample, false) != null) {
            return followsPageNumbers(occurrences);
        }
        if (PlainTextStructure.heading(sample, true) != null) {
            boolean identical = occurrences.stream().allMatch(o -> o.text().equals(sample));
            return (identical && occurrences.size() >= Math.max(2, (pageCount + 1) / 2)) || followsPageNumbers(occurrences);
        }
        return true;
    }

    /** Every occurrence names a page that is its own page plus one fixed offset (a cover page shifts it). */
    private static boolean followsPageNumbers(List<Occurrence> occurrences) {
        Set<Integer> offsets = null;
        for (Occurrence o : occurrences) {
            Set<Integer> here = new HashSet<>();
            Matcher m = PAGE_REFERENCE.matcher(o.text());
            while (m.find()) {
                here.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) - o.page());
            }
            if (offsets == null) {
                offsets = here;
            } else {
                offsets.retainAll(here);
            }
        }
        return offsets != null && !offsets.isEmpty();
    }

    /** Lines that differ only in their numbers (page numbers, print dates) or case are the same line. */
    static String key(String line) {
        return DIGITS.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ").strip();
    }
}
