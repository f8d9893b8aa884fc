"""Inputs that are too big, too binary or too special to commit.

A case names one with a line `generate: OP ARG...` in its .test file; the
runner calls OP(directory, ARG...) before running bzc in that (temporary)
directory. Every operation is deterministic, so locations in the expected
output are stable.
"""

import codecs
import csv
import io
import os
import re
import struct
import subprocess
import zipfile
import zlib
from xml.sax.saxutils import escape as _xml_escape

# The cover data every generated Markdown document starts with: 4 lines of
# front matter, a blank line, then a chapter. Generated content begins on
# line 10 (see PREFIX_LINES).
FRONT_MATTER = (
    "---\n"
    "number: DB43/T 2345—2022\n"
    "title: 机关事务标准化工作指南\n"
    "---\n"
    "\n"
    "# 范围\n"
    "\n"
    "本文件给出了机关事务标准化工作的指导。\n"
    "\n"
)
PREFIX_LINES = FRONT_MATTER.count("\n")

XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<standard version="1"><metadata><number>DB43/T 2345—2022</number>'
    "<title>机关事务标准化工作指南</title></metadata>\n"
    "<chapter><title>范围</title>\n"
)
XML_TAIL = "\n</chapter></standard>\n"


def _path(directory, name):
    return os.path.join(directory, name)


def _write(directory, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(_path(directory, name), "wb") as f:
        f.write(data)


def _read_text(directory, name):
    with open(_path(directory, name), "rb") as f:
        return f.read().decode("utf-8")


# --- transformations of a committed UTF-8 file --------------------------------

def encode(directory, encoding, source, target):
    """Re-encode a UTF-8 file: gbk, gb18030, utf-16-le, utf-16-be; a '+bom'
    suffix adds the byte order mark (utf-8+bom, utf-16-le+bom, ...)."""
    text = _read_text(directory, source)
    bom = encoding.endswith("+bom")
    name = encoding[:-4] if bom else encoding
    data = text.encode(name)
    if bom:
        data = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
                "utf-16-be": codecs.BOM_UTF16_BE}[name] + data
    _write(directory, target, data)


def line_ends(directory, style, source, target):
    """Rewrite the line ends of a file: crlf or cr."""
    text = _read_text(directory, source)
    _write(directory, target, text.replace("\n", {"crlf": "\r\n", "cr": "\r"}[style]))


def patch(directory, source, target, marker, replacement):
    """Replace MARKER in a UTF-8 file by raw bytes given with Python escapes,
    e.g. patch src.md input.md @@ '\\xff' for an invalid byte."""
    data = _read_text(directory, source).encode("utf-8")
    raw = codecs.escape_decode(replacement.encode("ascii"))[0]
    if marker.encode("utf-8") not in data:
        raise ValueError("marker %r not found in %s" % (marker, source))
    _write(directory, target, data.replace(marker.encode("utf-8"), raw))


def truncate(directory, source, target, count):
    """Drop the last COUNT bytes of a file (cut a character in half)."""
    with open(_path(directory, source), "rb") as f:
        data = f.read()
    _write(directory, target, data[: len(data) - int(count)])


def write(directory, name, *words):
    """A small file with the given words, one line."""
    _write(directory, name, " ".join(words) + "\n")


def empty(directory, name):
    _write(directory, name, b"")


# --- spreadsheets -------------------------------------------------------------

_SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def workbook_parts(rows):
    """The parts of a one-sheet XLSX workbook holding ROWS (lists of strings),
    as Excel writes them: text in shared strings, cells that are numbers
    (1, 4.2) as numbers, empty cells left out; {part name: bytes}."""
    strings, index, sheet_rows = [], {}, []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = "%s%d" % (_column_letters(c), r)
            if value == "":
                continue
            if re.fullmatch(r"[0-9]+(\.[0-9]*[1-9])?", value):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, value))
                continue
            if value not in index:
                index[value] = len(strings)
                strings.append(value)
            cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[value]))
        sheet_rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    sst = "".join('<si><t xml:space="preserve">%s</t></si>' % _xml_escape(s) for s in strings)
    return {
        "[Content_Types].xml": _XML_HEAD + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        "_rels/.rels": _XML_HEAD + (
            '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>' % (_PACKAGE_RELS_NS, _RELATIONSHIP_NS)),
        "xl/workbook.xml": _XML_HEAD + (
            '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="征求意见汇总处理表" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>" % (_SPREADSHEET_NS, _RELATIONSHIP_NS)),
        "xl/_rels/workbook.xml.rels": _XML_HEAD + (
            '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
            % (_PACKAGE_RELS_NS, _RELATIONSHIP_NS, _RELATIONSHIP_NS)),
        "xl/worksheets/sheet1.xml": _XML_HEAD + (
            '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (_SPREADSHEET_NS, "".join(sheet_rows))),
        "xl/sharedStrings.xml": _XML_HEAD + (
            '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (_SPREADSHEET_NS, len(strings), len(strings), sst)),
    }


def workbook_bytes(parts, compression=zipfile.ZIP_DEFLATED):
    """A zip of PARTS ({name: str or bytes}) with a fixed date, so that the bytes never change."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


def xlsx(directory, source, target):
    """An XLSX workbook of a committed UTF-8 CSV file (a comment table):
    shared strings, numbers as numbers, empty cells left out."""
    rows = list(csv.reader(io.StringIO(_read_text(directory, source))))
    _write(directory, target, workbook_bytes(workbook_parts(rows)))


# --- file-system objects ------------------------------------------------------

def mkdir(directory, name):
    os.makedirs(_path(directory, name), exist_ok=True)


def mkfifo(directory, name):
    os.mkfifo(_path(directory, name))


def symlink(directory, target, name):
    os.symlink(target, _path(directory, name))


def hardlink(directory, existing, name):
    os.link(_path(directory, existing), _path(directory, name))


def copy(directory, source, target):
    with open(_path(directory, source), "rb") as f:
        _write(directory, target, f.read())


def png(directory, name, width, height):
    """A white RGB PNG of the given size: an image a figure can embed."""
    width, height = int(width), int(height)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    _write(directory, name, b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))



def git_commit(directory, *names):
    """A git repository in the case directory with NAMES committed (a draft
    at a revision, for `bzc report --comment-draft git:HEAD:…`)."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bzc", GIT_AUTHOR_EMAIL="bzc@example.org", GIT_COMMITTER_NAME="bzc",
               GIT_COMMITTER_EMAIL="bzc@example.org", GIT_CONFIG_NOSYSTEM="1", HOME=directory)
    run = lambda *argv: subprocess.run(["git", "-C", directory, *argv], env=env, check=True, capture_output=True)
    if not os.path.isdir(os.path.join(directory, ".git")):
        run("init", "-q")
    run("add", "--", *names)
    run("commit", "-q", "-m", "draft")

# --- big and deep Markdown ----------------------------------------------------

def big_file(directory, name, megabytes):
    """A well-formed document of MEGABYTES MiB (ordinary paragraphs)."""
    size = int(megabytes) * 1024 * 1024
    paragraph = ("本文件给出了机关事务标准化工作的指导。" * 10 + "\n\n").encode("utf-8")
    with open(_path(directory, name), "wb") as f:
        f.write(FRONT_MATTER.encode("utf-8"))
        written = len(FRONT_MATTER.encode("utf-8"))
        block = paragraph * 1000
        while written < size:
            f.write(block)
            written += len(block)


def deep_list(directory, name, depth, marker="-"):
    """A list nested DEPTH deep on one line: '- - - … 项' (an indented form
    would grow quadratically)."""
    _write(directory, name, FRONT_MATTER + (marker + " ") * int(depth) + "项\n")


def deep_ordered_list(directory, name, depth):
    deep_list(directory, name, depth, marker="1.")


def deep_blockquote(directory, name, depth):
    """A block quote nested DEPTH deep on one line: '>>>>… 注：深。'."""
    _write(directory, name, FRONT_MATTER + ">" * int(depth) + " 注：深。\n")


def deep_notes(directory, name, depth):
    """DEPTH block quotes, each a note containing the next: line i is
    '>' * i followed by ' 注：第i层。'."""
    lines = "".join(">" * i + " 注：第%d层。\n" % i for i in range(1, int(depth) + 1))
    _write(directory, name, FRONT_MATTER + lines)


def deep_emphasis(directory, name, depth):
    """Emphasis nested DEPTH deep: '*a *a *a … x a* a* a*'."""
    n = int(depth)
    _write(directory, name, FRONT_MATTER + "*a " * n + "x" + " a*" * n + "\n")


def many_headings(directory, name, count):
    """COUNT '## 条N' headings under one chapter, then a dangling
    cross-reference on the last line."""
    body = "".join("## 条%d\n\n" % i for i in range(int(count)))
    _write(directory, name, FRONT_MATTER + body + "见[](#nope)。\n")


def wide_table(directory, name, columns):
    n = int(columns)
    table = ("|" + "|".join("列%d" % i for i in range(n)) + "|\n"
             + "|" + "---|" * n + "\n"
             + "|" + "x|" * n + "\n")
    _write(directory, name, FRONT_MATTER + "表：宽表 {#tab-wide}\n\n" + table)


def big_table(directory, name, columns, rows):
    """A table of COLUMNS x ROWS cells (each within the column limit)."""
    c, r = int(columns), int(rows)
    table = ("|" + "|".join("列%d" % i for i in range(c)) + "|\n"
             + "|" + "---|" * c + "\n"
             + ("|" + "x|" * c + "\n") * r)
    _write(directory, name, FRONT_MATTER + "表：大表 {#tab-big}\n\n" + table)


def html_span_table(directory, name, cells):
    """An HTML table of CELLS cells, each with colspan=1000 rowspan=1000."""
    cell = '<td colspan="1000" rowspan="1000">x</td>'
    _write(directory, name, FRONT_MATTER + "<table><tr>" + cell * int(cells) + "</tr></table>\n")


def html_nested_tables(directory, name, depth):
    """HTML tables nested DEPTH deep, with text in the innermost cell."""
    n = int(depth)
    _write(directory, name, FRONT_MATTER + "<table>" + "<tr><td><table>" * n
           + "<tr><td>最内层的文字</td></tr>" + "</table></td></tr>" * n + "</table>\n")


def long_line(directory, name, kilobytes):
    """One paragraph line of KILOBYTES KiB of Chinese text (3 bytes a
    character) ending in a dangling cross-reference."""
    count = int(kilobytes) * 1024 // 3
    _write(directory, name, FRONT_MATTER + "长" * count + "[](#nope)\n")


def big_front_matter(directory, name, kilobytes):
    """Front matter of more than KILOBYTES KiB (unknown fields x0, x1, …)."""
    lines, size, i = [], 0, 0
    while size <= int(kilobytes) * 1024:
        line = "x%d: %s\n" % (i, "y" * 100)
        lines.append(line)
        size += len(line)
        i += 1
    _write(directory, name, "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\n"
           + "".join(lines) + "---\n\n# 范围\n\n本文件给出了指导。\n")


def deep_yaml(directory, name, depth):
    """A front-matter value nested DEPTH deep: ics: [[[[…]]]]."""
    n = int(depth)
    _write(directory, name, "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nics: "
           + "[" * n + "]" * n + "\n---\n\n# 范围\n\n本文件给出了指导。\n")


# --- big and deep XML ---------------------------------------------------------

def deep_xml_clauses(directory, name, depth):
    """<clause> elements nested DEPTH deep inside a chapter (line 4)."""
    n = int(depth)
    _write(directory, name, XML_HEAD + "<clause><title>条</title>" * n + "<p>x</p>" + "</clause>" * n + XML_TAIL)


GENERATORS = {f.__name__: f for f in [
    encode, line_ends, patch, truncate, write, empty, mkdir, mkfifo, symlink, hardlink, copy, png, git_commit,
    big_file, deep_list, deep_ordered_list, deep_blockquote, deep_notes, deep_emphasis,
    many_headings, wide_table, big_table, html_span_table, html_nested_tables, long_line,
    big_front_matter, deep_yaml, deep_xml_clauses,
    xlsx,
]}
