#!/usr/bin/env python3
"""Builds a sample standard as DOCX with bzc and validates the package.

usage: validate_docx.py BZC SOURCE.md WORK_DIR

What is checked (the standard library only; python-docx too when it can be
imported):
  - the build: exit status 0, the file named after the designation, and two
    builds byte-identical (fixed zip times, entry order, no random ids); the
    XML form of the source (SOURCE.xml beside it, if any) gives the same bytes;
  - the zip: [Content_Types].xml first, every entry dated 1980-01-01, deflated
    or stored, no data descriptors, no duplicate names;
  - the package: every XML part well-formed; every part has a content type and
    every Override names a part; every relationship target exists and ids are
    unique per .rels; every r:id / r:embed of a part resolves in its own .rels;
    every part but the package's own is the target of a relationship;
  - ids: bookmarks, footnotes (and every footnoteReference has its footnote),
    drawing ids unique;
  - styles: ids and names unique; every pStyle / rStyle / basedOn used is
    defined; the SET vocabulary names and their numbering links; East-Asian
    fonts named in docDefaults (宋体), Times New Roman for Latin, zh-CN;
  - numbering: every numId used is defined and its abstractNum exists; every
    level linked to a style is named by that style's numPr; and Word's own
    numbers, simulated from numbering.xml (restarts, start overrides, formats),
    agree with bzc's computed numbers of the canonical XML for every chapter,
    clause (titled and untitled), term entry, annex and list item; notes carry
    the computed 注/注1 labels;
  - content: chapters, term entries, table and figure captions (表1　…) against
    the canonical XML; the header holds the designation, the footer a PAGE
    field, settings evenAndOddHeaders, the TOC field its \\t style list;
  - formulas: each display formula of the XML is a paragraph of a formula
    style, tab, the formula, tab, its number (1)/(A.1); the formula is Word
    math (m:oMath) unless pandoc is missing, and then its TeX source; every
    inline math of the XML is Word math too; each 式中 line hangs after a tab
    stop shared by its block. A third build with BZC_PANDOC naming no
    program must still succeed, with one MATH-02 warning when the source
    has math and the TeX source of every formula.
"""

import os
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(name):
    return "{%s}%s" % (W, name)


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)


# ------------------------------------------------------------------ build

build_warnings = []  # the [RULE] of each warning of the last build


def build(bzc, source, out_dir, env=None):
    r = subprocess.run([bzc, "build", source, "-o", out_dir, "--docx"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, env=env)
    build_warnings[:] = re.findall(r": warning: .*\[([A-Z]+-[0-9]+)\]$", r.stderr.decode(), re.M)
    if r.returncode != 0:
        sys.exit("bzc build %s: exit %d\n%s%s" % (source, r.returncode, r.stdout.decode(), r.stderr.decode()))
    lines = r.stdout.decode().split("\n")
    path = lines[0].strip()
    if not os.path.isfile(path):
        sys.exit("bzc build printed %r, which is not a file" % path)
    return path


def expected_file_name(designation):
    name = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 0x20 else c for c in designation)
    return name.strip(" .") + ".docx"


# -------------------------------------------------------------- the package

def check_zip(z):
    infos = z.infolist()
    check(infos and infos[0].filename == "[Content_Types].xml", "[Content_Types].xml is not the first entry")
    names = [i.filename for i in infos]
    check(len(names) == len(set(names)), "duplicate zip entries")
    for i in infos:
        check(i.date_time == (1980, 1, 1, 0, 0, 0), "%s: date %s, not 1980-01-01 00:00" % (i.filename, i.date_time))
        check(i.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED), "%s: compression %d" % (i.filename, i.compress_type))
        check(not (i.flag_bits & 0x08), "%s: data descriptor" % i.filename)
    check(z.testzip() is None, "a zip entry fails its CRC")


def parse_parts(z):
    parts = {}
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                parts[name] = ET.fromstring(z.read(name))
            except ET.ParseError as e:
                failures.append("%s is not well-formed: %s" % (name, e))
    return parts


def rels_name(part):
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def check_package(z, parts):
    names = set(z.namelist())
    types = parts["[Content_Types].xml"]
    defaults = {e.get("Extension").lower(): e.get("ContentType") for e in types.findall("{%s}Default" % CT)}
    overrides = {e.get("PartName"): e.get("ContentType") for e in types.findall("{%s}Override" % CT)}
    for name in names:
        if name == "[Content_Types].xml":
            continue
        ext = name.rsplit(".", 1)[-1].lower()
        check("/" + name in overrides or ext in defaults, "%s has no content type" % name)
    for part in overrides:
        check(part[1:] in names, "content type Override for missing part %s" % part)

    targets = set()
    rels_of = {}
    for name in sorted(names):
        if not name.endswith(".rels"):
            continue
        d = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(d, posixpath.basename(name)[:-5]) if posixpath.basename(name) != ".rels" else ""
        if source:
            check(source in names, "%s: relationships of a missing part" % name)
        ids = {}
        for rel in parts[name].findall("{%s}Relationship" % PR):
            rid = rel.get("Id")
            check(rid not in ids, "%s: duplicate relationship id %s" % (name, rid))
            target = rel.get("Target")
            if rel.get("TargetMode") == "External":
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target)) if source else target.lstrip("/")
            check(resolved in names, "%s: relationship %s targets missing part %s" % (name, rid, resolved))
            ids[rid] = resolved
            targets.add(resolved)
        rels_of[source] = ids
    for name in names:
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            continue
        check(name in targets, "%s is not the target of any relationship" % name)

    # Every r:… attribute of a part resolves in that part's own relationships.
    for name, root in parts.items():
        if name.endswith(".rels") or name == "[Content_Types].xml":
            continue
        own = rels_of.get(name, {})
        for el in root.iter():
            for key, value in el.attrib.items():
                if key.startswith("{%s}" % R):
                    check(value in own, "%s: %s=%s does not resolve" % (name, key.split("}")[1], value))
    return rels_of


def check_ids(parts):
    doc = parts["word/document.xml"]
    bookmarks = [b.get(w("id")) for b in doc.iter(w("bookmarkStart"))]
    check(len(bookmarks) == len(set(bookmarks)), "duplicate bookmark ids")
    drawings = [d.get("id") for d in doc.iter("{%s}docPr" % WP)]
    check(len(drawings) == len(set(drawings)), "duplicate drawing ids")
    notes = parts.get("word/footnotes.xml")
    note_ids = [f.get(w("id")) for f in notes.findall(w("footnote"))] if notes is not None else []
    check(len(note_ids) == len(set(note_ids)), "duplicate footnote ids")
    for ref in doc.iter(w("footnoteReference")):
        check(ref.get(w("id")) in note_ids, "footnoteReference %s has no footnote" % ref.get(w("id")))
    return len(note_ids) - 2  # without the two separators


# ------------------------------------------------------- styles, numbering

class Styles:
    def __init__(self, root):
        self.by_id = {}
        self.by_name = {}
        names = []
        for s in root.findall(w("style")):
            sid = s.get(w("styleId"))
            check(sid not in self.by_id, "duplicate style id %s" % sid)
            self.by_id[sid] = s
            name = s.find(w("name")).get(w("val"))
            names.append(name)
            self.by_name[name] = s
        check(len(names) == len(set(names)), "duplicate style names")
        self.defaults = root.find(w("docDefaults"))

    def num_pr(self, sid):
        """The numPr of a style, following basedOn."""
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            s = self.by_id.get(sid)
            if s is None:
                return None
            ppr = s.find(w("pPr"))
            if ppr is not None and ppr.find(w("numPr")) is not None:
                n = ppr.find(w("numPr"))
                lvl = n.find(w("ilvl"))
                return int(n.find(w("numId")).get(w("val"))), int(lvl.get(w("val"))) if lvl is not None else 0
            based = s.find(w("basedOn"))
            sid = based.get(w("val")) if based is not None else None
        return None


class Numbering:
    def __init__(self, root):
        self.abstract = {}
        for a in root.findall(w("abstractNum")):
            levels = {}
            for lvl in a.findall(w("lvl")):
                levels[int(lvl.get(w("ilvl")))] = {
                    "start": int(lvl.find(w("start")).get(w("val"))) if lvl.find(w("start")) is not None else 1,
                    "fmt": lvl.find(w("numFmt")).get(w("val")),
                    "text": lvl.find(w("lvlText")).get(w("val")),
                    "style": lvl.find(w("pStyle")).get(w("val")) if lvl.find(w("pStyle")) is not None else None,
                }
            self.abstract[a.get(w("abstractNumId"))] = levels
        self.nums = {}
        for n in root.findall(w("num")):
            overrides = {}
            for o in n.findall(w("lvlOverride")):
                so = o.find(w("startOverride"))
                if so is not None:
                    overrides[int(o.get(w("ilvl")))] = int(so.get(w("val")))
            aid = n.find(w("abstractNumId")).get(w("val"))
            check(aid in self.abstract, "num %s names missing abstractNum %s" % (n.get(w("numId")), aid))
            self.nums[int(n.get(w("numId")))] = (aid, overrides)
        self.state = {}

    @staticmethod
    def format(value, fmt):
        if fmt == "decimal":
            return str(value)
        if fmt in ("upperLetter", "lowerLetter"):
            s = ""
            while value > 0:
                value -= 1
                s = chr(ord("A") + value % 26) + s
                value //= 26
            return s if fmt == "upperLetter" else s.lower()
        return ""  # bullet, none: the level text is literal

    def render(self, num_id, ilvl):
        """Word's number for the next paragraph of list num_id at level ilvl."""
        aid, overrides = self.nums[num_id]
        levels = self.abstract[aid]
        key = ("num", num_id) if overrides else ("abstract", aid)
        counters = self.state.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, levels[ilvl]["start"])
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        lvl = levels[ilvl]
        if lvl["fmt"] in ("bullet", "none"):
            return re.sub(r"%\d", "", lvl["text"])

        def value(m):
            k = int(m.group(1)) - 1
            v = counters.get(k, levels[k]["start"])
            return self.format(v, levels[k]["fmt"])

        return re.sub(r"%(\d)", value, lvl["text"])


VOCABULARY = {
    # name: (list level text, ilvl) of the numbering it is linked to, or None
    "标准文件_章标题": ("%1　", 0),
    "标准文件_一级条标题": ("%1.%2　", 1),
    "标准文件_二级条标题": ("%1.%2.%3　", 2),
    "标准文件_三级条标题": ("%1.%2.%3.%4　", 3),
    "标准文件_四级条标题": ("%1.%2.%3.%4.%5　", 4),
    "标准文件_五级条标题": ("%1.%2.%3.%4.%5.%6　", 5),
    "标准文件_一级无标题": ("%1.%2　", 1),
    "标准文件_二级无标题": ("%1.%2.%3　", 2),
    "标准文件_三级无标题": ("%1.%2.%3.%4　", 3),
    "标准文件_四级无标题": ("%1.%2.%3.%4.%5　", 4),
    "标准文件_五级无标题": ("%1.%2.%3.%4.%5.%6　", 5),
    "标准文件_术语条一": ("%1.%2　", 1),
    "标准文件_术语条二": ("%1.%2.%3　", 2),
    "标准文件_附录标识": ("附录%1", 0),
    "标准文件_附录一级条标题": ("%1.%2　", 1),
    "标准文件_附录二级条标题": ("%1.%2.%3　", 2),
    "标准文件_破折号列项": ("——", 0),
    "标准文件_字母编号列项（一级）": ("%1)", 0),
    "标准文件_数字编号列项（二级）": ("%2)", 1),
    "标准文件_参考文献条目": ("[%1]", 0),
    "标准文件_段": None,
    "标准文件_注：": None,
    "标准文件_注×：": None,
    "标准文件_示例：": None,
    "标准文件_示例内容": None,
    "标准文件_来源": None,
    "标准文件_目录标题": None,
    "标准文件_前言、引言标题": None,
    "标准文件_正文标准名称": None,
    "标准文件_参考文献标题": None,
    "标准文件_索引标题": None,
    "标准文件_正文表标题": None,
    "标准文件_附录表标题": None,
    "标准文件_正文图标题": None,
    "标准文件_附录图标题": None,
    "标准文件_正文公式": None,
    "标准文件_附录公式": None,
    "标准文件_表格": None,
    "标准称谓": None,
    "标准文件_文件编号": None,
    "标准文件_替换文件编号": None,
    "标准文件_文件名称": None,
    "封面标准英文名称": None,
    "其他发布日期": None,
    "其他实施日期": None,
    "其他发布部门": None,
}


def check_styles(parts, styles, numbering):
    doc_parts = [n for n in parts if n.startswith("word/") and not n.endswith(".rels")
                 and posixpath.basename(n).startswith(("document", "header", "footer", "footnotes"))]
    for name in doc_parts:
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for el in parts[name].iter(w(tag)):
                check(el.get(w("val")) in styles.by_id, "%s: %s %s is not defined" % (name, tag, el.get(w("val"))))
        for el in parts[name].iter(w("numId")):
            check(int(el.get(w("val"))) in numbering.nums, "%s: numId %s is not defined" % (name, el.get(w("val"))))
    for sid, s in styles.by_id.items():
        based = s.find(w("basedOn"))
        if based is not None:
            check(based.get(w("val")) in styles.by_id, "style %s is based on undefined %s" % (sid, based.get(w("val"))))
        n = styles.num_pr(sid)
        if n:
            check(n[0] in numbering.nums, "style %s names undefined numId %d" % (sid, n[0]))
    # Levels linked to a style are numbered by that style.
    for num_id, (aid, _) in numbering.nums.items():
        for ilvl, lvl in numbering.abstract[aid].items():
            if lvl["style"]:
                check(lvl["style"] in styles.by_id, "abstractNum %s level %d links to undefined style %s" % (aid, ilvl, lvl["style"]))
                n = styles.num_pr(lvl["style"])
                check(n is not None and numbering.nums[n[0]][0] == aid and n[1] == ilvl,
                      "style %s does not name the level %d of abstractNum %s that links to it" % (lvl["style"], ilvl, aid))
    # The SET vocabulary and its numbering.
    for name, link in VOCABULARY.items():
        s = styles.by_name.get(name)
        if not check(s is not None, "style %s is missing" % name):
            continue
        check(re.fullmatch(r"[A-Za-z0-9]+", s.get(w("styleId")) or ""), "style %s has a non-ASCII id" % name)
        if link is None:
            continue
        n = styles.num_pr(s.get(w("styleId")))
        if not check(n is not None, "style %s is not numbered" % name):
            continue
        aid = numbering.nums[n[0]][0]
        lvl = numbering.abstract[aid].get(n[1])
        check(lvl is not None and (n[1], lvl["text"]) == (link[1], link[0]),
              "style %s: numbered %r at level %d, expected %r at %d" % (name, lvl and lvl["text"], n[1], link[0], link[1]))
    chapter_list = numbering.nums[styles.num_pr(styles.by_name["标准文件_附录标识"].get(w("styleId")))[0]][0]
    check(numbering.abstract[chapter_list][0]["fmt"] == "upperLetter", "附录标识 is not numbered with upper-case letters")
    # Fonts: East-Asian fonts always named, Latin in Times New Roman, Chinese language.
    rpr = styles.defaults.find(w("rPrDefault")).find(w("rPr"))
    fonts = rpr.find(w("rFonts"))
    check(fonts.get(w("eastAsia")) == "宋体", "docDefaults: East-Asian font is not 宋体")
    check(fonts.get(w("ascii")) == "Times New Roman" and fonts.get(w("hAnsi")) == "Times New Roman", "docDefaults: Latin font is not Times New Roman")
    check(rpr.find(w("lang")).get(w("eastAsia")) == "zh-CN", "docDefaults: East-Asian language is not zh-CN")
    check(rpr.find(w("sz")).get(w("val")) == "21", "docDefaults: size is not 五号 (sz 21)")
    for name in ("标准文件_章标题", "标准文件_一级条标题", "标准文件_正文表标题", "标准文件_前言、引言标题"):
        f = styles.by_name[name].find(w("rPr")).find(w("rFonts"))
        check(f is not None and f.get(w("eastAsia")) == "黑体", "%s is not in 黑体" % name)
    for el in parts["word/styles.xml"].iter(w("rFonts")):
        check(not any("Theme" in k for k in el.attrib), "styles.xml uses theme fonts")


def paragraph_text(p):
    out = []
    for el in p.iter():
        if el.tag == w("t"):
            out.append(el.text or "")
        elif el.tag == w("br"):
            out.append("\n")
        elif el.tag == w("tab"):
            out.append("\t")
    return "".join(out)


def docx_numbers(doc, styles, numbering):
    """(style, Word's number) for each numbered paragraph, in document order."""
    out = []
    for p in doc.iter(w("p")):
        ppr = p.find(w("pPr"))
        sid = None
        num = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            sid = ps.get(w("val")) if ps is not None else None
            n = ppr.find(w("numPr"))
            if n is not None:
                lvl = n.find(w("ilvl"))
                num = int(n.find(w("numId")).get(w("val"))), int(lvl.get(w("val"))) if lvl is not None else 0
        if num is None and sid:
            num = styles.num_pr(sid)
        if num is None or num[0] == 0:
            continue
        out.append((sid, numbering.render(*num), p))
    return out


PLAIN_LIST_CHAPTERS = ("规范性引用文件", "符号和缩略语", "缩略语和符号", "符号", "缩略语", "代号和缩略语", "符号、代号和缩略语")


def xml_numbers(canonical):
    """The numbers Word should print, from bzc's canonical XML, in document order."""
    out = []

    def walk(el, context, depth):
        tag = el.tag
        if tag == "chapter":
            out.append(("chapter", el.get("number") + "　"))
            title = el.find("title")
            title_text = "".join(title.itertext()) if title is not None else ""
            context = "plain" if title_text in PLAIN_LIST_CHAPTERS else "body"
        elif tag in ("clause", "term"):
            if el.get("number"):
                out.append((tag, el.get("number") + "　"))
        elif tag == "annex":
            out.append(("annex", "附录" + el.get("number")))
            context = "body"
        elif tag == "bibliography":
            context = "bibliography"
        elif tag == "index":
            context = "plain"
        elif tag in ("foreword", "introduction"):
            context = "body"
        elif tag == "li":
            if context == "bibliography" and depth == 0:
                out.append(("li", el.get("number")))
            elif context == "plain" and depth == 0:
                pass
            else:
                if el.get("number"):
                    out.append(("li", el.get("number")))
                else:
                    out.append(("li", "——" if depth == 0 else "·"))
            for child in el:
                walk(child, context, depth + 1)
            return
        for child in el:
            walk(child, context, depth)

    walk(canonical, "body", 0)
    return out


def check_numbers(doc, styles, numbering, canonical):
    got = docx_numbers(doc, styles, numbering)
    want = xml_numbers(canonical)
    check(len(got) == len(want), "Word numbers %d paragraphs, bzc %d" % (len(got), len(want)))
    for i, ((sid, number, p), (kind, expected)) in enumerate(zip(got, want)):
        if number != expected:
            failures.append("numbered paragraph %d (%s, %r): Word prints %r, bzc computed %r (%s)"
                            % (i + 1, sid, paragraph_text(p)[:30], number, expected, kind))
            break
    return got


def check_labels(doc, styles, canonical):
    """Notes and examples carry the labels bzc computed, in order."""
    note_ids = {styles.by_name[n].get(w("styleId")) for n in ("标准文件_注：", "标准文件_注×：")}
    example_id = styles.by_name["标准文件_示例："].get(w("styleId"))
    got_notes, got_examples = [], []
    for p in doc.iter(w("p")):
        ppr = p.find(w("pPr"))
        ps = ppr.find(w("pStyle")) if ppr is not None else None
        sid = ps.get(w("val")) if ps is not None else None
        text = paragraph_text(p)
        if sid in note_ids and ppr.find(w("ind")) is None:
            got_notes.append(text.split("：")[0])
        if sid == example_id:
            got_examples.append(text.split("：")[0])
    want_notes = [e.get("number") for e in canonical.iter() if e.tag in ("note", "table-note", "figure-note")]
    want_examples = [e.get("number") for e in canonical.iter() if e.tag == "example"]
    # Figure notes come before the figure's caption in the DOCX, after it in the XML: compare as multisets in order of kind.
    check(sorted(got_notes) == sorted(want_notes), "note labels differ: %s vs %s" % (got_notes[:8], want_notes[:8]))
    check(got_examples == want_examples, "example labels differ: %s vs %s" % (got_examples, want_examples))


def style_of(p, styles):
    ppr = p.find(w("pPr"))
    ps = ppr.find(w("pStyle")) if ppr is not None else None
    return styles.by_id[ps.get(w("val"))].find(w("name")).get(w("val")) if ps is not None else ""


def check_formulas(parts, styles, canonical, converted):
    """Display formulas, 式中 lines and inline math (see the docstring).
    `converted`: pandoc ran, so every formula must be OMML."""
    doc = parts["word/document.xml"]
    paragraphs = list(doc.iter(w("p")))
    formulas = list(canonical.iter("formula"))
    at = [i for i, p in enumerate(paragraphs) if style_of(p, styles) in ("标准文件_正文公式", "标准文件_附录公式")]
    check(len(at) == len(formulas), "%d formula paragraphs, the XML has %d formulas" % (len(at), len(formulas)))
    for i, f in zip(at, formulas):
        p = paragraphs[i]
        kinds = []
        for child in p:
            if child.tag == "{%s}oMath" % M:
                kinds.append("math")
            elif child.tag == w("r"):
                kinds.append("tab" if child.find(w("tab")) is not None else "text:" + "".join(t.text or "" for t in child.iter(w("t"))))
        tex = f.findtext("tex")
        body = "math" if converted else "text:" + tex
        check(kinds == ["tab", body, "tab", "text:" + f.get("number")],
              "formula %s: the paragraph holds %s, expected tab, %s, tab, %s" % (f.get("number"), kinds, body, f.get("number")))
        items = f.findall("where/item")
        if not items:
            continue
        check(paragraph_text(paragraphs[i + 1]) == "式中：", "formula %s: no 式中： after it" % f.get("number"))
        stops = set()
        for line, item in zip(paragraphs[i + 2:i + 2 + len(items)], items):
            ppr = line.find(w("pPr"))
            ind = ppr.find(w("ind")) if ppr is not None else None
            tab = ppr.find(w("tabs") + "/" + w("tab")) if ppr is not None else None
            text = paragraph_text(line)
            if not check(ind is not None and ind.get(w("hanging")) and tab is not None,
                         "formula %s: the 式中 line %r does not hang after a tab stop" % (f.get("number"), text)):
                continue
            stops.add(tab.get(w("pos")))
            check(int(ind.get(w("left"))) > int(tab.get(w("pos"))) and "——" in text,
                  "formula %s: the explanation of %r does not start after the dash" % (f.get("number"), text))
            symbol_math = item.find("symbol/m") is not None
            if converted and symbol_math:
                check(line.find("{%s}oMath" % M) is not None, "formula %s: the symbol of %r is not Word math" % (f.get("number"), text))
        check(len(stops) == 1, "formula %s: the dashes of its 式中 lines are on %d different tab stops" % (f.get("number"), len(stops)))
    # Inline math: Word math, as many as the XML has (the document and its footnotes).
    inline = len(list(canonical.iter("m")))
    omml = sum(len(list(parts[name].iter("{%s}oMath" % M))) for name in ("word/document.xml", "word/footnotes.xml"))
    if converted:
        check(omml == len(formulas) + inline, "%d m:oMath, the XML has %d formulas and %d inline math" % (omml, len(formulas), inline))
    else:
        check(omml == 0, "%d m:oMath in a build without pandoc" % omml)
    return len(formulas) + inline


def check_content(parts, styles, canonical, metadata):
    doc = parts["word/document.xml"]
    by_style = {}
    for p in doc.iter(w("p")):
        ppr = p.find(w("pPr"))
        ps = ppr.find(w("pStyle")) if ppr is not None else None
        if ps is not None:
            by_style.setdefault(styles.by_id[ps.get(w("val"))].find(w("name")).get(w("val")), []).append(paragraph_text(p))
    chapters = canonical.findall("chapter")
    check(len(by_style.get("标准文件_章标题", [])) == len(chapters),
          "%d chapter titles, the XML has %d chapters" % (len(by_style.get("标准文件_章标题", [])), len(chapters)))
    terms = list(canonical.iter("term"))
    term_paragraphs = [t for name, ts in by_style.items() if name.startswith("标准文件_术语条") for t in ts]
    check(len(term_paragraphs) == len(terms), "%d term entries, the XML has %d" % (len(term_paragraphs), len(terms)))
    for t, text in zip(terms, term_paragraphs):
        check(text.lstrip("\n").startswith(t.findtext("preferred")), "term entry %s does not show %s" % (t.get("number"), t.findtext("preferred")))
        if t.findtext("english"):
            check(t.findtext("english") in text, "term entry %s lacks its English equivalent" % t.get("number"))

    def caption(el):
        c = el.find("caption")
        text = "".join(c.itertext()) if c is not None else ""
        return el.get("number") + ("　" + text if text else "")

    for kind, body, annex in (("table", "标准文件_正文表标题", "标准文件_附录表标题"), ("figure", "标准文件_正文图标题", "标准文件_附录图标题")):
        want = [caption(e) for e in canonical.iter(kind)]
        got = by_style.get(body, []) + by_style.get(annex, [])
        check(sorted(got) == sorted(want), "%s captions differ:\n  %s\n  %s" % (kind, got, want))
    annexes = canonical.findall("annex")
    check(len(by_style.get("标准文件_附录标识", [])) == len(annexes), "annex marks differ from the XML")
    for a, text in zip(annexes, by_style.get("标准文件_附录标识", [])):
        obligation = "（规范性）" if a.get("obligation") == "normative" else "（资料性）"
        check(text == "\n" + obligation + "\n" + "".join(a.find("title").itertext()), "annex %s: %r" % (a.get("number"), text))
    check(by_style.get("标准文件_正文标准名称") == [metadata["title"]], "the first body page does not repeat the title")
    check(metadata["number"] in by_style.get("标准文件_文件编号", [""])[0], "the cover lacks the designation")

    # Header, footer, settings, TOC.
    check(metadata["number"] in paragraph_text(parts["word/header1.xml"]), "the header lacks the designation")
    footer = ET.tostring(parts["word/footer1.xml"], encoding="unicode")
    check("PAGE" in footer, "the footer has no PAGE field")
    check(parts["word/settings.xml"].find(w("evenAndOddHeaders")) is not None, "settings: no evenAndOddHeaders")
    instructions = "".join(t.text or "" for t in doc.iter(w("instrText")))
    if canonical.find("metadata/toc") is not None:
        check('TOC \\h \\z \\t "标准文件_前言、引言标题,1,标准文件_章标题,1,标准文件_一级条标题,2,标准文件_附录标识,1' in instructions,
              "no TOC field over the SET styles: %r" % instructions)
    sections = list(doc.iter(w("sectPr")))
    formats = [s.find(w("pgNumType")).get(w("fmt")) if s.find(w("pgNumType")) is not None else None for s in sections]
    types = [s.find(w("type")).get(w("val")) if s.find(w("type")) is not None else None for s in sections]
    stage = (canonical.findtext("metadata/stage") or "发布稿").strip()
    if stage == "发布稿":
        # Print layout: the cover is page I (upperRoman from 1), the front
        # matter goes on from it, the front elements and the body each on a
        # right-hand page.
        starts = [s.find(w("pgNumType")).get(w("start")) if s.find(w("pgNumType")) is not None else None for s in sections]
        body = formats.index("decimal") if "decimal" in formats else -1
        check(formats[0] == "upperRoman" and starts[0] == "1" and body > 0
              and all(f == "upperRoman" and t == "oddPage" and st is None
                      for f, t, st in zip(formats[1:body], types[1:body], starts[1:body]))
              and types[body] == "oddPage" and starts[body] == "1",
              "sections of the print layout: cover I, front matter going on, each on a right-hand page, body from 1 "
              "expected, got %s %s %s" % (formats, types, starts))
    else:
        check(formats[0] is None and formats[-1] == "decimal" and "upperRoman" in formats and "oddPage" not in types,
              "sections: cover unnumbered, front matter upperRoman, body decimal expected, got %s %s" % (formats, types))
    check(sections[0].find(w("headerReference")) is None, "the cover has a header")
    starts = [s.find(w("pgNumType")).get(w("start")) if s.find(w("pgNumType")) is not None else None for s in sections]
    body_start = [i for i, (f, st) in enumerate(zip(formats, starts)) if f == "decimal" and st == "1"]
    check(len(body_start) == 1 and all(st is None for st in starts[body_start[0] + 1:]),
          "page numbers: the body starts at 1 once and goes on to the end, got %s" % list(zip(formats, starts)))
    check(all(s.find(w("headerReference")) is not None for s in sections[1:]), "a section after the cover has no header")
    index = canonical.find("index")
    if index is not None:
        check_index_layout(doc, styles, index, by_style)
    return by_style


def check_index_layout(doc, styles, index, by_style):
    """The 索引: its letters and list titles in the letter style, as the XML
    has them; each letter and entry in a section of two columns; the title
    on a page of its own section."""
    titles = ("汉语拼音索引", "英文对应词索引")
    want = [t for t in ("".join(p.itertext()).strip() for p in index.findall("p"))
            if t in titles or re.fullmatch("[A-Z]", t)]
    check(by_style.get("标准文件_索引字母", []) == want,
          "index letters differ from the XML:\n  %s\n  %s" % (by_style.get("标准文件_索引字母", []), want))
    body = doc.find(w("body"))
    paragraphs = [p for p in body if p.tag == w("p")]
    final = body.find(w("sectPr"))

    def section_of(i):
        for p in paragraphs[i:]:
            ppr = p.find(w("pPr"))
            if ppr is not None and ppr.find(w("sectPr")) is not None:
                return ppr.find(w("sectPr"))
        return final

    def style_name(p):
        ppr = p.find(w("pPr"))
        ps = ppr.find(w("pStyle")) if ppr is not None else None
        return styles.by_id[ps.get(w("val"))].find(w("name")).get(w("val")) if ps is not None else ""

    heading = [i for i, p in enumerate(paragraphs) if style_name(p) == "标准文件_索引标题"]
    if not check(len(heading) == 1, "one 索引 title expected, %d found" % len(heading)):
        return
    first = section_of(heading[0])
    check(first.find(w("type")).get(w("val")) == "nextPage", "the 索引 does not start a new page")
    for i, p in enumerate(paragraphs[heading[0]:], heading[0]):
        name = style_name(p)
        text = paragraph_text(p)
        if name == "标准文件_索引项" or (name == "标准文件_索引字母" and text not in titles):
            cols = section_of(i).find(w("cols"))
            check(cols is not None and cols.get(w("num")) == "2", "index entry %r is not in two columns" % text)


# --------------------------------------------------------- cross-references

FIELD_REFERENCE = re.compile(r"(第\d+章|附录[A-Z]|\d+|[A-Z0-9]+(\.\d+)+|表\S+|图\S+|公式\S+)$")
BOOKMARK_NAME = re.compile(r"_Ref[A-Za-z0-9_]{1,36}$")  # hidden, at most 40 characters


def fields(root):
    """(instruction, cached result, begin fldChar) of each complex field of a part."""
    out, stack = [], []
    for el in root.iter():
        if el.tag == w("fldChar"):
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                stack.append({"instr": "", "result": "", "begin": el, "separated": False})
            elif kind == "separate" and stack:
                stack[-1]["separated"] = True
            elif kind == "end" and stack:
                f = stack.pop()
                out.append((f["instr"].strip(), f["result"], f["begin"]))
        elif el.tag == w("instrText") and stack:
            stack[-1]["instr"] += el.text or ""
        elif el.tag == w("t") and stack and stack[-1]["separated"]:
            stack[-1]["result"] += el.text or ""
    return out


def bookmarked(doc):
    """name → (the paragraph holding the start, the text between start and end)."""
    starts, texts, paragraphs, ends = {}, {}, {}, set()
    open_ids = set()
    for p in doc.iter(w("p")):
        for el in p.iter():
            if el.tag == w("bookmarkStart"):
                bid, name = el.get(w("id")), el.get(w("name"))
                check(bid not in starts.values() and name not in starts, "bookmark %s (%s) opened twice" % (name, bid))
                check(BOOKMARK_NAME.match(name or "") is not None, "bookmark name %r is not a hidden _Ref name of 40 characters at most" % name)
                starts[name] = bid
                paragraphs[name] = p
                texts[bid] = ""
                open_ids.add(bid)
            elif el.tag == w("bookmarkEnd"):
                bid = el.get(w("id"))
                check(bid in open_ids, "bookmarkEnd %s without an open bookmarkStart" % bid)
                open_ids.discard(bid)
                ends.add(bid)
            elif el.tag == w("t"):
                for bid in open_ids:
                    texts[bid] += el.text or ""
    check(not open_ids, "bookmarks never closed: %s" % sorted(open_ids))
    ids = [int(i) for i in starts.values()]
    check(ids == sorted(ids) and len(ids) == len(set(ids)), "bookmark ids are not unique and in document order")
    return {name: (paragraphs[name], texts[bid]) for name, bid in starts.items()}


def check_cross_references(parts, numbered):
    """Every REF names a bookmark of document.xml, is not dirty, and its
    cached result is what Word computes: for \\r the number of the
    bookmark's paragraph (Word's number as rendered by Numbering, less the
    full-width gap that \\t drops), else the bookmarked text. Every bookmark
    has a reference (bzc bookmarks only referenced targets). Returns the
    number of REF fields."""
    doc = parts["word/document.xml"]
    marks = bookmarked(doc)
    number_of = {id(p): n for _, n, p in numbered}
    refs = 0
    used = set()
    for part in ("word/document.xml", "word/footnotes.xml"):
        if part not in parts:
            continue
        for instruction, result, begin in fields(parts[part]):
            words = instruction.split()
            if not words or words[0] != "REF":
                continue
            refs += 1
            name = words[1]
            used.add(name)
            check(begin.get(w("dirty")) is None, "REF %s is marked dirty" % name)
            check("\\h" in words, "REF %s is no hyperlink (\\h)" % name)
            if name not in marks:
                check(False, "REF %s in %s names no bookmark of document.xml" % (name, part))
                continue
            paragraph, text = marks[name]
            if "\\r" in words:
                number = number_of.get(id(paragraph))
                check(number is not None, "REF %s \\r: the bookmark's paragraph is not numbered" % name)
                if number is not None and "\\t" in words:
                    number = number.rstrip("\u3000 ")
                check(number == result, "REF %s \\r: Word gives %r, the cached result is %r" % (name, number, result))
            else:
                check(text == result, "REF %s: the bookmark holds %r, the cached result is %r" % (name, text, result))
    check(used == set(marks), "bookmarks no reference names: %s" % sorted(set(marks) - used))
    return refs


def check_python_docx(path, metadata):
    try:
        import docx  # python3-docx
    except ImportError:
        print("note: python-docx is not installed; opening the file with it skipped")
        return
    d = docx.Document(path)
    names = {s.name for s in d.styles}
    check("标准文件_章标题" in names, "python-docx: style 标准文件_章标题 not found")
    check(any(p.text == metadata["title"] for p in d.paragraphs), "python-docx: the title is not a paragraph")
    check(len(d.sections) >= 2, "python-docx: fewer than two sections")
    print("python-docx: %d paragraphs, %d tables, %d sections" % (len(d.paragraphs), len(d.tables), len(d.sections)))


# --------------------------------------------------------------------- main

def main():
    args = sys.argv[1:]
    if len(args) != 3:
        sys.exit(__doc__)
    bzc, source, work = args
    stem = os.path.splitext(os.path.basename(source))[0]
    sample = os.path.basename(os.path.dirname(os.path.abspath(source))) if stem == "standard" else stem
    os.makedirs(work, exist_ok=True)
    first = build(bzc, source, os.path.join(work, "a"))
    second = build(bzc, source, os.path.join(work, "b"))
    with open(first, "rb") as f1, open(second, "rb") as f2:
        check(f1.read() == f2.read(), "two builds of the same source differ")
    xml_form = os.path.splitext(source)[0] + ".xml"
    if os.path.isfile(xml_form):
        third = build(bzc, xml_form, os.path.join(work, "x"))
        with open(first, "rb") as f1, open(third, "rb") as f3:
            check(f1.read() == f3.read(), "the XML form of the source gives a different DOCX")

    xml = run([bzc, "xml", source])
    if xml.returncode != 0:
        sys.exit("bzc xml failed: " + xml.stderr.decode())
    canonical = ET.fromstring(xml.stdout)
    metadata = {"number": canonical.findtext("metadata/number"), "title": canonical.findtext("metadata/title")}
    check(os.path.basename(first) == expected_file_name(metadata["number"]),
          "output named %r, expected %r" % (os.path.basename(first), expected_file_name(metadata["number"])))

    with zipfile.ZipFile(first) as z:
        check_zip(z)
        parts = parse_parts(z)
        if failures:
            report(sample)
        check_package(z, parts)
    footnotes = check_ids(parts)
    styles = Styles(parts["word/styles.xml"])
    numbering = Numbering(parts["word/numbering.xml"])
    check_styles(parts, styles, numbering)
    numbered = check_numbers(parts["word/document.xml"], styles, numbering, canonical)
    check_labels(parts["word/document.xml"], styles, canonical)
    references = check_cross_references(parts, numbered)
    # A reference to a chapter, clause, term entry, annex, table, figure or
    # formula is a field (a subfigure's two); one to a list item or 前言 is text.
    as_fields = [x for x in canonical.iter("xref") if FIELD_REFERENCE.match(x.get("text") or "")]
    check(references >= len(as_fields), "%d REF fields for %d cross-references to numbered targets" % (references, len(as_fields)))
    by_style = check_content(parts, styles, canonical, metadata)
    converted = "MATH-02" not in build_warnings
    check("MATH-01" not in build_warnings, "a formula of the sample was not converted to Word math (MATH-01)")
    math_count = check_formulas(parts, styles, canonical, converted)
    # Without pandoc: still built, the TeX source of every formula, one MATH-02 when there is math.
    without = build(bzc, source, os.path.join(work, "no-pandoc"), dict(os.environ, BZC_PANDOC="/nonexistent/pandoc"))
    check(build_warnings.count("MATH-02") == (1 if math_count else 0),
          "a build without pandoc warned %d times (MATH-02), the source has %d formulas" % (build_warnings.count("MATH-02"), math_count))
    with zipfile.ZipFile(without) as z:
        check_formulas(parse_parts(z), styles, canonical, False)
    text_footnotes = len([f for f in canonical.iter("fn")])
    check(footnotes <= text_footnotes, "more footnotes than references")

    # Sample-specific facts, stated by hand.
    if sample == "jgsw-guide":
        check(len(canonical.findall("chapter")) == 12, "jgsw-guide: 12 chapters expected")
        check(by_style.get("标准文件_正文表标题", [""])[0] == "表1　基础通用标准子体系标准明细表", "jgsw-guide: caption of 表1")
        check("表A.1　标准明细表格式" in by_style.get("标准文件_附录表标题", []), "jgsw-guide: caption of 表A.1")
        check(footnotes == 1, "jgsw-guide: one footnote in running text expected, %d found" % footnotes)
        with zipfile.ZipFile(first) as z:
            check(len([n for n in z.namelist() if n.startswith("word/media/")]) == 3, "jgsw-guide: three images expected")
        check(any(n == "8.1　" for _, n, _ in numbered), "jgsw-guide: untitled clause 8.1 not numbered")
        check(any(n == "附录B" for _, n, _ in numbered), "jgsw-guide: 附录B not numbered")
    if sample == "gwyc-terms":
        check(len(list(canonical.iter("term"))) == 22, "gwyc-terms: 22 term entries expected")
        check(by_style.get("标准文件_替换文件编号") == ["代替 T/CAGOA 001—2020"], "gwyc-terms: the 代替 line")
        check("团体标准" in by_style.get("标准称谓", []), "gwyc-terms: banner 团体标准")

    check_python_docx(first, metadata)
    report(sample)
    print("%s: %s is valid (%d numbered paragraphs agree with bzc)" % (sample, os.path.basename(first), len(numbered)))


def report(sample):
    if failures:
        print("%s: %d problem(s):" % (sample, len(failures)))
        for f in failures:
            print("  " + f)
        sys.exit(1)


if __name__ == "__main__":
    main()
