package org.clinicalrag.ingest;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads PDF, DOCX, HTML, Markdown and plain text with Apache Tika. The format is detected from the bytes (the file
 * name only breaks ties), so a renamed image is refused rather than read as garbage.
 */
public class TikaDocumentParser implements DocumentParser {

    private static final MediaType PDF = MediaType.application("pdf");
    private static final MediaType DOCX = MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Set<MediaType> HTML = Set.of(MediaType.text("html"), MediaType.application("xhtml+xml"));
    private static final Set<MediaType> MARKDOWN = Set.of(MediaType.text("x-web-markdown"), MediaType.text("markdown"));
    private static final MediaType TEXT = MediaType.TEXT_PLAIN;
    /** Formats named in error messages, so a user knows what to send instead. */
    public static final String SUPPORTED = "PDF, DOCX, HTML, Markdown (.md) and plain text (.txt)";

    private final MarkdownConverter markdown = new MarkdownConverter();

    /** Tika's parser registry takes a second or more to load; a restart that re-reads no file never pays for it. */
    private static final class Tika {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }

    @Override
    public ParsedDocument parse(byte[] content, String fileName) {
        if (content.length == 0) {
            throw new UnreadableDocumentException("The file is empty.");
        }
        MediaType type = detect(content, fileName);
        boolean isMarkdown = MARKDOWN.contains(type)
                || (type.equals(TEXT) && fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(md|markdown)$"));
        if (!(type.equals(PDF) || type.equals(DOCX) || HTML.contains(type) || type.equals(TEXT) || isMarkdown)) {
            throw new UnsupportedFormatException("Files of type " + type + " are not supported; send " + SUPPORTED + ".");
        }
        Metadata metadata = new Metadata();
        DocumentMetadata frontMatter = DocumentMetadata.EMPTY;
        byte[] bytes = content;
        if (isMarkdown) {
            MarkdownConverter.Converted converted = markdown.convert(new String(content, StandardCharsets.UTF_8));
            bytes = converted.html().getBytes(StandardCharsets.UTF_8);
            frontMatter = PropertyMetadata.fromFrontMatter(converted.frontMatter());
            metadata.set(Metadata.CONTENT_TYPE, "text/html; charset=UTF-8");
        } else {
            metadata.set(Metadata.CONTENT_TYPE, type.toString());
        }
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        StructureHandler handler = new StructureHandler(type.equals(PDF));
        try (TikaInputStream stream = TikaInputStream.get(bytes)) {
            Tika.PARSER.parse(stream, handler, metadata, parseContext());
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException("The document is encrypted or password-protected; upload an unprotected copy.");
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            // The message of a parser exception can quote document content, so only its type is reported.
            throw new UnreadableDocumentException("The document could not be read as " + describe(type)
                    + "; it may be corrupt or truncated.");
        }
        List<TextBlock> blocks = new ArrayList<>(handler.blocks());
        if (blocks.stream().allMatch(b -> b.text().isBlank())) {
            throw new UnreadableDocumentException("The document contains no extractable text"
                    + (type.equals(PDF) ? " (a scanned PDF needs OCR before upload)." : "."));
        }
        DocumentMetadata properties = frontMatter.orElse(PropertyMetadata.fromTika(metadata));
        List<String> furniture = type.equals(DOCX) ? docxHeadersAndFooters(content) : handler.furniture();
        return new ParsedDocument(blocks, properties, handler.pageCount(), furniture);
    }

    /**
     * Tika would print a DOCX's headers and footers into the body text, unmarked, as if they were paragraphs
     * (see {@link #parseContext()}); they are read here on their own, for the metadata they state. Opening the package
     * is cheap; the document model is only built when the package has a header or footer part.
     */
    private static List<String> docxHeadersAndFooters(byte[] content) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            boolean any = false;
            for (PackagePart part : pkg.getParts()) {
                String type = part.getContentType();
                any |= type.endsWith(".header+xml") || type.endsWith(".footer+xml");
            }
            if (!any) {
                return List.of();
            }
            XWPFDocument doc = new XWPFDocument(pkg); // closed with its package
            List<XWPFHeaderFooter> parts = new ArrayList<>(doc.getHeaderList());
            parts.addAll(doc.getFooterList());
            List<String> lines = new ArrayList<>();
            for (XWPFHeaderFooter part : parts) {
                for (String line : part.getText().split("\\R")) {
                    String clean = PlainTextStructure.clean(line);
                    if (!clean.isEmpty() && !lines.contains(clean) && !PageFurniture.isPageNumber(clean)) {
                        lines.add(clean);
                    }
                }
            }
            return lines;
        } catch (Exception e) {
            // the body was read; headers are only a metadata source, so an unusual package costs nothing more
            return List.of();
        }
    }

    private MediaType detect(byte[] content, String fileName) {
        Metadata hint = new Metadata();
        if (fileName != null) {
            hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return Tika.PARSER.getDetector().detect(stream, hint).getBaseType();
        } catch (IOException e) {
            throw new UnreadableDocumentException("The file could not be read.");
        }
    }

    private static ParseContext parseContext() {
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractBookmarksText(false);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(false);
        pdf.setSortByPosition(true);
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false); // they are read separately, see docxHeadersAndFooters
        ParseContext context = new ParseContext();
        context.set(PDFParserConfig.class, pdf);
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    private static String describe(MediaType type) {
        if (type.equals(PDF)) {
            return "PDF";
        }
        return type.equals(DOCX) ? "DOCX" : type.toString();
    }

    /** Document properties (PDF info, Office core/custom properties, HTML meta tags, YAML front matter). */
    static final class PropertyMetadata {
        private static final Map<String, List<String>> ALIASES = Map.of(
                "documentId", List.of("documentid", "document-id", "document_id", "docid", "doc-id", "custom:documentid"),
                "version", List.of("version", "cp:version", "custom:version", "docversion"),
                "effectiveDate", List.of("effectivedate", "effective-date", "effective_date", "effective", "custom:effectivedate"),
                "reviewDate", List.of("reviewdate", "review-date", "review_date", "nextreview", "custom:reviewdate"),
                "status", List.of("status", "custom:status", "cp:contentstatus"),
                "supersedes", List.of("supersedes", "custom:supersedes"),
                "audience", List.of("audience", "custom:audience"),
                "tags", List.of("tags", "keywords", "custom:tags"));

        private PropertyMetadata() {
        }

        static DocumentMetadata fromTika(Metadata metadata) {
            Map<String, String> lower = new java.util.HashMap<>();
            for (String name : metadata.names()) {
                lower.putIfAbsent(name.toLowerCase(Locale.ROOT), metadata.get(name));
            }
            String title = metadata.get(TikaCoreProperties.TITLE);
            return build(name -> ALIASES.get(name).stream().map(lower::get).filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse(null), title);
        }

        static DocumentMetadata fromFrontMatter(Map<String, List<String>> frontMatter) {
            Map<String, String> lower = new java.util.HashMap<>();
            frontMatter.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return build(name -> ALIASES.get(name).stream().map(lower::get).filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse(null), lower.get("title"));
        }

        private static DocumentMetadata build(java.util.function.Function<String, String> field, String title) {
            String tags = field.apply("tags");
            return new DocumentMetadata(field.apply("documentId"), title == null || title.isBlank() ? null : title.strip(),
                    field.apply("version"), date(field.apply("effectiveDate")), date(field.apply("reviewDate")),
                    field.apply("status"), field.apply("supersedes"), field.apply("audience"),
                    tags == null ? null : Arrays.stream(tags.split("[,;]")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        }

        private static java.time.LocalDate date(String value) {
            if (value == null) {
                return null;
            }
            String v = value.length() >= 10 && value.charAt(4) == '-' ? value.substring(0, 10) : value;
            return TextMetadataReader.parseDate(v);
        }
    }
}
