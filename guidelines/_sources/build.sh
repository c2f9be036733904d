#!/usr/bin/env bash
# Rebuilds the generated PDF and DOCX documents in guidelines/ from the HTML sources in this folder.
#
# Needs (Debian packages):
#   libreoffice-writer   - soffice --headless does the HTML -> PDF / DOCX conversion
#   fonts-liberation     - Liberation Sans, the font the sources ask for (fonts-dejavu-core as fallback)
#   poppler-utils        - pdfinfo / pdftotext, only for the page check at the end (optional)
#   unzip                - only for the DOCX check at the end (optional)
# Install:  apt-get update && apt-get install -y --no-install-recommends \
#             libreoffice-writer fonts-liberation fonts-dejavu-core poppler-utils unzip
#
# Usage:    bash guidelines/_sources/build.sh      (from anywhere)
#
# Sources -> outputs:
#   *.pdf.html   -> ../<name>.pdf   (page breaks come from CSS "page-break-before: always" on headings)
#   *.docx.html  -> ../<name>.docx  (h1/h2 become Word "Heading 1"/"Heading 2" styles; <table> becomes a Word table)
# Headings in the DOCX sources must not carry a class attribute: LibreOffice would turn
# <h2 class="x"> into a custom paragraph style "Heading2x" instead of the built-in Heading 2.
set -euo pipefail

SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="$(dirname "$SRC_DIR")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-writer fonts-liberation" >&2; exit 1; }

# A private LibreOffice profile so the build does not depend on (or disturb) the user's profile.
PROFILE="-env:UserInstallation=file://$WORK/lo-profile"

PDF_SOURCES=(hyperkalaemia-protocol dka-protocol sepsis-protocol)
DOCX_SOURCES=(doac-af-formulary warfarin-reversal heparin-infusion)

for name in "${PDF_SOURCES[@]}"; do
  cp "$SRC_DIR/$name.pdf.html" "$WORK/$name.html"
  # No PDF bookmarks: Tika appends the outline text to the last page, which would duplicate every heading there.
  soffice "$PROFILE" --headless \
    --convert-to 'pdf:writer_web_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"false"}}' \
    --outdir "$WORK" "$WORK/$name.html" >/dev/null 2>&1
  mv "$WORK/$name.pdf" "$OUT_DIR/$name.pdf"
  echo "built $name.pdf"
done

for name in "${DOCX_SOURCES[@]}"; do
  cp "$SRC_DIR/$name.docx.html" "$WORK/$name.html"
  soffice "$PROFILE" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$WORK" "$WORK/$name.html" >/dev/null 2>&1
  mv "$WORK/$name.docx" "$OUT_DIR/$name.docx"
  echo "built $name.docx"
done

# Checks: page counts and per-page headings for PDFs, heading styles and tables for DOCX.
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  for name in "${PDF_SOURCES[@]}"; do
    pages=$(pdfinfo "$OUT_DIR/$name.pdf" | awk '/^Pages:/ {print $2}')
    echo "$name.pdf: $pages pages"
    for ((p = 1; p <= pages; p++)); do
      heads=$(pdftotext -f "$p" -l "$p" -layout "$OUT_DIR/$name.pdf" - | grep -E '^[0-9]+\. [A-Z]' | paste -sd '|' -)
      echo "  page $p: $heads"
    done
  done
fi
if command -v unzip >/dev/null; then
  for name in "${DOCX_SOURCES[@]}"; do
    xml=$(unzip -p "$OUT_DIR/$name.docx" word/document.xml)
    h=$(grep -o 'w:pStyle w:val="Heading[0-9]"' <<<"$xml" | wc -l)
    t=$(grep -o '<w:tbl>' <<<"$xml" | wc -l)
    echo "$name.docx: $h heading paragraphs, $t tables"
    [ "$h" -gt 0 ] || { echo "no Heading styles in $name.docx" >&2; exit 1; }
  done
fi
