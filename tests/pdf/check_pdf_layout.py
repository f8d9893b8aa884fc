#!/usr/bin/env python3
"""Builds a standard to PDF with `bzc build --pdf` and checks the layout of
what LibreOffice rendered, with poppler's tools, against the document's own
canonical XML (`bzc xml`), so nothing about the sample is written here:

  - fonts: every font embedded, and only Noto CJK (宋体/黑体), Liberation
    (Times New Roman/Arial, metric-compatible) and OpenSymbol (LibreOffice's
    math symbols);
  - A4 pages;
  - the cover: designation, Chinese and English titles, the issue and
    implementation dates and the issuing body, in that order from the top,
    the issue date left of the implementation date;
  - the header of every later page carries the designation;
  - page numbers: the front matter I, II … and the body 1, 2 … in a row,
    the body starting with the document's title on page 1;
  - the 目次 names every chapter, annex and element of the document, and the
    page number of each entry is the page where that heading is;
  - footnote marks are printed once;
  - each table's caption is above the table (its first header cell below
    the caption) and each figure's caption below its image;
  - each entry of a 索引 is its term, a dotted leader and its number, the
    numbers of a column standing at one right edge.

Keeps PNGs of the cover and of the first body page in the work directory as
review artefacts.

usage: check_pdf_layout.py BZC SOURCE WORKDIR [--pdfa]
"""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED_FONTS = re.compile(r"^(NotoSerifCJK|NotoSansCJK|LiberationSerif|LiberationSans|LiberationMono|OpenSymbol)")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

failures = []


def fail(message):
    failures.append(message)


def squash(text):
    """Text without any kind of space: LibreOffice's text extraction puts
    spaces between Latin and Han, and letter-spaced titles (目　次) split."""
    return re.sub(r"[\s\u3000]+", "", text)


def run(argv, **kwargs):
    return subprocess.run(argv, check=True, capture_output=True, **kwargs)


class Line:
    def __init__(self, page, text, x_min, y_min, x_max, y_max):
        self.page, self.text, self.x_min, self.y_min, self.x_max, self.y_max = page, text, x_min, y_min, x_max, y_max
        self.flat = squash(text)


def read_lines(pdf):
    """Every text line of the PDF with its box, page by page (pdftotext
    -bbox-layout), plus the page sizes."""
    out = run(["pdftotext", "-bbox-layout", pdf, "-"]).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.findall("x:word", ns)]
            lines.append(Line(number, " ".join(words), float(line.get("xMin")), float(line.get("yMin")),
                              float(line.get("xMax")), float(line.get("yMax"))))
        lines.sort(key=lambda l: (round(l.y_min), l.x_min))
        pages.append({"width": float(page.get("width")), "height": float(page.get("height")),
                      "lines": rows(number, lines), "column_lines": lines})
    return pages


def rows(page, lines):
    """Lines on one baseline joined into one, left to right: pdftotext cuts
    a letter-spaced title (公务用车管理　　术语) or a cover's date line where
    the gap is wide."""
    result = []
    for line in lines:
        last = result[-1] if result else None
        if last and abs(last.y_max - line.y_max) < 2.5 and line.x_min > last.x_min:
            result[-1] = Line(page, last.text + " " + line.text, last.x_min, min(last.y_min, line.y_min),
                              line.x_max, max(last.y_max, line.y_max))
        else:
            result.append(line)
    return result


def read_images(pdf, workdir):
    """Image boxes per page, in PDF points (pdftohtml -xml scales by 1.5)."""
    scratch = os.path.join(workdir, "images")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    out = run(["pdftohtml", "-xml", "-nodrm", "-q", pdf, os.path.join(scratch, "doc")]).stdout
    root = ET.parse(os.path.join(scratch, "doc.xml")).getroot()
    images = {}
    for page in root.iter("page"):
        number = int(page.get("number"))
        scale = float(page.get("height")) / PAGE_HEIGHT[0]
        for image in page.iter("image"):
            top = float(image.get("top")) / scale
            images.setdefault(number, []).append((top, top + float(image.get("height")) / scale))
    return images


PAGE_HEIGHT = [841.89]


def find_line(lines, wanted):
    wanted = squash(wanted)
    return next((l for l in lines if wanted in l.flat), None)


def page_labels(pages):
    """The page number printed at the bottom of each page ('' on the cover)."""
    labels = []
    for page in pages:
        bottom = [l for l in page["lines"] if l.y_min > page["height"] * 0.88]
        label = bottom[-1].flat if bottom else ""
        labels.append(label if re.fullmatch(r"[IVX]+|\d+", label) else "")
    return labels


def check_info(info, meta):
    """The document information the DOCX's core properties carry, as the PDF
    repeats it: the title, and the keywords as written (ICS and CCS codes,
    not split at each space)."""
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    title = fields.get("Title", "").strip()
    if squash(title) != squash(meta.findtext("title") or ""):
        fail("the PDF's Title is %r, not the document's title" % title)
    codes = ["ICS " + ics.text for ics in meta.findall("ics")]
    if meta.findtext("ccs"):
        codes.append("CCS " + meta.findtext("ccs"))
    keywords, expected = fields.get("Keywords", "").strip(), "；".join(codes)
    if keywords != expected:
        fail("the PDF's Keywords are %r, not %r" % (keywords, expected))


def check_fonts(pdf):
    out = run(["pdffonts", pdf]).stdout.decode("utf-8").splitlines()[2:]
    if not out:
        fail("pdffonts lists no fonts")
    for row in out:
        name = row.split()[0]
        base = name.split("+", 1)[-1]
        embedded = row[row.index(name) + len(name):].split()
        if not ALLOWED_FONTS.match(base):
            fail("font %s is not one of the mapped faces (Noto CJK, Liberation, OpenSymbol)" % base)
        if "yes" not in row.split()[-5:-2][:1] and " yes " not in row:
            fail("font %s is not embedded" % base)


def check_cover(pages, meta):
    lines = pages[0]["lines"]
    wanted = [("designation", meta.findtext("number")), ("title", meta.findtext("title")),
              ("English title", meta.findtext("title-en")), ("issue date", (meta.findtext("issued") or "") + "发布"),
              ("issuing body", meta.findtext("issuer"))]
    found = []
    for what, text in wanted:
        if not text:
            continue
        line = find_line(lines, text[:40])
        if line is None:
            fail("cover: the %s '%s' is not on page 1" % (what, text))
        else:
            found.append((what, line))
    for (a, la), (b, lb) in zip(found, found[1:]):
        if not la.y_min < lb.y_min + 1:
            fail("cover: the %s (y=%.0f) is not above the %s (y=%.0f)" % (a, la.y_min, b, lb.y_min))
    issued = find_line(lines, (meta.findtext("issued") or "") + "发布")
    effective = find_line(lines, (meta.findtext("effective") or "") + "实施")
    if meta.findtext("effective") and effective is None:
        fail("cover: the implementation date is not on page 1")
    if issued and effective:
        words = run(["pdftotext", "-f", "1", "-l", "1", "-bbox", PDF[0], "-"]).stdout.decode("utf-8")
        x_issued = [float(m.group(1)) for m in re.finditer(r'xMin="([\d.]+)"[^>]*>%s' % re.escape(meta.findtext("issued")), words)]
        x_effective = [float(m.group(1)) for m in re.finditer(r'xMin="([\d.]+)"[^>]*>%s' % re.escape(meta.findtext("effective")), words)]
        if not x_issued or not x_effective or not x_issued[0] < x_effective[0]:
            fail("cover: the issue date is not left of the implementation date")
        if abs(issued.y_min - effective.y_min) > 3:
            fail("cover: the issue and implementation dates are not on one line")


def check_headers(pages, meta):
    designation = squash(meta.findtext("number"))
    for number, page in enumerate(pages[1:], 2):
        top = [l for l in page["lines"] if l.y_max < page["height"] * 0.15]
        if not any(designation in l.flat for l in top):
            fail("page %d: the header does not carry %s" % (number, meta.findtext("number")))


def check_page_numbers(pages, labels, meta):
    if labels[0]:
        fail("the cover carries a page number (%s)" % labels[0])
    try:
        first_body = labels.index("1")
    except ValueError:
        fail("no page is numbered 1")
        return None
    front = labels[1:first_body]
    if front != ROMAN[:len(front)]:
        fail("front matter pages are numbered %s, not I, II …" % front)
    body = labels[first_body:]
    if body != [str(n) for n in range(1, len(body) + 1)]:
        fail("body pages are numbered %s, not 1, 2 … in a row" % body)
    title = meta.findtext("title")
    if find_line(pages[first_body]["lines"], title) is None:
        fail("page 1 (PDF page %d) does not start the body with the title %s" % (first_body + 1, title))
    return first_body


def expected_toc(doc):
    """The entries the 目次 must have, as (text to find, kind)."""
    entries = []
    if doc.find("foreword") is not None:
        entries.append("前言")
    if doc.find("introduction") is not None:
        entries.append("引言")
    for element in doc:
        if element.tag == "chapter":
            entries.append(element.get("number") + (element.findtext("title") or ""))
            for clause in element.findall("clause"):
                if clause.find("title") is not None:
                    entries.append(clause.get("number") + clause.findtext("title"))
        elif element.tag == "annex":
            kind = "规范性" if element.get("obligation") == "normative" else "资料性"
            entries.append("附录" + element.get("number") + "（" + kind + "）" + (element.findtext("title") or ""))
        elif element.tag == "bibliography":
            entries.append("参考文献")
        elif element.tag == "index":
            entries.append("索引")
    return entries


def check_toc(pages, labels, doc, first_body):
    toc_pages = [i for i, p in enumerate(pages) if p["lines"] and any(l.flat == "目次" for l in p["lines"][:4])]
    if not toc_pages:
        fail("no page has the 目次 heading")
        return
    entries = []
    for i in toc_pages:
        for line in pages[i]["lines"]:
            m = re.fullmatch(r"(.+?)\.{3,}([IVX]+|\d+)", line.flat)
            if m:
                entries.append((m.group(1), m.group(2)))
            elif "..." in line.flat:
                fail("目次: the entry '%s' has no page number" % line.text)
    texts = [e[0] for e in entries]
    for wanted in expected_toc(doc):
        if squash(wanted) not in texts:
            fail("目次: no entry for '%s' (entries: %s)" % (wanted, texts[:6]))
    for text, label in entries:
        if label not in labels:
            fail("目次: '%s' points to page %s, which does not exist" % (text, label))
            continue
        page = pages[labels.index(label) if label.isdigit() is False else first_body + int(label) - 1]
        # The heading on that page, not the 目次 line itself.
        if not any(l.flat.startswith(text) and "..." not in l.flat for l in page["lines"]) and \
                not any(text.endswith(l.flat) and len(l.flat) > 1 for l in page["lines"]):
            fail("目次: '%s' is listed on page %s, but the heading is not there" % (text, label))


def check_footnote_marks(pages):
    """LibreOffice prints a Word custom footnote mark twice unless the worker
    removes the copy: 1)1) in the text, 1) 1) before the footnote."""
    for page in pages:
        for line in page["lines"]:
            if re.search(r"(\d\))\1", line.flat):
                fail("page %d: a footnote mark is printed twice: %s" % (line.page, line.text))


def check_tables_and_figures(pages, images, doc):
    all_lines = [l for p in pages for l in p["lines"]]
    for table in doc.iter("table"):
        number = table.get("number")
        caption = next((l for l in all_lines if re.match(re.escape(number) + r"(?![\d.])", l.flat) and "..." not in l.flat
                        and l.x_min > 150), None)
        if caption is None:
            fail("%s: no caption line" % number)
            continue
        first_row = table.find("tr")
        first_cell = squash("".join(first_row.find("td").itertext())) if first_row is not None and first_row.find("td") is not None else ""
        if not first_cell:
            continue
        # A narrow header cell breaks into lines (序/号): its first character
        # must start a line just below the caption.
        below = [l for l in pages[caption.page - 1]["lines"]
                 if caption.y_min < l.y_min < caption.y_max + 60 and first_cell[0] in l.flat[:2]]
        if not below:
            fail("%s: its first cell '%s' is not below the caption on page %d" % (number, first_cell, caption.page))
    for figure in doc.iter("figure"):
        number = figure.get("number")
        caption = next((l for l in all_lines if re.match(re.escape(number) + r"(?![\d.])", l.flat) and l.x_min > 150), None)
        if caption is None:
            fail("%s: no caption line" % number)
            continue
        above = [img for img in images.get(caption.page, []) if img[1] <= caption.y_min + 2]
        if not above:
            fail("%s: no image above its caption on page %d" % (number, caption.page))


def check_index(pages, doc):
    entries = []  # the 索引 is an element of the document, the metadata's <index> only says how it is made
    for item in (item for section in doc.findall("index") for item in section.iter("li")):
        text = "".join(item.find("p").itertext()) if item.find("p") is not None else ""
        term, gap, number = text.rpartition("\u3000")
        if gap and re.fullmatch(r"\d+(\.\d+)*", number):
            entries.append((squash(term), number))
    edges = {}  # (page, left or right column) → the right ends of its numbers
    for term, number in entries:
        pattern = re.compile(re.escape(term) + r"[.·…]{3,}" + re.escape(number) + r"$")
        line = next((l for p in pages for l in p["column_lines"] if pattern.match(l.flat)), None)
        if line is None:
            fail("索引: no line '%s', a dotted leader, '%s'" % (term, number))
            continue
        side = "left" if line.x_min < pages[line.page - 1]["width"] / 2 else "right"
        edges.setdefault((line.page, side), []).append(line.x_max)
    for (page, side), ends in sorted(edges.items()):
        if max(ends) - min(ends) > 2:
            fail("索引, page %d, %s column: the numbers end between %.1f and %.1f pt, not at one edge" % (page, side, min(ends), max(ends)))


PDF = [""]


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    bzc, source, workdir = sys.argv[1:4]
    extra = sys.argv[4:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    canonical = run([bzc, "xml", source]).stdout
    doc = ET.fromstring(canonical)
    meta = doc.find("metadata")
    built = subprocess.run([bzc, "--lang", "en", "build", "--pdf", source, "-o", workdir] + extra, capture_output=True)
    if built.returncode != 0:
        print(built.stderr.decode("utf-8"))
        print("FAIL: bzc build --pdf exited with %d" % built.returncode)
        return 1
    pdfs = [f for f in os.listdir(workdir) if f.endswith(".pdf")]
    leftovers = [f for f in os.listdir(workdir) if not f.endswith(".pdf")]
    if len(pdfs) != 1 or leftovers:
        print("FAIL: expected one PDF and nothing else in %s, found %s" % (workdir, sorted(os.listdir(workdir))))
        return 1
    pdf = PDF[0] = os.path.join(workdir, pdfs[0])
    pages = read_lines(pdf)
    PAGE_HEIGHT[0] = pages[0]["height"]
    for number, page in enumerate(pages, 1):
        if abs(page["width"] - 595.3) > 1 or abs(page["height"] - 841.9) > 1:
            fail("page %d is %.1f × %.1f pt, not A4" % (number, page["width"], page["height"]))
    info = run(["pdfinfo", pdf]).stdout.decode("utf-8")
    xmp = run(["pdfinfo", "-meta", pdf]).stdout.decode("utf-8", "replace")
    if "--pdfa" in extra and not re.search(r"pdfaid:conformance(>|=\")B", xmp):
        fail("--pdfa: the PDF does not declare PDF/A conformance B")
    check_info(info, meta)
    labels = page_labels(pages)
    check_fonts(pdf)
    check_cover(pages, meta)
    check_headers(pages, meta)
    first_body = check_page_numbers(pages, labels, meta)
    if first_body is not None and meta.findtext("toc") == "true":
        check_toc(pages, labels, doc, first_body)
    elif any(l.flat == "目次" for p in pages for l in p["lines"]):
        fail("a 目次 is printed, but the document has none")
    check_footnote_marks(pages)
    check_tables_and_figures(pages, read_images(pdf, workdir), doc)
    check_index(pages, doc)
    # Review artefacts: the cover and the first body page.
    run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, os.path.join(workdir, "cover")])
    if first_body is not None:
        run(["pdftoppm", "-png", "-r", "60", "-f", str(first_body + 1), "-l", str(first_body + 1), pdf,
             os.path.join(workdir, "body")])
    shutil.rmtree(os.path.join(workdir, "images"), ignore_errors=True)
    pages_line = re.search(r"Pages:\s+(\d+)", info)
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("ok: %s, %s pages, labels %s; review PNGs in %s" % (os.path.basename(pdf), pages_line.group(1) if pages_line else "?",
                                                              " ".join(l or "-" for l in labels), workdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
