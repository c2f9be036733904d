#!/usr/bin/env python3
"""Checks eval/clinical.jsonl against the documents in guidelines/.

For every answerable item it checks that
  - expected_doc exists in guidelines/,
  - expected_section is a heading of that document,
  - every key fact (any alternative of "a|b") occurs verbatim (case-insensitive, whitespace collapsed)
    in the text under that heading - on expected_page for PDFs - and all facts lie within one
    passage-sized window (about 1,400 characters),
  - no must_not string occurs in that window of the expected section,
and it lists other sections of the corpus that also contain all key facts (not an error, a hint).
Unanswerable items ("expect": "insufficient_evidence") must not name an expected_doc.
Drafts exported from feedback ("review": "draft") fail until a clinician has reviewed them.

Needs: python3 (standard library only) and pdftotext from poppler-utils.
Usage: python3 eval/check_eval.py [eval/clinical.jsonl] [guidelines]
Exit code 1 if any item fails.
"""
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

HEADING_LINE = re.compile(r"^\d{1,2}\. [A-Z][^\n]{0,80}$")
WINDOW = 1400  # characters; ~350 tokens of English clinical text
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def norm(s):
    return re.sub(r"\s+", " ", html.unescape(s)).strip().lower()


def flatten_row(headers, cells):
    if headers and len(headers) == len(cells):
        return "; ".join(f"{h}: {c}" for h, c in zip(headers, cells))
    return "; ".join(cells)


def sections_pdf(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    secs, cur = [], None
    for p in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"],
                              capture_output=True, text=True, check=True).stdout
        for line in text.splitlines():
            if HEADING_LINE.match(line.strip()):
                cur = {"section": line.strip(), "page": p, "text": ""}
                secs.append(cur)
            elif cur is not None:
                if cur["page"] != p:  # a section running over a page break: new chunk on the new page
                    cur = {"section": cur["section"], "page": p, "text": ""}
                    secs.append(cur)
                cur["text"] += line + "\n"
    return secs


def sections_lines(path, is_heading, heading_text):
    secs, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if is_heading(line.rstrip("\n")):
                cur = {"section": heading_text(line.rstrip("\n")), "page": None, "text": ""}
                secs.append(cur)
            elif cur is not None:
                cur["text"] += line
    return secs


class HtmlSections(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.secs, self.cur, self.in_h, self.htext = [], None, False, ""
        self.row, self.cell, self.in_cell, self.headers, self.in_table = [], "", False, [], False

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.in_h, self.htext = True, ""
        elif tag == "table":
            self.in_table, self.headers = True, []
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.in_cell, self.cell = True, ""
        elif tag == "br" and self.cur is not None:
            self.cur["text"] += "\n"

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self.in_h = False
            self.cur = {"section": " ".join(self.htext.split()), "page": None, "text": ""}
            self.secs.append(self.cur)
        elif tag in ("td", "th"):
            self.in_cell = False
            self.row.append((tag, " ".join(self.cell.split())))
        elif tag == "tr":
            if self.row and all(t == "th" for t, _ in self.row):
                self.headers = [c for _, c in self.row]
            elif self.cur is not None:
                self.cur["text"] += flatten_row(self.headers, [c for _, c in self.row]) + "\n"
        elif tag == "table":
            self.in_table = False
        elif tag in ("p", "li") and self.cur is not None:
            self.cur["text"] += "\n"

    def handle_data(self, data):
        if self.in_h:
            self.htext += data
        elif self.in_cell:
            self.cell += data
        elif self.cur is not None:
            self.cur["text"] += data


def sections_html(path):
    p = HtmlSections()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p.secs


def sections_docx(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    secs, cur = [], None

    def ptext(p):
        return "".join(t.text or "" for t in p.iter(W + "t"))

    for el in body:
        if el.tag == W + "p":
            style = el.find(f"{W}pPr/{W}pStyle")
            sval = style.get(W + "val") if style is not None else ""
            if re.fullmatch(r"Heading[1-6]", sval or ""):
                cur = {"section": ptext(el).strip(), "page": None, "text": ""}
                secs.append(cur)
            elif cur is not None:
                cur["text"] += ptext(el) + "\n"
        elif el.tag == W + "tbl" and cur is not None:
            rows = [[ptext(tc).strip() for tc in tr.iter(W + "tc")] for tr in el.iter(W + "tr")]
            headers = rows[0] if rows else []
            for r in rows[1:]:
                cur["text"] += flatten_row(headers, r) + "\n"
    return secs


def load_corpus(gdir):
    corpus = {}
    for dirpath, dirnames, filenames in os.walk(gdir):
        dirnames[:] = [d for d in dirnames if not d.startswith(("_", "."))]
        for fn in filenames:
            if fn.startswith(("_", ".")):
                continue
            path = os.path.join(dirpath, fn)
            ext = fn.rsplit(".", 1)[-1].lower()
            if ext == "pdf":
                secs = sections_pdf(path)
            elif ext == "docx":
                secs = sections_docx(path)
            elif ext == "html":
                secs = sections_html(path)
            elif ext == "md":
                secs = sections_lines(path, lambda l: l.startswith("#"), lambda l: l.lstrip("#").strip())
            elif ext == "txt":
                secs = sections_lines(path, lambda l: bool(HEADING_LINE.match(l.strip())), lambda l: l.strip())
            else:
                continue
            for s in secs:
                s["norm"] = norm(s["text"])
            corpus[fn] = secs
    return corpus


def find_window(text, facts):
    """Smallest span containing one alternative of every fact; returns (start, end) or None."""
    spans = []
    for fact in facts:
        occ = []
        for alt in fact.split("|"):
            a = norm(alt)
            occ += [(m.start(), m.start() + len(a)) for m in re.finditer(re.escape(a), text)]
        if not occ:
            return None
        spans.append(occ)
    best = None
    for s0, e0 in spans[0]:
        lo, hi = s0, e0
        for occ in spans[1:]:
            # choose occurrence closest to the anchor
            s, e = min(occ, key=lambda o: abs(o[0] - s0))
            lo, hi = min(lo, s), max(hi, e)
        if best is None or hi - lo < best[1] - best[0]:
            best = (lo, hi)
    return best


def main():
    eval_path = sys.argv[1] if len(sys.argv) > 1 else "eval/clinical.jsonl"
    gdir = sys.argv[2] if len(sys.argv) > 2 else "guidelines"
    corpus = load_corpus(gdir)
    failures, items = 0, 0
    ids = set()
    with open(eval_path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            items += 1
            item = json.loads(line)
            iid = item.get("id", f"line{lineno}")
            errs, notes = [], []
            if iid in ids:
                errs.append("duplicate id")
            if item.get("review") == "draft":  # exported from feedback by ./run feedback-export
                errs.append("draft awaiting clinical review: confirm expected_doc/section/page, write key_facts "
                            "and must_not, then remove \"review\"")
            ids.add(iid)
            if not item.get("question"):
                errs.append("empty question")
            if item.get("expect") == "insufficient_evidence":
                if item.get("expected_doc"):
                    errs.append("unanswerable item names expected_doc")
            else:
                doc = item.get("expected_doc")
                facts = item.get("key_facts", [])
                if doc not in corpus:
                    errs.append(f"unknown document {doc}")
                elif not 1 <= len(facts) <= 3:
                    errs.append("needs 1-3 key facts")
                else:
                    secs = [s for s in corpus[doc] if s["section"] == item.get("expected_section")]
                    if not secs:
                        errs.append(f"section not found: {item.get('expected_section')!r}; have "
                                    + str(sorted({s['section'] for s in corpus[doc]})))
                    page = item.get("expected_page")
                    if doc.endswith(".pdf") and page is None:
                        errs.append("PDF item without expected_page")
                    if page is not None:
                        secs = [s for s in secs if s["page"] == page] or (errs.append(
                            f"section not on page {page}") or [])
                    hit = None
                    for s in secs:
                        w = find_window(s["norm"], facts)
                        if w:
                            hit = (s, w)
                            break
                    if secs and not hit:
                        missing = [k for k in facts if not find_window(" ".join(x["norm"] for x in secs), [k])]
                        errs.append(f"key facts not in section: {missing or facts}")
                    elif hit:
                        s, (lo, hi) = hit
                        if hi - lo > WINDOW:
                            errs.append(f"key facts spread over {hi - lo} characters (> {WINDOW})")
                        ctx = s["norm"][max(0, lo - 300):hi + 300]
                        for bad in item.get("must_not", []):
                            if norm(bad) in ctx:
                                errs.append(f"must_not {bad!r} occurs next to the answer")
                    others = [f"{d}#{s['section']}" for d, ss in corpus.items() for s in ss
                              if find_window(s["norm"], facts)
                              and not (d == doc and s["section"] == item.get("expected_section"))]
                    if others:
                        notes.append("facts also in: " + ", ".join(sorted(set(others))))
            status = "FAIL" if errs else "ok  "
            failures += bool(errs)
            print(f"{status} {iid}" + "".join(f"\n     - {e}" for e in errs)
                  + "".join(f"\n     . {n}" for n in notes))
    print(f"\n{items} items, {items - failures} passed, {failures} failed; "
          f"{len(corpus)} documents: " + ", ".join(sorted(corpus)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
