package org.clinicalrag.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the control block that hospital documents print near their top ("Version 3.2", "Effective date:
 * 2026-03-01", "Supersedes: Version 2.0", "Document ID: HK-01", "Audience: patients"). The weakest metadata source:
 * anything the upload, a sidecar or the document properties state wins over it.
 *
 * <p>It also tells control lines from guidance ({@link #isControlLine}): such a line is read here, before chunking,
 * and is then kept out of passages, so that "Version 2.0 Effective date: 2026-05-01" is never quoted as an answer.
 */
public final class TextMetadataReader {

    /** Control blocks sit at the top; reading further would pick up versions quoted in the body. */
    private static final int HEAD_CHARS = 2500;
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[ -](?:[A-Za-z]{3,9})[ -]\\d{4}|"
            + "[A-Za-z]{3,9} \\d{1,2},? \\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}|[A-Za-z]{3,9} \\d{4})";
    private static final String NUMBER = "v?(\\d+(?:\\.\\d+){0,3})";

    private static final Pattern SUPERSEDES = Pattern.compile(
            "(?i)\\b(?:supersedes|replaces)\\s*:?\\s*(?:version|ver\\.?|v)?\\s*" + NUMBER);
    private static final Pattern VERSION = Pattern.compile(
            "(?i)(?<!supersedes[: ]{1,3})(?<!replaces[: ]{1,3})\\b(?:version|ver\\.|revision|rev\\.)\\s*(?:no\\.?|number)?\\s*:?\\s*"
                    + NUMBER + "\\b");
    private static final Pattern EFFECTIVE = Pattern.compile(
            "(?i)\\b(?:effective(?: from| date)?|date of issue|issue date|issued|date approved|approved|published)"
                    + "\\s*(?:on)?\\s*:?\\s*" + DATE);
    private static final Pattern REVIEW = Pattern.compile(
            "(?i)\\b(?:(?:next )?review(?: due)?(?: date| by)?|review on|expires|expiry date)\\s*:?\\s*" + DATE);
    private static final Pattern DOCUMENT_ID = Pattern.compile(
            "(?i)\\b(?:document (?:id|number|no\\.?|ref(?:erence)?)|doc(?:ument)?[ -]?id)\\s*:?\\s*"
                    + "([A-Z0-9][A-Za-z0-9._/-]{1,40})");
    private static final Pattern AUDIENCE = Pattern.compile(
            "(?i)\\b(?:audience|intended for|written for)\\s*:?\\s*(clinicians?|patients?(?: and (?:carers|families))?|"
                    + "staff|healthcare professionals|all|everyone|the public|public)");
    private static final Pattern STATUS = Pattern.compile(
            "(?i)\\b(?:document )?status\\s*:\\s*(current|active|approved|superseded|archived|withdrawn|retired)");

    /** Control fields whose value is free text, so only a colon marks them ("Approved by: Drugs Committee"). */
    private static final String LABELLED = "(?:document (?:id|number|no\\.?|ref(?:erence)?|owner|status)|doc(?:ument)?[ -]?id|"
            + "approved by|ratified by|authors?|written by|prepared by|(?:lead |document )?owner|audience|classification|"
            + "effective (?:from|date)|date of issue|issue date|date approved|approval date|next review(?: date)?|review (?:date|due|by)|"
            + "expiry date|last (?:reviewed|updated)|supersedes|replaces|version|revision)";
    /** Control fields recognised by their value alone: a date or a version number ("Version 3.2", "Issued 1 May 2026"). */
    private static final String VALUED = "(?:(?:effective(?: from| date)?|date of issue|issue date|issued|date approved|approved|"
            + "published|(?:next )?review(?: due)?(?: date| by| on)?|expires|expiry date|last (?:reviewed|updated))\\s*:?\\s*(?:on\\s*)?"
            + DATE + "|(?:(?:supersedes|replaces)\\s*:?\\s*)?(?:version|ver\\.?|revision|rev\\.?)\\s*(?:no\\.?|number)?\\s*:?\\s*"
            + NUMBER + "\\b|status\\s*:\\s*(?:current|active|approved|superseded|archived|withdrawn|retired|draft)\\b)";
    /**
     * One field. A labelled value runs to a separator, the line's end or the next field, and never past a sentence:
     * "Document owner: Renal Medicine. Contact the renal pharmacist…" goes on as guidance.
     */
    private static final Pattern CONTROL_FIELD = Pattern.compile("(?i)\\b(?:" + VALUED + "|" + LABELLED
            + "\\s*:\\s*\\S(?:[^|·•;\\t.]|\\.(?=\\S)){0,120}?(?=\\s*[|·•;\\t]|\\.?\\s*$|\\.\\s|\\s+" + LABELLED + "\\s*:|\\s+"
            + VALUED + "))");
    /** What separates the fields of one control line ("Version 2.3 | Effective date: …", "Version 1.2 · Review …"). */
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*(?:[|·•\\t]|\\s{2,})\\s*");
    private static final int MAX_CONTROL_LINE = 300;
    /**
     * Every field above holds one of these; most lines hold none. Looked up as plain substrings because the field
     * grammar, or even one case-insensitive alternation, costs tens of microseconds a line and every line is tested.
     */
    private static final List<String> CONTROL_WORDS = List.of("version", "revision", "ver.", "rev.", "effective", "issue",
            "approv", "ratified", "review", "expir", "supersed", "replaces", "author", "written by", "prepared by", "owner",
            "audience", "classification", "doc", "status", "published", "last reviewed", "last updated");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("d-MMM-uuuu"), formatter("d-MMMM-uuuu"),
            formatter("MMMM d, uuuu"), formatter("MMMM d uuuu"), formatter("MMM d, uuuu"), formatter("MMM d uuuu"),
            formatter("d/M/uuuu"));

    private TextMetadataReader() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    public static DocumentMetadata read(String text) {
        String head = text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
        String audience = first(AUDIENCE, head);
        String status = first(STATUS, head);
        return new DocumentMetadata(first(DOCUMENT_ID, head), null, first(VERSION, head), date(EFFECTIVE, head),
                date(REVIEW, head), status, first(SUPERSEDES, head),
                audience == null ? null : audience.toLowerCase(Locale.ROOT).replace("the ", ""), null);
    }

    /**
     * A line made of document control fields, optionally beside one short name of a department or committee
     * ("Department of Anaesthesia | Version 2.3 | Effective date: 2025-11-01"). A sentence that merely mentions a
     * version ("Use version 2 of the NEWS chart") is not one.
     */
    public static boolean isControlLine(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.length() > MAX_CONTROL_LINE || !mayHoldFields(l)) {
            return false;
        }
        int fields = 0;
        int names = 0;
        for (String segment : FIELD_SEPARATOR.split(l)) {
            if (segment.isBlank()) {
                continue;
            }
            if (onlyFields(segment)) {
                fields++;
            } else if (segment.split(" ").length <= 6 && !segment.matches(".*[.!?:]$") && !segment.matches(".*\\d.*")) {
                names++;
            } else {
                return false;
            }
        }
        return fields > 0 && names <= 1;
    }

    /**
     * The line without the control fields that end it: "Sepsis Protocol Version 3.2 Effective date: 2026-01-01"
     * gives "Sepsis Protocol". A line whose words go on after a field ("Version 2 of the NEWS chart") is kept whole.
     */
    public static String beforeControlFields(String line) {
        if (!mayHoldFields(line)) {
            return line;
        }
        Matcher m = CONTROL_FIELD.matcher(line);
        while (m.find()) {
            if (onlyFields(line.substring(m.start()))) {
                return line.substring(0, m.start()).replaceAll("[\\s|·•,;:-]+$", "");
            }
        }
        return line;
    }

    private static boolean mayHoldFields(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String word : CONTROL_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Fields from start to end, with only separators between them; matched in sequence, never searched for. */
    private static boolean onlyFields(String text) {
        Matcher m = CONTROL_FIELD.matcher(text);
        int at = skipSeparators(text, 0);
        if (at == text.length()) {
            return false;
        }
        while (at < text.length()) {
            m.region(at, text.length());
            if (!m.lookingAt()) {
                return false;
            }
            at = skipSeparators(text, m.end());
        }
        return true;
    }

    private static int skipSeparators(String text, int from) {
        int at = from;
        while (at < text.length() && " \t|·•,;.:".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).replaceAll("[.,;]+$", "") : null;
    }

    private static LocalDate date(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            LocalDate date = parseDate(m.group(1));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** Dates as documents write them; a month and year alone means the first of that month. */
    public static LocalDate parseDate(String value) {
        String v = value.strip().replaceAll("(?<=\\d)(st|nd|rd|th)\\b", "");
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(v, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return java.time.YearMonth.parse(v, formatter("MMMM uuuu")).atDay(1);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
