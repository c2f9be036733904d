package org.clinicalrag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds structure in text that arrives without markup (plain text files, PDF paragraphs): numbered headings such
 * as "4. Membrane Stabilization" or "4.2 Dosing", Markdown-style "#" headings, ALL-CAPS or underlined headings, and
 * bullet items. Wrapped lines of one paragraph are joined again, except two kinds of line that are never part of a
 * paragraph: a document control line ("Version 5.0 Effective date: 2025-04-01"), which is metadata, and the first
 * line of a document, which is its title ("ACUTE TRANSFUSION REACTIONS" above "Hospital Transfusion Committee"),
 * unless it visibly wraps onto the next line.
 */
final class PlainTextStructure {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?\\)?\\s+(\\S.*)$");
    private static final Pattern HASHED = Pattern.compile("^(#{1,6})\\s+(\\S.*?)\\s*#*$");
    private static final Pattern UNDERLINE = Pattern.compile("^(?:={3,}|-{3,})$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•◦▪‣–]|\\(?[a-z]\\)|\\(?\\d{1,2}\\))\\s+\\S.*");
    private static final Pattern FIELD_LINE = Pattern.compile("^[A-Z][\\w ()/'-]{1,40}:\\s+\\S.*");
    /** A quantity with a unit: such a line is an instruction, not a heading. */
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d\\s*(?:mg|mcg|micrograms?|g|kg|ml|mL|l|L|units?|mmol|mol|%|hours?|h|min|minutes?|days?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Numbered steps start with a verb ("1. Give…", "2. Repeat ECG"); numbered headings do not. */
    private static final Pattern IMPERATIVE = Pattern.compile("^(?:give|check|repeat|start|stop|call|consider|"
            + "measure|monitor|administer|take|use|do|don't|avoid|add|reduce|increase|continue|document|refer|seek|"
            + "obtain|send|ensure|assess|record|review|discuss|inform|prescribe|withhold|omit|escalate|recheck|"
            + "infuse|dilute|switch|contact|tell|ask|keep|if|when)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    /** A title line that ends like this goes on in the next line ("… Tumour Lysis Syndrome in" / "Adults"). */
    private static final Pattern OPEN_END = Pattern.compile(
            "(?i)(?:\\b(?:a|an|the|of|in|on|for|and|or|to|with|by|at|from|into|during|after|before|versus|vs)|[-–&/,(])$");
    private static final int MAX_TITLE_WORDS = 20;

    private PlainTextStructure() {
    }

    static String clean(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static List<TextBlock> split(String text, Integer page) {
        return split(text, page, false);
    }

    /** {@code documentStart}: this text opens the document, so its first line is the title line. */
    static List<TextBlock> split(String text, Integer page, boolean documentStart) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<TextBlock> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        if (documentStart) {
            i = titleLine(lines, blocks, page);
        }
        for (; i < lines.length; i++) {
            String line = clean(lines[i]);
            boolean standalone = (i == 0 || lines[i - 1].isBlank()) && (i + 1 >= lines.length || lines[i + 1].isBlank());
            if (line.isEmpty()) {
                flush(blocks, paragraph, page);
                continue;
            }
            if (UNDERLINE.matcher(line).matches()) {
                if (!paragraph.isEmpty() && isShortTitle(paragraph.getLast())) {
                    String title = paragraph.removeLast();
                    flush(blocks, paragraph, page);
                    blocks.add(TextBlock.heading(title, line.charAt(0) == '=' ? 1 : 2, page));
                }
                continue;
            }
            TextBlock heading = heading(line, standalone);
            if (heading != null) {
                flush(blocks, paragraph, page);
                blocks.add(new TextBlock(TextBlock.Kind.HEADING, heading.text(), page, heading.headingLevel()));
                continue;
            }
            if (TextMetadataReader.isControlLine(line)) {
                flush(blocks, paragraph, page);
                blocks.add(TextBlock.paragraph(line, page));
                continue;
            }
            boolean startsItem = BULLET.matcher(line).matches() || FIELD_LINE.matcher(line).matches();
            boolean followsItem = !paragraph.isEmpty() && BULLET.matcher(paragraph.getFirst()).matches()
                    && i + 1 < lines.length && UNDERLINE.matcher(clean(lines[i + 1])).matches();
            if (startsItem || followsItem) {
                flush(blocks, paragraph, page);
            }
            paragraph.add(line);
        }
        flush(blocks, paragraph, page);
        return blocks;
    }

    /**
     * Emits the document's first line (with the lines it wraps onto) as a block of its own when more lines follow
     * it directly, and returns the index of the first line left; 0 when the normal rules already separate it.
     */
    private static int titleLine(String[] lines, List<TextBlock> blocks, Integer page) {
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length) {
            return 0;
        }
        String title = clean(lines[first]);
        int next = first + 1;
        while (next < lines.length && !lines[next].isBlank() && wrapsOnto(title, clean(lines[next]))) {
            title = title + " " + clean(lines[next]);
            next++;
        }
        boolean followed = next < lines.length && !lines[next].isBlank();
        if (!followed || !isTitleLine(title) || heading(title, false) != null) {
            return 0;
        }
        blocks.add(TextBlock.paragraph(title, page));
        return next;
    }

    private static boolean wrapsOnto(String line, String next) {
        return OPEN_END.matcher(line).find() || Character.isLowerCase(next.codePointAt(0))
                || (!next.contains(" ") && !TextMetadataReader.isControlLine(next));
    }

    private static boolean isTitleLine(String line) {
        char last = line.charAt(line.length() - 1);
        return line.split(" ").length <= MAX_TITLE_WORDS && ".,;:!?".indexOf(last) < 0
                && !BULLET.matcher(line).matches() && !TextMetadataReader.isControlLine(line);
    }

    private static void flush(List<TextBlock> blocks, List<String> paragraph, Integer page) {
        if (!paragraph.isEmpty()) {
            blocks.add(TextBlock.paragraph(String.join(" ", paragraph), page));
            paragraph.clear();
        }
    }

    /** The heading this line is, or null. {@code standalone}: blank lines (or paragraph edges) on both sides. */
    static TextBlock heading(String line, boolean standalone) {
        if (TextMetadataReader.isControlLine(line)) {
            return null; // "Version 3.0" and "Document ID: HK-01" are title case, yet no section starts there
        }
        Matcher hashed = HASHED.matcher(line);
        if (hashed.matches()) {
            return TextBlock.heading(hashed.group(2), hashed.group(1).length(), null);
        }
        Matcher numbered = NUMBERED.matcher(line);
        if (numbered.matches()) {
            String rest = numbered.group(2);
            if (isShortTitle(rest) && Character.isUpperCase(rest.codePointAt(0)) && !QUANTITY.matcher(rest).find()
                    && !IMPERATIVE.matcher(rest).find()) {
                int level = numbered.group(1).split("\\.").length;
                return TextBlock.heading(line, level, null);
            }
            return null;
        }
        if (standalone && isShortTitle(line) && (isAllCaps(line) || isTitleCase(line))) {
            return TextBlock.heading(line, 1, null);
        }
        return null;
    }

    private static boolean isShortTitle(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 90) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return t.split(" ").length <= 10 && last != '.' && last != ',' && last != ';' && last != ':';
    }

    private static boolean isAllCaps(String line) {
        long letters = line.chars().filter(Character::isLetter).count();
        return letters >= 3 && line.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** Set as a title is (ALL CAPS or Title Case), however long: "Prevention and Management of … in Adults". */
    static boolean isTitleStyled(String line) {
        // dashes and brackets sit in titles too: "Adrenal Crisis - Emergency Management (Adults)"
        String words = line.replaceAll("(?<=^| )[-–—|:/&]+(?= |$)", "").replaceAll("(?<=^| )[(\\[\"'‘“]+", "").strip();
        return isTitleLine(line) && !words.isEmpty() && (isAllCaps(line) || titleCased(words.split(" +")));
    }

    private static boolean isTitleCase(String line) {
        String[] words = line.split(" ");
        if (words.length < 2 || words.length > 8 || QUANTITY.matcher(line).find()) {
            return false;
        }
        return titleCased(words);
    }

    private static boolean titleCased(String[] words) {
        int capitalised = 0;
        int significant = 0;
        for (String word : words) {
            if (word.length() <= 3 && word.chars().allMatch(Character::isLowerCase)) {
                continue; // "of", "and", "the", "in" stay lower case in titles
            }
            significant++;
            if (Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.codePointAt(0))) {
                capitalised++;
            }
        }
        return significant > 0 && capitalised == significant;
    }
}
