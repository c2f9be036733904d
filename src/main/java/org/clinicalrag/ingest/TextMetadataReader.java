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
