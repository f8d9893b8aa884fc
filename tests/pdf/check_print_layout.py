#!/usr/bin/env python3
"""The print layout of a published standard (GB/T 1.1—2020 as printed):
the cover counts as page I without showing it, 目次, 前言, 引言 and the body
each start on a right-hand (odd) page, and the blank left-hand pages stay in
the PDF for printing on both sides.

usage: check_print_layout.py BZC SAMPLE_DIR WORKDIR

Builds SAMPLE_DIR/standard.md with `--page-layout print` and reads the PDF
back with poppler: where each element starts, the number in its footer, the
blank pages between, and the 目次's page numbers, which must be the ones
printed in the footers.
"""
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    print("check_print_layout: " + message)
    sys.exit(1)


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                          check=True, capture_output=True, text=True).stdout


def main():
    bzc, sample, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out = os.path.join(work, "out")
    run = subprocess.run([bzc, "build", "--pdf", "--page-layout", "print",
                          os.path.join(sample, "standard.md"), "-o", out], capture_output=True, text=True)
    if run.returncode != 0:
        fail("bzc build failed (%d): %s" % (run.returncode, run.stderr[-2000:]))
    pdfs = [f for f in os.listdir(out) if f.endswith(".pdf")]
    if len(pdfs) != 1:
        fail("expected one PDF, found %s" % pdfs)
    pdf = os.path.join(out, pdfs[0])
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = [page_text(pdf, p) for p in range(1, pages + 1)]

    def lines(p):  # the non-blank lines of page p (1-based)
        return [l.strip() for l in texts[p - 1].splitlines() if l.strip()]

    def starts(title):  # the page whose heading (spaced out by the layout) is `title`
        spaced = re.compile(r"^\s*" + r"\s*".join(map(re.escape, title)) + r"\s*$", re.M)
        found = [p for p in range(1, pages + 1) if spaced.search(texts[p - 1])]
        if not found:
            fail("no page starts with %s" % title)
        return found[0]

    if "ICS" not in texts[0]:
        fail("page 1 is not the cover: %r" % lines(1)[:3])
    if re.search(r"^\s*[IVX]+\s*$", texts[0], re.M):
        fail("the cover shows a page number")
    expected = {"目次": "III", "前言": "V", "引言": "VII"}
    previous = 1
    for title, number in expected.items():
        p = starts(title)
        if p % 2 == 0:
            fail("%s starts on page %d, a left-hand page" % (title, p))
        if lines(p)[-1] != number:
            fail("%s: its first page shows %r, expected %s" % (title, lines(p)[-1], number))
        # The left-hand page before it is blank: no header, no number.
        if lines(p - 1) and p - 1 > previous:
            fail("page %d before %s is not blank: %r" % (p - 1, title, lines(p - 1)[:2]))
        previous = p
    body = next((p for p in range(previous + 1, pages + 1) if lines(p) and lines(p)[-1] == "1"), None)
    if body is None or body % 2 == 0:
        fail("the body's page 1 is PDF page %s, not a right-hand page" % body)
    # The 目次 lists the numbers the footers print.
    toc = texts[starts("目次") - 1]
    for title, number in (("前言", "V"), ("引言", "VII"), ("1 范围", "1")):
        if not re.search(re.escape(title) + r"\.{3,}\s*" + number + r"\s*$", toc, re.M):
            fail("the 目次 does not list %s on page %s:\n%s" % (title, number, toc))
    print("check_print_layout: %d pages; 目次 III, 前言 V, 引言 VII, body from page %d; blank pages kept" % (pages, body))


if __name__ == "__main__":
    main()
