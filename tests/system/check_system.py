#!/usr/bin/env python3
"""Runs `bzc system` on standards repositories and checks what it writes.

usage: check_system.py BZC WORK_DIR [REPOSITORY...]

A small repository is generated in WORK_DIR/repository (a framework of two top
categories, a replaced edition, a draft with a placeholder number, a standard
due and one overdue for 复审, one in a category the framework lacks); each
REPOSITORY given (samples/jgsw-system) is checked too, less the expectations
that only the generated one can have.

What is checked:
  - the run: exit 0 with every output (DOCX, PDF, SVG, three CSV), their paths
    on stdout in that order, the summary on stderr; a second run with
    --docx --csv writes byte-identical DOCX, SVG and CSV;
  - the DOCX: the package as tests/docx/validate_docx.py checks a standard's
    (zip entries, content types, relationships), python-docx opens it; the
    title 《…标准体系表》, the four headings, one 明细表 per category group with
    the rows of the CSV, the header row repeated on every page, landscape A4;
    the picture's PNG and the SVG extension (asvg:svgBlip) both in the package;
  - the CSV: UTF-8 with BOM, CR LF, RFC 4180 (Python's csv reads every row
    with the header's number of fields), a row per standard of the
    repository; 体系编号 <category>-NN numbered 01, 02 … in each category;
  - the SVG: well-formed, a box for every category of the 统计表;
  - the PDF: its text has the title and the headings; the diagram is an image
    on the first page (pdfimages), rendered to WORK_DIR/…/page-1.png for review;
  - without a project file: exit 2, a message naming bzc.yaml, nothing written.
"""

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "docx"))
import validate_docx  # noqa: E402  (the package checks of the standard's DOCX)

TODAY = "2022-03-01"
OUTPUTS = ["标准体系表.docx", "标准体系结构图.svg", "标准明细表.csv", "标准统计表.csv", "复审到期.csv", "标准体系表.pdf"]
W = validate_docx.W
SVG = "http://www.w3.org/2000/svg"

failures = validate_docx.failures
check = validate_docx.check


def standard(number, title, category, stage="发布稿", effective="", extra=""):
    lines = ["---", "number: " + number, "title: " + title, "stage: " + stage]
    if effective:
        lines += ["issued: " + effective, "effective: " + effective]
    if category:
        lines.append('category: "%s"' % category)
    if extra:
        lines.append(extra)
    return "\n".join(lines + ["---", "", "# 范围", "", "本文件规定了要求。", ""])


def generate_repository(root):
    os.makedirs(os.path.join(root, "standards"), exist_ok=True)
    with open(os.path.join(root, "bzc.yaml"), "w", encoding="utf-8") as f:
        f.write("""project: 示例市机关事务标准体系
framework:
  name: "2+N"
  categories:
    - code: "100"
      name: 基础通用标准
      children:
        - {code: "110", name: 标准化导则}
        - {code: "120", name: 术语}
    - code: "200"
      name: 运行保障标准
      children:
        - {code: "210", name: 服务接待}
        - {code: "220", name: 公务用车}
        - {code: "230", name: 办公用房}
review-period: 5
""")
    files = {
        "guide-2015.md": standard("DB50/T 1016—2015", "机关事务标准化工作指南", "110", effective="2016-02-29"),
        "guide-2020.md": standard("DB50/T 1016—2020", "机关事务标准化工作指南", "110", effective="2020-03-01",
                                  extra="replaces: DB50/T 1016—2015"),
        "terms.md": standard("DB50/T 1017—2017", "机关事务术语", "120", effective="2017-03-01"),
        "reception.md": standard("Q/JGSW 211—2016", "公务接待服务规范，通则", "210", effective="2016-02-29"),
        "reception-2.md": standard("Q/JGSW 212—2021", "会议接待规范", "210", effective="2021-05-01"),
        "cars.md": standard("DB50/T ××××—2026", "公务用车管理规范", "220", stage="征求意见稿"),
        "assets.md": standard("Q/JGSW 251—2024", "资产处置规范", "255", effective="2024-02-01"),
    }
    for name, text in files.items():
        with open(os.path.join(root, "standards", name), "w", encoding="utf-8") as f:
            f.write(text)
    return len(files)


def run(argv, cwd=None, env_extra=None):
    env = dict(os.environ, BZC_TODAY=TODAY)
    env.update(env_extra or {})
    return subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)


def read_csv(path, label):
    data = open(path, "rb").read()
    check(data.startswith(b"\xef\xbb\xbf"), "%s: no UTF-8 byte order mark" % label)
    text = data[3:].decode("utf-8")
    check("\n" not in text.replace("\r\n", ""), "%s: a line not ended by CR LF" % label)
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    check(rows and all(len(r) == len(rows[0]) for r in rows), "%s: rows of different lengths" % label)
    return rows


def paragraph_text(p):
    return "".join(t.text or "" for t in p.iter("{%s}t" % W))


def check_docx(path, details, statistics, label):
    with zipfile.ZipFile(path) as z:
        validate_docx.check_zip(z)
        parts = validate_docx.parse_parts(z)
        validate_docx.check_package(z, parts)
        names = z.namelist()
        check("word/media/image1.png" in names and z.read("word/media/image1.png").startswith(b"\x89PNG"),
              "%s: no PNG of the diagram" % label)
        check("word/media/image2.svg" in names, "%s: no SVG of the diagram" % label)
        doc = parts["word/document.xml"]
    body = doc.find("{%s}body" % W)
    blips = doc.findall(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    check(len(blips) == 1, "%s: %d asvg:svgBlip, expected 1" % (label, len(blips)))
    paragraphs = [paragraph_text(p) for p in body.findall("{%s}p" % W)]
    check(paragraphs and re.fullmatch(r"《.+标准体系表》", paragraphs[0]), "%s: title %r" % (label, paragraphs[:1]))
    for heading in ["1　体系结构图", "2　标准明细表", "3　标准统计表", "4　复审"]:
        check(heading in paragraphs, "%s: no heading %s" % (label, heading))
    size = body.find("{%s}sectPr/{%s}pgSz" % (W, W))
    check(size is not None and size.get("{%s}orient" % W) == "landscape" and size.get("{%s}w" % W) == "16838",
          "%s: not landscape A4" % label)
    tables = body.findall("{%s}tbl" % W)
    for t in tables:
        first = t.find("{%s}tr" % W)
        check(first is not None and first.find("{%s}trPr/{%s}tblHeader" % (W, W)) is not None,
              "%s: a table without a repeated header row" % label)

    # The 明细表 tables hold the CSV's rows, category by category (the CSV's
    # last column names the category; the tables have the other columns).
    def cells(tr):
        return [paragraph_text(tc) for tc in tr.findall("{%s}tc" % W)]

    groups = []
    for row in details[1:]:
        if not groups or groups[-1][0] != row[-1]:
            groups.append((row[-1], []))
        groups[-1][1].append(row[:-1])
    check(len(tables) >= len(groups) + 1, "%s: %d tables for %d groups" % (label, len(tables), len(groups)))
    for (name, rows), table in zip(groups, tables):
        trs = table.findall("{%s}tr" % W)
        check(cells(trs[0]) == details[0][:-1], "%s: 明细表 header %s" % (label, cells(trs[0])))
        check([cells(tr) for tr in trs[1:]] == rows, "%s: the 明细表 of %s differs from the CSV" % (label, name))
    stats_table = tables[len(groups)]
    stats_rows = [cells(tr) for tr in stats_table.findall("{%s}tr" % W)]
    check(len(stats_rows) == len(statistics) - 1, "%s: 统计表 has %d rows, the CSV %d" % (label, len(stats_rows), len(statistics) - 1))

    try:
        import docx  # python-docx, when this interpreter has it
    except ImportError:
        return
    d = docx.Document(path)
    check(d.paragraphs[0].text == paragraphs[0], "%s: python-docx reads another title" % label)
    check(len(d.tables) == len(tables), "%s: python-docx finds %d tables" % (label, len(d.tables)))
    check(len(d.inline_shapes) == 1, "%s: python-docx finds %d pictures" % (label, len(d.inline_shapes)))


def check_repository(bzc, repository, work, generated_count=None):
    label = os.path.basename(os.path.normpath(repository))
    out = os.path.join(work, "all")
    r = run([bzc, "system", repository, "-o", out])
    if r.returncode != 0:
        failures.append("%s: bzc system exit %d\n%s" % (label, r.returncode, r.stderr.decode()))
        return
    printed = r.stdout.decode().splitlines()
    check(printed == [os.path.join(out, name) for name in OUTPUTS], "%s: printed %s" % (label, printed))
    check(re.search(r"标准数 \d+，现行 \d+，制定中 \d+，覆盖率 [\d.]+%，复审到期 \d+ 项，其中逾期 \d+ 项", r.stderr.decode()),
          "%s: no summary on stderr: %r" % (label, r.stderr.decode()))
    again = os.path.join(work, "again")
    r2 = run([bzc, "system", repository, "-o", again, "--docx", "--csv"])
    check(r2.returncode == 0, "%s: second run exit %d" % (label, r2.returncode))
    for name in OUTPUTS[:-1]:
        a, b = os.path.join(out, name), os.path.join(again, name)
        check(os.path.isfile(b) and open(a, "rb").read() == open(b, "rb").read(), "%s: %s differs between runs" % (label, name))
    check(not os.path.exists(os.path.join(again, "标准体系表.pdf")), "%s: --docx --csv wrote a PDF" % label)

    details = read_csv(os.path.join(out, "标准明细表.csv"), label + " 明细表")
    statistics = read_csv(os.path.join(out, "标准统计表.csv"), label + " 统计表")
    review = read_csv(os.path.join(out, "复审到期.csv"), label + " 复审到期")
    sources = sum(1 for _, _, fs in os.walk(os.path.join(repository, "standards")) for f in fs if f.endswith(".md"))
    check(len(details) - 1 == sources, "%s: %d rows for %d standards" % (label, len(details) - 1, sources))
    sequences = {}
    for row in details[1:]:
        number = row[1]
        if not number:
            check(row[-1] == "未归类", "%s: %s has no 体系编号 but a category" % (label, row[2]))
            continue
        m = re.fullmatch(r"(.+)-(\d{2,})", number)
        check(m is not None, "%s: 体系编号 %r" % (label, number))
        if m:
            expected = sequences.get(m.group(1), 0) + 1
            check(int(m.group(2)) == expected, "%s: %s is not the %d. of its category" % (label, number, expected))
            sequences[m.group(1)] = expected
    check(statistics[-1][1] == "覆盖率" and statistics[-2][1] == "合计", "%s: 统计表 ends %s" % (label, statistics[-2:]))
    check(int(statistics[-2][-1]) == sources, "%s: 合计 %s for %d standards" % (label, statistics[-2][-1], sources))

    svg = ET.parse(os.path.join(out, "标准体系结构图.svg")).getroot()
    texts = [t.text for t in svg.iter("{%s}text" % SVG)]
    for row in statistics[1:-2]:
        if row[0]:
            check("%s %s" % (row[0], row[1]) in texts, "%s: category %s %s not in the diagram" % (label, row[0], row[1]))

    check_docx(os.path.join(out, "标准体系表.docx"), details, statistics, label)

    pdf = os.path.join(out, "标准体系表.pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], stdout=subprocess.PIPE).stdout.decode()
    squeezed = re.sub(r"\s+", "", text)
    check("标准体系表》" in squeezed and "体系结构图" in squeezed and "标准明细表" in squeezed, "%s: PDF text lacks the headings" % label)
    images = subprocess.run(["pdfimages", "-list", pdf], stdout=subprocess.PIPE).stdout.decode().splitlines()[2:]
    check(any(line.split()[0] == "1" for line in images), "%s: the diagram is not on the first page of the PDF" % label)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf, os.path.join(work, "page")])

    if generated_count is not None:
        # The generated repository, on 2022-03-01: the standard in force since
        # 2016-02-29 is overdue (due 2021-02-28, overdue after 2022-02-28);
        # the terms of 2017-03-01 are due today; the 2015 edition is replaced.
        check(details[1][1:6] == ["110-01", "DB50/T 1016—2015", "机关事务标准化工作指南", "地方标准", "被代替"],
              "generated: first row %s" % details[1])
        due = {row[2]: row[-1] for row in review[1:]}
        check(due == {"DB50/T 1017—2017": "到期", "Q/JGSW 211—2016": "逾期"}, "generated: review list %s" % due)
        check(statistics[-1][2] == "60.0%", "generated: coverage %s (3 of 5 leaves)" % statistics[-1][2])
        check('"公务接待服务规范，通则"' not in open(os.path.join(out, "标准明细表.csv"), encoding="utf-8-sig").read(),
              "generated: a full-width comma quoted")


def check_without_project(bzc, work):
    # Outside any repository: a temporary folder with no bzc.yaml above it.
    root = tempfile.mkdtemp(prefix="bzc-system-no-project-")
    try:
        probe, above = root, []
        while True:
            above.append(os.path.exists(os.path.join(probe, "bzc.yaml")))
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
        if any(above):
            print("check_system.py: a bzc.yaml above %s; the no-project case is skipped" % root)
            return
        r = run([bzc, "--lang", "en", "system", root, "-o", os.path.join(root, "out")])
        check(r.returncode == 2, "no project: exit %d" % r.returncode)
        check(b"bzc.yaml" in r.stderr, "no project: message %r" % r.stderr.decode())
        check(not os.path.exists(os.path.join(root, "out")), "no project: something was written")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    bzc, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    generated = os.path.join(work, "repository")
    count = generate_repository(generated)
    check_repository(bzc, generated, os.path.join(work, "generated"), count)
    for repository in sys.argv[3:]:
        if os.path.isfile(os.path.join(repository, "bzc.yaml")):
            check_repository(bzc, os.path.abspath(repository), os.path.join(work, os.path.basename(os.path.normpath(repository))))
    check_without_project(bzc, work)
    if failures:
        print("\n".join("FAIL " + f for f in failures))
        sys.exit(1)
    print("bzc system: all checks passed")


if __name__ == "__main__":
    main()
