#!/usr/bin/env python3
"""The 编制说明 of a sample through LibreOffice, read back with poppler.

usage: check_report_pdf.py BZC STANDARD.md WORKDIR

Runs `bzc report` on the standard (its project record and comment table lie
next to it), then checks the text of both PDFs against the inputs, not
against a golden file: the headings of the report are the sections of the
structure (rules/codes/explanation-structures.txt) in order, numbered 一、
二、 …; the structure sentence counts the chapters of the canonical XML and
names the first and last; the signature closes the report; the comment
table is landscape, has a row per comment of the CSV and a totals row with
the counts of the CSV.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHINESE = "一二三四五六七八九十"


def fail(message):
    print("check_report_pdf: " + message, file=sys.stderr)
    sys.exit(1)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text):
    # pdftotext breaks lines where the page does: compare without white space.
    return re.sub(r"\s+", "", text)


def structure(family):
    sections = []
    with open(os.path.join(ROOT, "rules/codes/explanation-structures.txt"), encoding="utf-8") as f:
        for line in f:
            fields = [x.strip() for x in line.split("|")]
            if len(fields) == 4 and fields[0] == family:
                sections.append(fields[2])
    return sections


def main():
    bzc, standard, workdir = sys.argv[1:4]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    run = subprocess.run([bzc, "report", standard, "-o", workdir], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        fail("bzc report exited %d:\n%s" % (run.returncode, run.stderr))
    written = run.stdout.split("\n")
    report_pdf = next((p for p in written if p.endswith("编制说明.pdf")), None)
    table_pdf = next((p for p in written if p.endswith("征求意见汇总处理表.pdf")), None)
    if not report_pdf or not table_pdf:
        fail("bzc report did not print both PDFs:\n" + run.stdout)

    text = squeeze(pdf_text(report_pdf))
    position = 0
    for i, title in enumerate(structure("local")):
        heading = CHINESE[i] + "、" + title
        found = text.find(heading, position)
        if found < 0:
            fail("heading %s missing or out of order" % heading)
        position = found

    xml = subprocess.run([bzc, "xml", standard], check=True, capture_output=True, text=True).stdout
    chapters = ET.fromstring(xml).findall("chapter")
    if ("本文件共包括%d章，分别为范围、规范性引用文件" % len(chapters)) not in text:
        fail("the structure sentence does not count the %d chapters of the draft" % len(chapters))
    last = "".join(chapters[-1].find("title").itertext())
    if ("、" + last + "；另有") not in text:
        fail("the structure sentence does not end its chapters with %s" % last)
    if "标准起草组" not in text[-200:]:
        fail("the signature does not close the report")

    with open(os.path.join(os.path.dirname(standard), "征求意见汇总处理表.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    table = squeeze(pdf_text(table_pdf))
    for row in rows:
        # Cells wrap and pdftotext interleaves the lines of a row's cells: the start of each comment is whole.
        if squeeze(row["意见内容"])[:6] not in table:
            fail("comment %s missing from the table" % row["序号"])
    adopted = sum(1 for r in rows if r["处理意见"] == "采纳")
    units = len({r["提出单位"] for r in rows})
    totals = "合计：%d个单位提出意见%d条，其中采纳%d条" % (units, len(rows), adopted)
    if totals not in table:
        fail("no totals row %s" % totals)
    info = subprocess.run(["pdfinfo", table_pdf], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if not size or float(size.group(1)) <= float(size.group(2)):
        fail("the comment table is not landscape: " + (size.group(0) if size else info))
    print("check_report_pdf: %s: %d sections, %d chapters, %d comments" % (standard, len(structure("local")), len(chapters), len(rows)))


if __name__ == "__main__":
    main()
