#!/usr/bin/env python3
"""Cross-references through LibreOffice: the text as it lays the fields
out, and the links.

usage: check_xref_pdf.py BZC WORKDIR

Writes a standard that refers to a chapter, clauses (titled, untitled, a
term entry, an 引言 clause), an annex, tables, a figure and a subfigure and
a formula, from running text, a table cell, a note and a footnote; builds
its PDF with bzc (DOCX REF fields, LibreOffice through the PDF worker) and
checks with poppler that every reference reads as bzc resolved it, without
the full-width space that ends a clause number in Word's numbering (which
LibreOffice draws for a REF \\r field), and that each
field is a link into the document (a Link annotation with a /Dest).
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

STANDARD = """---
number: DB43/T 2345—2022
title: 机关事务标准化工作指南
stage: 征求意见稿
---
# 范围
引用甲见[](#ch-req)、[](#c-org)、[](#c-untitled)、[](#tab-1)、[](#fig-1)、[](#fig-1b)、[](#eq-1)、[](#annex-a)、[](#t-1)、[](#tab-a1)、[](#intro-1)乙[^n]。

# 术语和定义
## 术语 {#t-1}
term
定义。

# 要求 {#ch-req}
## 组织 {#c-org}
引用丙按[](#eq-1)丁。

注：引用戊见[](#c-org)己。

表：表 {#tab-1}

| a |
|---|
| 引用庚[](#c-untitled)辛 |

图：组图 {#fig-1}

![一](a.png){#fig-1a} ![二](b.png){#fig-1b}

```math {#eq-1}
x = 1
```
## {#c-untitled}
无标题条。

# 附录（规范性） 附录 {#annex-a}
表：附录表 {#tab-a1}

| a |
|---|
| 1 |

[^n]: 引用壬见[](#annex-a)癸。

# 引言
## 背景 {#intro-1}
文本。
"""

# What each sentence reads, white space dropped (pdftotext spaces Latin
# from Chinese and breaks lines where the page does).
SENTENCES = [
    "引用甲见第3章、3.1、3.2、表1、图1、图1b)、公式(1)、附录A、2.1、表A.1、0.1乙",
    "引用丙按公式(1)丁",
    "引用戊见3.1己",
    "引用庚3.2辛",
    "引用壬见附录A癸",
]
# The text of every field, each a link: 第 and 章, 公式 are outside the fields.
LINKS = sorted(["3", "3.1", "3.2", "表1", "图1", "图1", "b)", "(1)", "附录A", "2.1", "表A.1", "0.1",
                "(1)", "3.1", "3.2", "附录A"])


def fail(message):
    print("check_xref_pdf: " + message, file=sys.stderr)
    sys.exit(1)


def png(path):
    """A white 8 × 8 PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\xff" * 24 for _ in range(8))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def links(pdf):
    """The text (/Contents) of each internal Link annotation. LibreOffice
    writes the annotations as plain objects, their /Contents as UTF-16BE hex."""
    data = open(pdf, "rb").read()
    out = []
    for m in re.finditer(rb"<</Type/Annot/Subtype/Link(.*?)>>\s*endobj", data, re.S):
        body = m.group(1)
        if b"/Dest[" not in body and b"/S/GoTo" not in body:
            fail("a link that does not go to a place in the document: %r" % body[:200])
        contents = re.search(rb"/Contents<FEFF([0-9A-Fa-f]*)>", body)
        out.append(bytes.fromhex(contents.group(1).decode()).decode("utf-16-be") if contents else "")
    return out


def main():
    bzc, workdir = sys.argv[1:3]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    source = os.path.join(workdir, "standard.md")
    with open(source, "w", encoding="utf-8") as f:
        f.write(STANDARD)
    png(os.path.join(workdir, "a.png"))
    png(os.path.join(workdir, "b.png"))
    out = os.path.join(workdir, "out")
    # The source breaks drafting rules a test of fields need not keep (no
    # 规范性引用文件, 引言 last …): --force writes it, and bzc exits 1.
    run = subprocess.run([bzc, "build", "--force", source, "-o", out], capture_output=True, text=True, timeout=600)
    if run.returncode not in (0, 1):
        fail("bzc build exited %d:\n%s%s" % (run.returncode, run.stdout, run.stderr))
    pdf = next((p for p in run.stdout.split("\n") if p.endswith(".pdf")), None)
    if not pdf:
        fail("no PDF written:\n" + run.stdout)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                                             capture_output=True, text=True).stdout)
    for sentence in SENTENCES:
        if sentence not in text:
            start = text.find(sentence[:4])
            fail("expected %s, the PDF reads %s" % (sentence, text[start:start + len(sentence) + 10] if start >= 0 else "nothing like it"))
    found = sorted(links(pdf))
    # A 目次 entry is a link too; only the references are counted.
    references = sorted(t for t in found if t in LINKS)
    if references != LINKS:
        fail("the links read %s, expected %s (all links: %s)" % (references, LINKS, found))
    gap = [t for t in found if t.endswith("\u3000") or t.endswith(" ")]
    if gap:
        fail("links ending in a space, LibreOffice's clause numbers: %s" % gap)
    print("check_xref_pdf: %d references read as resolved, each a link" % len(references))


if __name__ == "__main__":
    main()
