#!/usr/bin/env python3
"""表N（续） through LibreOffice: a table that runs on to later pages is
continued on each under its number and （续）, with its unit line and its
heading rows, and no row is lost or repeated.

usage: check_continued_tables.py BZC WORKDIR

Writes a standard with a long body table that has a unit line, a long annex
table, a three-page annex table with a unit line and a heading of two rows
(merged cells across and down) and a short table; builds its PDF with bzc
and reads it back with poppler (pdftotext per page). Checks, for each long
table, that every page after the first it is on begins with its continued
caption (after the running header), then its unit line, then its whole
heading, and that its rows come once each and in order; that the short
table is not continued; and that the 目次 still gives the page the annex is
on (the captions move pages, so the worker updates it again).
"""
import os
import re
import shutil
import subprocess
import sys

ROWS = 70
ANNEX_ROWS = 55
TWO_ROW_HEADING_ROWS = 100


def body_table():
    lines = ["表：检查项目 {#tab-items}", "单位为毫米", "", "| 序号 | 项目 | 要求 |", "|---|---|---|"]
    for i in range(1, ROWS + 1):
        lines.append("| %d | 甲行%03d | 管道内径允许偏差应符合设计文件的规定，检查数量为全数检查 |" % (i, i))
    return "\n".join(lines)


def annex_table():
    lines = ["表：记录格式 {#tab-record}", "", "| 序号 | 项目 | 方法 |", "|---|---|---|"]
    for i in range(1, ANNEX_ROWS + 1):
        lines.append("| %d | 乙行%03d | 应每月检查一次并记录 |" % (i, i))
    return "\n".join(lines)


def two_row_heading_table():
    rows = "\n".join("<tr><td>%d</td><td>丙行%03d</td><td>应每月检查一次并记录</td><td>5</td></tr>" % (i, i)
                     for i in range(1, TWO_ROW_HEADING_ROWS + 1))
    return """表：评分格式 {#tab-score}
单位为分

<table>
<thead>
<tr><th rowspan="2">序号</th><th rowspan="2">项目</th><th colspan="2">检查</th></tr>
<tr><th>方法</th><th>分值</th></tr>
</thead>
<tbody>
%s
</tbody>
</table>""" % rows


STANDARD = """---
number: DB43/T 2345—2022
title: 机关事务标准化工作指南
stage: 征求意见稿
toc: true
---
# 范围
本文件规定了检查项目。

# 规范性引用文件
本文件没有规范性引用文件。

# 术语和定义
本文件没有需要界定的术语和定义。

# 检查
## 项目
检查项目见[](#tab-items)，短表见[](#tab-short)。

%s

## 短表
短表见[](#tab-short)。

表：短表 {#tab-short}

| 项目 | 要求 |
|---|---|
| 丙 | 丁 |

检查记录应符合附录A的规定。

# 附录（规范性） 记录 {#annex-a}
记录格式见[](#tab-record)，评分格式见[](#tab-score)。

%s

%s
""" % (body_table(), annex_table(), two_row_heading_table())


def fail(message):
    print("check_continued_tables: " + message, file=sys.stderr)
    sys.exit(1)


def pages_of(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    return [[re.sub(r"\s+", "", line) for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def check_table(pages, number, marker, count, unit, heading):
    """The pages table `number` is on; each after the first begins with its
    continued caption, then `unit` (if any), then the lines of `heading`."""
    seen = []
    on = []
    for p, lines in enumerate(pages):
        for line in lines:
            for m in re.finditer(marker + r"(\d{3})", line):
                seen.append(int(m.group(1)))
                if not on or on[-1] != p:
                    on.append(p)
    if seen != list(range(1, count + 1)):
        fail("%s: rows read %s, not 1…%d once each in order" % (number, seen, count))
    if len(on) < 2:
        fail("%s is on one page only (%s): the test needs it to run on" % (number, on))
    caption = number + "（续）"
    for p in on[1:]:
        lines = pages[p]
        # The running header (the designation) comes first.
        if "DB43/T2345—2022" not in lines[0]:
            fail("page %d does not begin with the running header: %r" % (p + 1, lines[:2]))
        expected = [caption] + ([unit] if unit else []) + heading
        got = lines[1:1 + len(expected)]
        if [g.startswith(e) for g, e in zip(got, expected)] != [True] * len(expected):
            fail("page %d, where %s goes on, begins %r, not %r" % (p + 1, number, got, expected))
    captions = sum(line.count(caption) for lines in pages for line in lines)
    if captions != len(on) - 1:
        fail("%s（续） printed %d times for a table on %d pages" % (number, captions, len(on)))
    return on


def page_number(lines):
    """The folio at the foot of a body page."""
    return lines[-1] if lines and lines[-1].isdigit() else None


def main():
    if len(sys.argv) != 3:
        fail("usage: check_continued_tables.py BZC WORKDIR")
    bzc, work = sys.argv[1:]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    source = os.path.join(work, "standard.md")
    with open(source, "w", encoding="utf-8") as f:
        f.write(STANDARD)
    out = os.path.join(work, "out")
    run = subprocess.run([bzc, "build", "--force", source, "-o", out], capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        fail("bzc build exited %d:\n%s" % (run.returncode, run.stderr))
    pdf = os.path.join(out, "DB43-T 2345—2022.pdf")
    pages = pages_of(pdf)

    body = check_table(pages, "表1", "甲行", ROWS, "单位为毫米", ["序号项目要求"])
    annex = check_table(pages, "表A.1", "乙行", ANNEX_ROWS, None, ["序号项目方法"])
    # The merged 检查 above 方法 and 分值, with 序号 and 项目 spanning both rows.
    on = check_table(pages, "表A.2", "丙行", TWO_ROW_HEADING_ROWS, "单位为分", ["检查", "序号项目", "方法分值"])
    if len(on) < 3:
        fail("表A.2 is on pages %s: the test needs it on three" % [p + 1 for p in on])
    if any("表2（续）" in line for lines in pages for line in lines):
        fail("表2 is continued")

    # The 目次 gives the annex's page as its folio reads.
    toc = next((lines for lines in pages if "目次" in "".join(lines[:3])), None)
    if toc is None:
        fail("no 目次 page")
    entry = next((line for line in toc if line.startswith("附录A")), None)
    if entry is None or not re.search(r"(\d+)$", entry):
        fail("the 目次 has no page for 附录A: %r" % toc)
    listed = re.search(r"(\d+)$", entry).group(1)
    annex_page = next(p for p, lines in enumerate(pages) if any(line.startswith("附录A") for line in lines[:3]))
    if page_number(pages[annex_page]) != listed:
        fail("the 目次 gives 附录A page %s, but it is on the page numbered %s" % (listed, page_number(pages[annex_page])))
    print("check_continued_tables: 表1 on pages %s, 表A.1 on pages %s, 表A.2 (two heading rows) on pages %s, "
          "each continued; 目次 right" % ([p + 1 for p in body], [p + 1 for p in annex], [p + 1 for p in on]))


if __name__ == "__main__":
    main()
