package org.clinicalrag.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names for documents that arrive without a Document ID: the file name without version or date markers, so that
 * "sepsis-protocol-v2.pdf" and "sepsis-protocol-v3.pdf" are two versions of one document "sepsis-protocol".
 */
final class DocumentIdentity {

    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}$");
    private static final Pattern VERSION_MARK = Pattern.compile(
            "(?i)[-_ .(]*\\b(?:v|ver|version|rev|revision|issue)[-_ .]?\\d+(?:[._-]\\d+)*\\)?");
    private static final Pattern DATE_MARK = Pattern.compile("[-_ .(]*\\b(?:19|20)\\d{2}(?:[-_.]\\d{1,2}){0,2}\\b\\)?");
    private static final Pattern STATE_MARK = Pattern.compile(
            "(?i)[-_ .(]*\\b(?:draft|final|current|latest|old|new|updated|superseded|archived?|copy)\\b\\)?");

    private DocumentIdentity() {
    }

    static String fromFileName(String fileName) {
        // "_" is a word character to regex \b, so "protocol_2024" would hide its date mark
        String stem = EXTENSION.matcher(fileName == null ? "document" : fileName).replaceFirst("").replace('_', '-');
        String core = STATE_MARK.matcher(DATE_MARK.matcher(VERSION_MARK.matcher(stem).replaceAll("")).replaceAll(""))
                .replaceAll("");
        String slug = slug(core);
        return slug.isEmpty() ? slug(stem) : slug;
    }

    /** Lower-case, URL-safe. */
    static String slug(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    }

    /** A title with its version and dates removed, for recognising a new version of a known document. */
    static String titleKey(String title) {
        if (title == null) {
            return "";
        }
        return slug(STATE_MARK.matcher(DATE_MARK.matcher(VERSION_MARK.matcher(title).replaceAll("")).replaceAll(""))
                .replaceAll(""));
    }

    /** Numeric-aware version order: 2.10 after 2.9; text versions compare as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
