package org.clinicalrag.safety;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows pasted from a spreadsheet or an export under their header line: "mrn,name,adm_date,unit" then
 * "00-771-2094,\"petal, summer\",2024-11-02,St. Brigid's". The header says what each column holds, so a value in a
 * name, address or date column is removed whatever it looks like ("petal, summer" is two ordinary words in lower case).
 * Comma-, tab-, semicolon- and pipe-separated rows are read with Commons CSV; only rows with as many fields as the
 * header count.
 */
final class PastedTableDetector implements PhiDetector {

    /** A header: three or more short field names, separated by one delimiter. */
    private static final Pattern HEADER_FIELD = Pattern.compile("[\\p{L}][\\p{L}\\d _./#-]{0,30}");
    private static final Pattern AGE_VALUE = Pattern.compile("(?:9\\d|1[01]\\d)(?:\\s*(?:y|yo|yrs?|years?))?");

    /** Column names, normalised to lower-case letters only, and what their values are. */
    private static final Map<String, PhiType> COLUMNS = Map.ofEntries(
            Map.entry("name", PhiType.NAME), Map.entry("patient", PhiType.NAME), Map.entry("patientname", PhiType.NAME),
            Map.entry("ptname", PhiType.NAME), Map.entry("fullname", PhiType.NAME), Map.entry("firstname", PhiType.NAME),
            Map.entry("lastname", PhiType.NAME), Map.entry("surname", PhiType.NAME), Map.entry("givenname", PhiType.NAME),
            Map.entry("familyname", PhiType.NAME), Map.entry("fname", PhiType.NAME), Map.entry("lname", PhiType.NAME),
            Map.entry("forename", PhiType.NAME), Map.entry("nok", PhiType.NAME), Map.entry("nextofkin", PhiType.NAME),
            Map.entry("contact", PhiType.NAME), Map.entry("guardian", PhiType.NAME), Map.entry("mother", PhiType.NAME),
            Map.entry("address", PhiType.LOCATION), Map.entry("addr", PhiType.LOCATION), Map.entry("street", PhiType.LOCATION),
            Map.entry("city", PhiType.LOCATION), Map.entry("town", PhiType.LOCATION), Map.entry("zip", PhiType.LOCATION),
            Map.entry("zipcode", PhiType.LOCATION), Map.entry("postcode", PhiType.LOCATION), Map.entry("postalcode", PhiType.LOCATION),
            Map.entry("county", PhiType.LOCATION), Map.entry("suburb", PhiType.LOCATION),
            Map.entry("dob", PhiType.DATE), Map.entry("dateofbirth", PhiType.DATE), Map.entry("birthdate", PhiType.DATE),
            Map.entry("admdate", PhiType.DATE), Map.entry("admitdate", PhiType.DATE), Map.entry("admissiondate", PhiType.DATE),
            Map.entry("dischargedate", PhiType.DATE), Map.entry("dischdate", PhiType.DATE), Map.entry("dod", PhiType.DATE),
            Map.entry("date", PhiType.DATE), Map.entry("visitdate", PhiType.DATE), Map.entry("deathdate", PhiType.DATE),
            Map.entry("mrn", PhiType.MRN), Map.entry("hospitalnumber", PhiType.MRN), Map.entry("nhsnumber", PhiType.MRN),
            Map.entry("urn", PhiType.MRN), Map.entry("phone", PhiType.PHONE), Map.entry("tel", PhiType.PHONE),
            Map.entry("mobile", PhiType.PHONE), Map.entry("cell", PhiType.PHONE), Map.entry("fax", PhiType.FAX),
            Map.entry("email", PhiType.EMAIL), Map.entry("ssn", PhiType.SSN), Map.entry("account", PhiType.ACCOUNT),
            Map.entry("acct", PhiType.ACCOUNT), Map.entry("memberid", PhiType.HEALTH_PLAN), Map.entry("policy", PhiType.HEALTH_PLAN),
            Map.entry("insuranceid", PhiType.HEALTH_PLAN), Map.entry("id", PhiType.OTHER_ID), Map.entry("patientid", PhiType.OTHER_ID),
            Map.entry("age", PhiType.AGE));

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        if (text.indexOf('\n') < 0) {
            return;
        }
        List<int[]> lines = lines(text);
        for (int h = 0; h + 1 < lines.size(); h++) {
            String header = text.substring(lines.get(h)[0], lines.get(h)[1]);
            char delimiter = delimiterOf(header);
            if (delimiter == 0) {
                continue;
            }
            List<String> names = fields(header, delimiter);
            if (names == null || names.size() < 3 || names.stream().anyMatch(n -> !HEADER_FIELD.matcher(n.strip()).matches())
                    || names.stream().noneMatch(n -> COLUMNS.containsKey(normalised(n)))) {
                continue;
            }
            int r = h + 1;
            for (; r < lines.size(); r++) {
                int[] line = lines.get(r);
                if (!row(text, line[0], line[1], delimiter, names, out)) {
                    break;
                }
            }
            h = r - 1;
        }
    }

    /** Reads one row under the header; false when it does not have the header's shape. */
    private static boolean row(String text, int start, int end, char delimiter, List<String> names, List<Candidate> out) {
        String line = text.substring(start, end);
        List<String> values = fields(line, delimiter);
        if (values == null || values.size() != names.size()) {
            return false;
        }
        int at = 0;
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c).strip();
            if (value.isEmpty()) {
                continue;
            }
            int found = line.indexOf(value, at);
            if (found < 0) {
                return true; // an escaped quote changed the value's spelling: the shape rules still see the row
            }
            at = found + value.length();
            PhiType type = COLUMNS.get(normalised(names.get(c)));
            if (type == null || type == PhiType.AGE && !AGE_VALUE.matcher(value).matches()) {
                continue;
            }
            out.add(new Candidate(type, start + found, start + found + value.length(), Candidate.CUED));
        }
        return true;
    }

    private static List<String> fields(String line, char delimiter) {
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            List<String> values = new ArrayList<>();
            records.getFirst().forEach(values::add);
            return values;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            return null; // an unclosed quote: not a row
        }
    }

    private static char delimiterOf(String header) {
        for (char d : new char[] {'\t', '|', ';', ','}) {
            if (header.chars().filter(ch -> ch == d).count() >= 2) {
                return d;
            }
        }
        return 0;
    }

    private static String normalised(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(new int[] {start, end});
                start = i + 1;
            }
        }
        return lines;
    }
}
