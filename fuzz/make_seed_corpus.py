#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the repository's own inputs.

    fuzz/make_seed_corpus.py OUT_DIR

OUT_DIR/<target>/ gets one file per seed, named by its SHA-1 as libFuzzer
names its own. Sources: the samples and the correct-standards corpus, the
examples of tests/spec/dsl.md (split; their XML wrapped into documents), the
trigger and quiet sources of tests/rules/*.test, the input files of
tests/cli/cases/*.test (with their `generate:` operations, scaled down), the
seed catalog rules/catalog/*.txt (whole and in slices), designations quoted in
the unit tests, the project files of the tests and README, re-encoded
variants (GBK, UTF-16, CRLF) of a few sources, and the hand-made seeds of
fuzz/seeds/<target>/. Nothing is committed: the corpus is made at run time.
"""

import csv
import glob
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
import generators  # noqa: E402

MAX_SEED = 64 * 1024  # bytes; larger inputs slow every mutation down
GENERATOR_CAP = 40    # depth, count or size arguments of generate: lines (limits are 32 deep, 63 columns)

TARGETS = ["markdown_reader_fuzzer", "xml_reader_fuzzer", "designation_fuzzer", "catalog_fuzzer",
           "project_file_fuzzer", "comments_table_fuzzer", "check_cache_fuzzer", "math_cache_fuzzer",
           "check_pipeline_fuzzer"]
WORKBOOK_PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]

XML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<standard version="1">\n  <metadata>\n'
            "    <number>DB43/T 2345—2022</number>\n    <title>机关事务标准化工作指南</title>\n"
            "    <stage>征求意见稿</stage>\n  </metadata>\n")
COVER = "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nstage: 征求意见稿\n---\n"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def text(path):
    return read(path).decode("utf-8")


def sections(path):
    """The sections of a .test file (tests/rules, tests/cli/cases): [(name, text)]."""
    out, name, body = [], None, []
    for line in text(path).split("\n"):
        m = re.match(r"^==> (.*?) <==$", line)
        if m:
            if name is not None:
                out.append((name, "".join(body)))
            name = m.group(1)
            if name.endswith(" (no newline at end)"):
                name = name[: -len(" (no newline at end)")]
            body = []
        elif name is not None:
            body.append(line + "\n")
    if name is not None:
        out.append((name, "".join(body)))
    return out


def spec_examples():
    """(markdown, xml body) of every example of tests/spec/dsl.md."""
    fence = "`" * 32
    examples, inside, part, md, xml = [], False, 0, [], []
    for line in text(os.path.join(ROOT, "tests/spec/dsl.md")).split("\n"):
        if not inside and line == fence + " example":
            inside, part, md, xml = True, 0, [], []
        elif inside and line == fence:
            inside = False
            examples.append(("".join(md), "".join(xml)))
        elif inside and line == ".":
            part += 1
        elif inside and part == 0:
            md.append(line + "\n")
        elif inside and part == 1:
            xml.append("  " + line + "\n")
    return examples


def generated_cli_inputs():
    """The inputs the generate: lines of tests/cli/cases make, with sizes capped."""
    out = []
    for case in sorted(glob.glob(os.path.join(ROOT, "tests/cli/cases/*.test"))):
        ops = [l[len("generate:"):].split() for l in text(case).split("\n") if l.startswith("generate:")]
        if not ops:
            continue
        with tempfile.TemporaryDirectory() as work:
            for name, body in sections(case):
                if name.startswith("after ") or name in ("stdout", "stderr"):
                    continue
                os.makedirs(os.path.dirname(os.path.join(work, name)) or work, exist_ok=True)
                with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                    f.write(body)
            for op, *args in ops:
                if op in ("big_file", "mkfifo", "symlink", "hardlink", "mkdir"):
                    continue
                args = [str(min(int(a), GENERATOR_CAP)) if a.isdigit() else a for a in args]
                args = [a.encode().decode("unicode_escape") if "\\x" in a else a.strip("'") for a in args]
                try:
                    getattr(generators, op)(work, *args)
                except Exception:  # an operation this script does not know how to scale: skip it
                    continue
            for path in sorted(glob.glob(os.path.join(work, "**", "*"), recursive=True)):
                if os.path.isfile(path) and not os.path.islink(path):
                    out.append((os.path.basename(path), read(path)))
    return out


def reencoded(data):
    """GBK, UTF-16 (with and without BOM), UTF-8 with BOM and CRLF forms of a UTF-8 source."""
    s = data.decode("utf-8")
    out = [s.encode("utf-16-le"), b"\xff\xfe" + s.encode("utf-16-le"), b"\xfe\xff" + s.encode("utf-16-be"),
           b"\xef\xbb\xbf" + data, data.replace(b"\n", b"\r\n")]
    try:
        out.append(s.encode("gbk"))
    except UnicodeEncodeError:
        out.append(s.encode("gb18030"))
    return out


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def cache_text(t):
    data = t.encode("utf-8") if isinstance(t, str) else t
    return varint(len(data)) + data


def check_cache_bodies():
    """A few cache bodies in the layout of check_cache.cpp (to_bytes without its
    header): identities, records with findings, dependencies and suppressions,
    stamps, the findings between standards. Seeds only: a layout change makes
    them less apt, never wrong."""
    digest = "0123456789abcdef0123456789abcdef"

    def texts(items):
        return varint(len(items)) + b"".join(cache_text(t) for t in items)

    identity = (cache_text("DB50/T 1016—2020") + cache_text("公务用车管理规范") + cache_text("") +
                texts(["DB50/T 1016—2015"]) + varint(0) + cache_text("2020-01-01") + cache_text("2020-06-01") +
                cache_text("") + cache_text("230") + cache_text("重庆市机关事务管理局") + cache_text("") +
                varint(2) + varint(3) + varint(9))
    finding = (cache_text("REPO-04") + cache_text("") + varint(3) + varint(1) + varint(1) +
               varint(2) + cache_text("other") + cache_text("b.md") + cache_text("b.md") +
               cache_text("similarity") + cache_text("0.82") + cache_text("0.82") + varint(1) +
               cache_text("应该") + cache_text("应"))
    record = (cache_text(digest) + varint(1) + cache_text("GB/T 1.1") + cache_text("fp") +
              varint(1) + finding + varint(2) + varint(1) + varint(0) + texts(["GB/T 1.1"]) +
              cache_text("本文件规定了公务用车的要求。") + varint(1) + texts(["REPO-04"]) + varint(0) + varint(0))
    stamp = varint(1200) + varint(2049) + varint(77) + varint(2000000000) + varint(2000000002)
    full = (varint(1) + cache_text(digest) + identity +
            varint(1) + cache_text("standards/a.md") + record +
            varint(1) + cache_text("standards/a.md") + stamp + cache_text(digest) +
            cache_text("inputs") + varint(1) + cache_text("standards/a.md") + varint(1) + finding)
    empty = varint(0) * 3 + cache_text("") + varint(0)
    return [full, empty, full[: len(full) // 2]]


def math_cache_entries():
    """The tails of formula cache entries (emit/docx/math_cache.cpp) for the
    TeX of the samples: a style byte (odd: display), the verdict line and
    the m:oMath pandoc writes for it."""
    tex = []
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "**", "*.md"), recursive=True)):
        source = text(path)
        tex += re.findall(r"```math[^\n]*\n(.*?)\n```", source, re.S)
        tex += re.findall(r"(?<![$\\])\$([^$\n]+)\$", source)
    tex = list(dict.fromkeys(t.replace("\n", " ") for t in tex))[:40]
    if not tex or not shutil.which("pandoc"):
        return []
    markdown = "".join("$$%s$$\n\n" % t for t in tex)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "math.docx")
        try:
            subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", out], input=markdown.encode(),
                           check=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return []
        with zipfile.ZipFile(out) as z:
            document = z.read("word/document.xml").decode()
    entries = [b"\0not-converted\n"]
    for i, omml in enumerate(re.findall(r"<m:oMath>.*?</m:oMath>", document, re.S)):
        entries.append(bytes([i & 1]) + b"converted\n" + omml.encode())
    return entries


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: fuzz/make_seed_corpus.py OUT_DIR")
    seeds = {t: set() for t in TARGETS}

    def add(target, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) <= MAX_SEED:
            seeds[target].add(data)

    markdown, xml = [], []
    for p in sorted(glob.glob(os.path.join(ROOT, "samples/*/standard.md")) +
                    glob.glob(os.path.join(ROOT, "tests/corpus/correct/*.md"))):
        markdown.append(read(p))
    for p in sorted(glob.glob(os.path.join(ROOT, "samples/*/standard.xml"))):
        xml.append(read(p))
    for md, body in spec_examples():
        markdown.append(md.encode())
        markdown.append((COVER + md).encode())
        xml.append((XML_HEAD + body + "</standard>\n").encode())
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/rules/*.test"))):
        for name, body in sections(p):
            if name.startswith("trigger") or name.startswith("quiet"):
                markdown.append(body.encode())
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/cli/cases/*.test"))):
        for name, body in sections(p):
            if name.endswith(".md"):
                markdown.append(body.encode())
            elif name.endswith(".xml") and not name.startswith("after "):
                xml.append(body.encode())
            elif name.endswith("bzc.yaml"):
                add("project_file_fuzzer", body)
            elif name.endswith(".txt") and "catalog" in p:
                add("catalog_fuzzer", body)
    generated_tables = []
    for name, data in generated_cli_inputs():
        if name.endswith((".csv", ".xlsx")):
            generated_tables.append(data)
        else:
            (xml if name.endswith(".xml") else markdown).append(data)
    for data in markdown[:3] + xml[:2]:
        for variant in reencoded(data):
            (xml if data in xml else markdown).append(variant)

    for data in markdown:
        add("markdown_reader_fuzzer", data)
        add("check_pipeline_fuzzer", b"0" + data)
    for data in xml:
        add("xml_reader_fuzzer", data)
        add("check_pipeline_fuzzer", b"1" + data)
    # A few with a --stage override (fuzz/check_pipeline_fuzzer.cpp): 报批稿, 工作组讨论稿.
    for data in markdown[:5]:
        add("check_pipeline_fuzzer", bytes([4 << 1]) + data)
        add("check_pipeline_fuzzer", bytes([1 << 1]) + data)

    # Catalogs: the seed files, whole and in slices of 8 lines.
    for p in sorted(glob.glob(os.path.join(ROOT, "rules/catalog/*.txt"))):
        lines = read(p).split(b"\n")
        add("catalog_fuzzer", read(p))
        for i in range(0, len(lines), 8):
            add("catalog_fuzzer", b"\n".join(lines[i:i + 8]) + b"\n")
            for line in lines[i:i + 8]:
                field = line.split(b" | ")[0].strip()
                if field and not field.startswith(b"#"):
                    add("designation_fuzzer", field)

    # Designations: the strings the unit tests quote, and lines of the samples that cite a standard.
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/unit/*.cpp"))):
        for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', text(p)):
            if re.search(r"(GB|DB|ISO|IEC|ITU|/T|T/|Q/|〔)", literal) and len(literal) < 300:
                add("designation_fuzzer", literal.encode().decode("unicode_escape").encode("latin-1", "ignore")
                    if "\\x" in literal else literal)
    cites = re.compile(r"(GB|DB\d|ISO|IEC|T/|Q/|JB|YY|〔)")
    lines = set()
    for data in markdown[:40]:
        try:
            lines.update(l for l in data.decode("utf-8").split("\n") if cites.search(l) and len(l) < 400)
        except UnicodeDecodeError:
            pass
    for line in sorted(lines)[:400]:
        add("designation_fuzzer", line)

    for d in ["GB/T 1.1—2020", "GB/T 1.1-2020", "ＧＢ／Ｔ　１.１－２０２０", "GB/T1.1—2020", "GB/T 3102（所有部分）",
              "DB43/T 2345—2022", "DB4301/T ××××—××××", "T/CAGOA 001—2024", "Q/CUP 12—2019", "ISO 9001:2015",
              "ISO/IEC 27001:2022", "ITU-T X.509", "JB/T 1234.5—2010", "国办发〔2021〕12号",
              "按照《中华人民共和国标准化法》和GB/T 20000.1—2014、ISO 9001的规定执行。"]:
        add("designation_fuzzer", d)

    # Project files: README's example and the unit tests'.
    readme = text(os.path.join(ROOT, "README.md"))
    m = re.search(r"### The project file.*?```yaml\n(.*?)```", readme, re.S)
    if m:
        add("project_file_fuzzer", m.group(1))
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/unit/*.cpp"))):
        for m in re.finditer(r'bzc\.yaml"\)\s*<<\s*((?:"(?:[^"\\]|\\.)*"\s*)+);', text(p)):
            body = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
            add("project_file_fuzzer", body.encode("utf-8").decode("unicode_escape").encode("latin-1"))

    # Comment tables: CSV (the samples', the CLI cases', the unit tests' data, re-encoded), the
    # same as XLSX workbooks (deflated and stored), the workbooks of tests/unit/data, and their
    # parts in the form fuzz/comments_table_fuzzer.cpp zips itself (a NUL byte, then the sheet,
    # the shared strings, the workbook and its relationships, separated by NUL bytes).
    tables = [read(p) for p in sorted(glob.glob(os.path.join(ROOT, "samples/*/*.csv")) +
                                      glob.glob(os.path.join(ROOT, "tests/unit/data/*.csv")))]
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/cli/cases/*.test"))):
        for name, body in sections(p):
            if name.endswith(".csv") and not name.startswith("after ") and "序号" in body:
                tables.append(body.encode())
    for data in generated_tables:
        add("comments_table_fuzzer", data)
    for data in tables:
        add("comments_table_fuzzer", data)
        try:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        except (UnicodeDecodeError, csv.Error):
            continue
        parts = generators.workbook_parts(rows)
        add("comments_table_fuzzer", generators.workbook_bytes(parts))
        add("comments_table_fuzzer", generators.workbook_bytes(parts, zipfile.ZIP_STORED))
        add("comments_table_fuzzer", b"\0" + b"\0".join(parts[n].encode() for n in WORKBOOK_PARTS))
        add("comments_table_fuzzer", b"\0" + b"\0".join(parts[n].encode() for n in WORKBOOK_PARTS[:2]))
    for data in tables[:1]:
        for variant in reencoded(data.decode("utf-8-sig").encode()):
            add("comments_table_fuzzer", variant)
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/unit/data/*.xlsx"))):
        add("comments_table_fuzzer", read(p))
        with zipfile.ZipFile(p) as z:
            names = {n.lower(): n for n in z.namelist()}
            add("comments_table_fuzzer", b"\0" + b"\0".join(
                z.read(names[n.lower()]) if n.lower() in names else b"" for n in WORKBOOK_PARTS[:2]))

    # Check caches: bodies as compiler/repository/check_cache.cpp writes them
    # after the header the target adds (varints, length-prefixed strings).
    for body in check_cache_bodies():
        add("check_cache_fuzzer", body)

    # Formula cache entries after their question: pandoc's OMML of the
    # formulas of the samples, as a build stores it (without pandoc: none).
    for entry in math_cache_entries():
        add("math_cache_fuzzer", entry)

    # Hand-made seeds.
    for target in TARGETS:
        for p in sorted(glob.glob(os.path.join(ROOT, "fuzz/seeds", target, "*"))):
            add(target, read(p))

    out = sys.argv[1]
    for target in TARGETS:
        directory = os.path.join(out, target)
        if os.path.isdir(directory):
            shutil.rmtree(directory)
        os.makedirs(directory)
        for data in seeds[target]:
            with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
                f.write(data)
        print("%-24s %5d seeds, %7.1f KiB" % (target, len(seeds[target]), sum(map(len, seeds[target])) / 1024))


if __name__ == "__main__":
    main()
