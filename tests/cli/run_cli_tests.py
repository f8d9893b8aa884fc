#!/usr/bin/env python3
"""CLI and hostile-input tests of bzc.

usage: run_cli_tests.py [--update] [-k NAME]... [-v] BZC

Every case is one file, cases/NAME.test (format in cases/README.md): the
input files, how to generate the big or binary ones, the command line, the
expected exit status and the expected output. Each case runs in a fresh
temporary directory, so the paths in diagnostics are relative, with a
2-second limit: running longer is a failure ("hang"), and so is a crash (a
signal or exit status 3, bzc's internal error) whatever exit status the case
expects. A case marked xfail (a known bzc defect) passes while it fails, in
whatever way, and fails once it passes, so that the mark is removed.

--update rewrites the golden sections (stdout, stderr, after FILE) of the
cases it runs with what bzc printed; cases marked xfail keep theirs, which
hold the output bzc should give. -k runs the named case (or the cases whose
name contains NAME). The last line is "N passed, M failed"; the exit status
is 1 when any case failed.

Python 3 standard library only.
"""

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ElementTree
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # leave no __pycache__ in the source tree
sys.path.insert(0, HERE)
import generators  # noqa: E402

CASES_DIR = os.path.join(HERE, "cases")
RULES_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "rules"))
# Builds with sanitizers run bzc several times slower; their CTest sets a factor.
TIMEOUT_SECONDS = 2.0 * float(os.environ.get("BZC_TEST_TIMEOUT_SCALE", "1"))

SECTION = re.compile(r"^==> (?P<name>.+?) <==(?P<noeol> \(no newline at end\))?$")
HEADER = re.compile(r"^(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")
OUTPUT_SECTIONS = ("stdout", "stderr")
TEXT_DIAGNOSTIC = re.compile(
    r"^(?P<file>.+?):(?:(?P<line>\d+):(?P<column>\d+):)? (?P<severity>error|warning|note): "
    r"(?P<message>.*) \[(?P<rule>[A-Z0-9]+-[0-9]+)\]$")
KNOWN_KEYS = {"run", "exit", "generate", "xfail", "expect", "expect-not", "stdout-contains",
              "stdout-not-contains", "stderr-contains", "stderr-not-contains", "stdout-matches",
              "check", "files", "files-under", "absent", "stdout-to", "env", "timeout"}


# --- the case format ----------------------------------------------------------

class Case:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[: -len(".test")]
        self.description = []
        self.headers = []          # (key, value) in order
        self.sections = []         # [name, content, line number of the marker]
        self.parse()

    def parse(self):
        with open(self.path, encoding="utf-8", newline="") as f:
            text = f.read()
        lines = text.split("\n")
        # A file ends with "\n": the last element is then empty, not a line.
        if lines and lines[-1] == "":
            lines.pop()
            ends_with_newline = True
        else:
            ends_with_newline = False
        current = None
        body = []

        def close():
            if current is None:
                return
            content = "\n".join(body)
            if body and not current["noeol"]:
                content += "\n"
            self.sections.append([current["name"], content, current["line"]])

        for number, line in enumerate(lines, 1):
            match = SECTION.match(line)
            if match:
                close()
                current = {"name": match["name"], "noeol": bool(match["noeol"]), "line": number}
                body = []
                continue
            if current is not None:
                body.append(line)
                continue
            if line.startswith("#"):
                self.description.append(line[1:].strip())
            elif line.strip():
                header = HEADER.match(line)
                if not header or header["key"] not in KNOWN_KEYS:
                    raise ValueError("%s:%d: not a known 'key: value' line: %r" % (self.path, number, line))
                self.headers.append((header["key"], header["value"].strip()))
        close()
        if not ends_with_newline and self.sections and self.sections[-1][1].endswith("\n"):
            self.sections[-1][1] = self.sections[-1][1][:-1]
        if not self.get("run"):
            raise ValueError("%s: no 'run:' line" % self.path)
        if not self.get("exit"):
            raise ValueError("%s: no 'exit:' line" % self.path)

    def get(self, key, default=None):
        for k, v in self.headers:
            if k == key:
                return v
        return default

    def all(self, key):
        return [v for k, v in self.headers if k == key]

    def section(self, name):
        for s in self.sections:
            if s[0] == name:
                return s[1]
        return None

    def input_files(self):
        return [(s[0], s[1]) for s in self.sections
                if s[0] not in OUTPUT_SECTIONS and not s[0].startswith("after ")]

    def golden_sections(self):
        return [s for s in self.sections if s[0] in OUTPUT_SECTIONS or s[0].startswith("after ")]

    def rewrite(self, actual):
        """Write the case back with the golden sections replaced by ACTUAL
        (section name -> text); everything else is kept byte for byte."""
        with open(self.path, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        golden = {s[2]: s[0] for s in self.golden_sections()}
        out, skip = [], False
        for number, line in enumerate(lines, 1):
            if SECTION.match(line):
                skip = False
                if number in golden:
                    name = golden[number]
                    content = actual.get(name, "")
                    noeol = content != "" and not content.endswith("\n")
                    out.append("==> %s <==%s" % (name, " (no newline at end)" if noeol else ""))
                    if content:
                        out.extend((content if noeol else content[:-1]).split("\n"))
                    skip = True
                    continue
            if not skip:
                out.append(line)
        text = "\n".join(out)
        if not text.endswith("\n"):
            text += "\n"
        with open(self.path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


# --- running ------------------------------------------------------------------

class Result:
    def __init__(self):
        self.failures = []   # (title, detail)
        self.crashed = False
        self.hung = False

    def fail(self, title, detail=""):
        self.failures.append((title, detail))


def diff(expected, actual, label):
    lines = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                 "expected " + label, "actual " + label)
    text = "".join(line if line.endswith("\n") else line + "\n\\ no newline\n" for line in lines)
    return text


def listing(directory):
    return sorted(os.listdir(directory))


def run_bzc(case, bzc, workdir):
    argv = shlex.split(case.get("run"))
    if not argv or argv[0] != "bzc":
        raise ValueError("%s: the command must start with 'bzc'" % case.path)
    argv[0] = bzc
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"   # strerror() texts in English, whatever the machine
    env.pop("LANGUAGE", None)
    # env: NAME=VALUE sets a variable for bzc (e.g. to point it at a
    # missing program, or to inject a fault into the PDF worker).
    for assignment in case.all("env"):
        name, _, value = assignment.partition("=")
        env[name] = value
    stdout_to = case.get("stdout-to")
    stdout_file = open(stdout_to, "wb") if stdout_to else None
    try:
        process = subprocess.Popen(argv, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                                   stdout=stdout_file or subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
        try:
            # timeout: N for the cases that start LibreOffice (about 2 s
            # cold); every other case must finish well within the default.
            out, err = process.communicate(timeout=float(case.get("timeout", 0)) * float(os.environ.get("BZC_TEST_TIMEOUT_SCALE", "1")) or TIMEOUT_SECONDS)
            return process.returncode, out or b"", err, False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            return None, out or b"", err, True
    finally:
        if stdout_file:
            stdout_file.close()


def output_format(case):
    argv = shlex.split(case.get("run"))
    for i, word in enumerate(argv):
        if word == "--format" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--format="):
            return word.split("=", 1)[1]
    return "text"


def diagnostics_of(case, stdout, stderr):
    """The findings printed, as dicts with file, line, column, severity, rule
    and message, whatever the output format."""
    fmt = output_format(case)
    found = []
    if fmt == "json":
        for d in json.loads(stdout).get("diagnostics", []):
            found.append(dict(d))
    elif fmt == "sarif":
        for r in json.loads(stdout)["runs"][0]["results"]:
            physical = r["locations"][0]["physicalLocation"]
            region = physical.get("region", {})
            found.append({"file": urllib.parse.unquote(physical["artifactLocation"]["uri"]),
                          "line": region.get("startLine", 0), "column": region.get("startColumn", 0),
                          "severity": r["level"], "rule": r["ruleId"], "message": r["message"]["text"]})
    else:
        for line in (stdout + stderr).splitlines():
            m = TEXT_DIAGNOSTIC.match(line)
            if m:
                found.append({"file": m["file"], "line": int(m["line"] or 0), "column": int(m["column"] or 0),
                              "severity": m["severity"], "rule": m["rule"], "message": m["message"]})
    return found


def check_expectations(case, result, stdout, stderr):
    try:
        found = diagnostics_of(case, stdout, stderr)
    except (ValueError, KeyError, IndexError, TypeError) as e:
        result.fail("output cannot be read as %s: %s" % (output_format(case), e))
        return
    shown = "\n".join("  %s:%s:%s %s %s" % (d["file"], d["line"], d["column"], d["rule"], d["message"])
                      for d in found) or "  (no diagnostics)"
    for spec in case.all("expect"):
        words = shlex.split(spec)
        rule = words[0]
        where = words[1] if len(words) > 1 else None
        file = words[2] if len(words) > 2 else None

        def matches(d):
            if rule != "*" and d["rule"] != rule:
                return False
            if file is not None and d["file"] != file:
                return False
            if where is None or where == "*":
                return True
            if where == "-":
                return d["line"] == 0
            parts = where.split(":")
            if int(parts[0]) != d["line"]:
                return False
            return len(parts) == 1 or int(parts[1]) == d["column"]

        if not any(matches(d) for d in found):
            result.fail("expected a diagnostic %s" % spec, "diagnostics found:\n" + shown)
    for rule in case.all("expect-not"):
        if any(d["rule"] == rule for d in found):
            result.fail("expected no %s diagnostic" % rule, "diagnostics found:\n" + shown)


def check_text(case, result, stdout, stderr):
    for key, stream, label in (("stdout-contains", stdout, "stdout"), ("stderr-contains", stderr, "stderr")):
        for text in case.all(key):
            if text not in stream:
                result.fail("%s does not contain %r" % (label, text), stream[-2000:])
    for key, stream, label in (("stdout-not-contains", stdout, "stdout"),
                               ("stderr-not-contains", stderr, "stderr")):
        for text in case.all(key):
            if text in stream:
                result.fail("%s contains %r" % (label, text), stream[-2000:])
    for pattern in case.all("stdout-matches"):
        if not re.fullmatch(pattern, stdout, re.S):
            result.fail("stdout does not match /%s/" % pattern, stdout[-2000:])


# --- named checks (check: NAME ARG...) ----------------------------------------

def check_json(result, stdout, workdir):
    try:
        report = json.loads(stdout)
    except ValueError as e:
        result.fail("--format json output is not JSON: %s" % e, stdout[:2000])
        return
    if not isinstance(report, dict) or not isinstance(report.get("diagnostics"), list):
        result.fail("JSON report has no 'diagnostics' list")
        return
    types = {"file": str, "line": int, "column": int, "severity": str, "rule": str, "message": str}
    counts = {"error": 0, "warning": 0, "note": 0}
    for i, d in enumerate(report["diagnostics"]):
        for key, kind in types.items():
            if not isinstance(d.get(key), kind) or isinstance(d.get(key), bool):
                result.fail("diagnostics[%d].%s is missing or not %s" % (i, key, kind.__name__), json.dumps(d))
        if d.get("severity") in counts:
            counts[d["severity"]] += 1
        else:
            result.fail("diagnostics[%d].severity is %r" % (i, d.get("severity")))
        if not re.fullmatch(r"[A-Z0-9]+-[0-9]+", str(d.get("rule"))):
            result.fail("diagnostics[%d].rule %r is not a rule id" % (i, d.get("rule")))
        if "clause" in d and not str(d["clause"]).startswith("GB/T 1.1—2020 "):
            result.fail("diagnostics[%d].clause %r does not name GB/T 1.1—2020" % (i, d["clause"]))
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("notes", "note")):
        if report.get(key) != counts[severity]:
            result.fail("JSON '%s' is %r but %d diagnostics have severity %s" % (key, report.get(key),
                                                                               counts[severity], severity))


def check_sarif(result, stdout, workdir):
    try:
        log = json.loads(stdout)
    except ValueError as e:
        result.fail("--format sarif output is not JSON: %s" % e, stdout[:2000])
        return
    problems = []
    if log.get("version") != "2.1.0":
        problems.append("version is %r, not '2.1.0'" % log.get("version"))
    if "$schema" in log and "sarif" not in log["$schema"]:
        problems.append("$schema %r is not a SARIF schema" % log["$schema"])
    runs = log.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        result.fail("SARIF log does not have exactly one run", stdout[:2000])
        return
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    if driver.get("name") != "bzc":
        problems.append("runs[0].tool.driver.name is %r" % driver.get("name"))
    rules = driver.get("rules")
    if not isinstance(rules, list):
        problems.append("runs[0].tool.driver.rules is not a list")
        rules = []
    ids = [r.get("id") for r in rules]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        problems.append("rule ids are missing or repeated: %r" % ids)
    results = run.get("results")
    if not isinstance(results, list):
        problems.append("runs[0].results is not a list")
        results = []
    if run.get("columnKind", "unicodeCodePoints") != "unicodeCodePoints":
        problems.append("columnKind is %r" % run.get("columnKind"))
    for i, r in enumerate(results):
        where = "results[%d]" % i
        if r.get("ruleId") not in ids:
            problems.append("%s.ruleId %r is not among the driver's rules" % (where, r.get("ruleId")))
        elif "ruleIndex" in r and (not isinstance(r["ruleIndex"], int) or r["ruleIndex"] >= len(ids)
                                   or ids[r["ruleIndex"]] != r["ruleId"]):
            problems.append("%s.ruleIndex %r does not point at %s" % (where, r.get("ruleIndex"), r.get("ruleId")))
        if r.get("level") not in ("error", "warning", "note", "none"):
            problems.append("%s.level is %r" % (where, r.get("level")))
        if not isinstance(r.get("message", {}).get("text"), str):
            problems.append("%s.message.text is missing" % where)
        try:
            physical = r["locations"][0]["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
        except (KeyError, IndexError, TypeError):
            problems.append("%s has no locations[0].physicalLocation.artifactLocation.uri" % where)
            continue
        if re.search(r"[^A-Za-z0-9\-._~/%:!$&'()*+,;=@]", uri):
            problems.append("%s uri %r is not percent-encoded" % (where, uri))
        elif not os.path.exists(os.path.join(workdir, urllib.parse.unquote(uri))) and r.get("ruleId") != "IO-01":
            problems.append("%s uri %r does not name the input file" % (where, uri))
        region = physical.get("region")
        if region is None:
            continue
        # startLine is what code scanning places an alert by; a column is
        # left out where bzc has none (a finding about a whole file).
        if not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
            problems.append("%s region.startLine is %r" % (where, region.get("startLine")))
        if "startColumn" in region and (not isinstance(region["startColumn"], int) or region["startColumn"] < 1):
            problems.append("%s region.startColumn is %r" % (where, region["startColumn"]))
    for p in problems:
        result.fail("SARIF: " + p)


def repository_rule_ids():
    ids = []
    for name in sorted(os.listdir(RULES_DIR)):
        if name.endswith(".yaml"):
            with open(os.path.join(RULES_DIR, name), encoding="utf-8") as f:
                ids += re.findall(r"^\s*-\s*id:\s*([A-Z0-9]+-[0-9]+)\s*$", f.read(), re.M)
    return ids


def check_rules_list(result, stdout, workdir):
    listed = []
    for line in stdout.splitlines():
        fields = line.split("\t")
        if len(fields) != 4:
            result.fail("'bzc rules' line has %d tab-separated fields, not 4" % len(fields), line)
            continue
        rule, severity, clause, summary = fields
        listed.append(rule)
        if severity not in ("error", "warning", "note"):
            result.fail("'bzc rules': %s has severity %r" % (rule, severity))
        if clause != "-" and not re.fullmatch(r"[0-9A-Z.]+(, [0-9A-Z.]+)* \[[VTK?]\]", clause):
            result.fail("'bzc rules': %s has clause %r" % (rule, clause))
        if not summary.strip():
            result.fail("'bzc rules': %s has no summary" % rule)
    expected = repository_rule_ids()
    if sorted(listed) != sorted(expected):
        missing = sorted(set(expected) - set(listed))
        extra = sorted(set(listed) - set(expected))
        result.fail("'bzc rules' does not list the rules of rules/*.yaml",
                    "missing: %s\nnot in rules/: %s" % (missing, extra))


def check_rules_json(result, stdout, workdir):
    try:
        rules = json.loads(stdout)["rules"]
    except (ValueError, KeyError, TypeError) as e:
        result.fail("'bzc rules --format json' output is not {\"rules\": [...]}: %s" % e)
        return
    for r in rules:
        for key in ("id", "name", "severity", "summary"):
            if not isinstance(r.get(key), str) or not r[key]:
                result.fail("rule %r has no %s" % (r.get("id"), key))
    listed = [r.get("id") for r in rules]
    if sorted(listed) != sorted(repository_rule_ids()):
        result.fail("'bzc rules --format json' does not list the rules of rules/*.yaml")


def check_xml_document(result, stdout, workdir, name="-"):
    if name == "-":
        data = stdout.encode("utf-8")
    else:
        try:
            with open(os.path.join(workdir, name), "rb") as f:
                data = f.read()
        except OSError as e:
            result.fail("cannot read %s: %s" % (name, e))
            return
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        result.fail("%s is not well-formed XML: %s" % (name if name != "-" else "stdout", e), data[:500].decode("utf-8", "replace"))
        return
    if root.tag != "standard":
        result.fail("the root element of %s is <%s>, not <standard>" % (name, root.tag))
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        result.fail("%s declares a DOCTYPE or entities" % name)


def check_docx_text(result, stdout, workdir, name, *texts):
    """docx-text FILE TEXT…: the text of word/document.xml (tags dropped,
    runs joined) holds each TEXT."""
    try:
        with zipfile.ZipFile(os.path.join(workdir, name)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile) as e:
        result.fail("cannot read the text of %s: %s" % (name, e))
        return
    text = re.sub(r"<[^>]*>", "", xml)
    for wanted in texts:
        if wanted not in text:
            result.fail("%s does not contain %r" % (name, wanted), text[:1500])


CHECKS = {"json": check_json, "sarif": check_sarif, "rules-list": check_rules_list,
          "rules-json": check_rules_json, "xml-document": check_xml_document,
          "docx-text": check_docx_text}


# The goldens describe the command line and the reading of hostile input,
# not the GB/T 1.1 drafting rules (those have their own tests in tests/rules):
# a project file one level above each case turns the drafting families off.
# Every case then runs a second time with all rules on, and only a crash, a
# hang or an exit status outside 0–2 fails it, so the drafting checks meet
# every hostile input too.
DRAFTING_FAMILIES = ["STR", "NUM", "OBJ", "FIX", "SCP", "VRB", "LNG", "TRM", "TYP", "COV", "REF", "PTR", "IDX"]


def prepare(case, workdir):
    for name, content in case.input_files():
        path = os.path.join(workdir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(content)
    for spec in case.all("generate"):
        words = shlex.split(spec)
        if words[0] not in generators.GENERATORS:
            raise ValueError("%s: unknown generator %r" % (case.path, words[0]))
        generators.GENERATORS[words[0]](workdir, *words[1:])


def run_with_all_rules(case, bzc, result):
    root = tempfile.mkdtemp(prefix="bzc-cli-all-%s-" % case.name)
    try:
        workdir = os.path.join(root, "case")
        os.makedirs(workdir)
        prepare(case, workdir)
        status, _, err, hung = run_bzc(case, os.path.abspath(bzc), workdir)
        stderr = err.decode("utf-8", "replace")
        if hung:
            result.hung = True
            result.fail("hang with all rules on: still running after %g s" % TIMEOUT_SECONDS, stderr[-2000:])
        elif status < 0 or status not in (0, 1, 2):
            result.crashed = True
            result.fail("crash with all rules on: exit status %d" % status, stderr[-2000:])
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_case(case, bzc, update):
    result = Result()
    root = tempfile.mkdtemp(prefix="bzc-cli-%s-" % case.name)
    with open(os.path.join(root, "bzc.yaml"), "w", encoding="utf-8") as f:
        f.write("# written by run_cli_tests.py: the goldens leave the drafting rules out\nrules:\n")
        for family in DRAFTING_FAMILIES:
            f.write('  "%s-*": off\n' % family)
    workdir = os.path.join(root, "case")
    os.makedirs(workdir)
    try:
        prepare(case, workdir)
        run_with_all_rules(case, bzc, result)
        if result.crashed or result.hung:
            return result, {}

        status, out, err, hung = run_bzc(case, os.path.abspath(bzc), workdir)
        stdout = out.decode("utf-8", "replace")
        stderr = err.decode("utf-8", "replace")

        if hung:
            result.hung = True
            result.fail("hang: still running after %g s" % TIMEOUT_SECONDS, stderr[-2000:])
            return result, {}
        if status < 0:
            result.crashed = True
            result.fail("crash: killed by signal %d (%s)" % (-status, signal.Signals(-status).name), stderr[-2000:])
            return result, {}
        if status == 3:
            result.crashed = True
            result.fail("crash: exit status 3 (internal error)", stderr[-2000:])
            return result, {}
        if status not in (0, 1, 2):
            result.crashed = True
            result.fail("exit status %d is not 0, 1 or 2" % status, stderr[-2000:])
            return result, {}
        expected_status = int(case.get("exit"))
        if status != expected_status:
            result.fail("exit status %d, expected %d" % (status, expected_status),
                        ("stdout:\n" + stdout[-1500:] + "\nstderr:\n" + stderr[-1500:]))

        actual = {"stdout": stdout, "stderr": stderr}
        for name, _, _ in case.golden_sections():
            if name.startswith("after "):
                path = os.path.join(workdir, name[len("after "):])
                try:
                    with open(path, encoding="utf-8", errors="replace", newline="") as f:
                        actual[name] = f.read()
                except OSError as e:
                    actual[name] = "<%s>\n" % e.strerror
        if not (update and not case.get("xfail")):
            for name, expected, _ in case.golden_sections():
                if actual.get(name) != expected:
                    result.fail("%s differs from the golden output" % name, diff(expected, actual[name], name))

        check_text(case, result, stdout, stderr)
        if case.all("expect") or case.all("expect-not"):
            check_expectations(case, result, stdout, stderr)
        for spec in case.all("check"):
            words = shlex.split(spec)
            if words[0] not in CHECKS:
                raise ValueError("%s: unknown check %r" % (case.path, words[0]))
            CHECKS[words[0]](result, stdout, workdir, *words[1:])
        for name in case.all("absent"):
            if os.path.lexists(os.path.join(workdir, name)):
                result.fail("%s exists after the run" % name)
        files = case.get("files")
        if files is not None:
            expected_files = sorted(files.split())
            if listing(workdir) != expected_files:
                result.fail("the directory holds %s, expected %s" % (listing(workdir), expected_files))
        # files-under: DIR NAME… lists what a sub-directory must hold (the
        # outputs of -o DIR, with no temporary file left behind).
        for spec in case.all("files-under"):
            directory, *expected_files = shlex.split(spec)
            path = os.path.join(workdir, directory)
            actual_files = listing(path) if os.path.isdir(path) else None
            if actual_files != sorted(expected_files):
                result.fail("%s holds %s, expected %s" % (directory, actual_files, sorted(expected_files)))
        return result, actual
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description="CLI and hostile-input tests of bzc")
    parser.add_argument("bzc", help="path of the bzc binary")
    parser.add_argument("--update", action="store_true", help="rewrite the golden outputs")
    parser.add_argument("-k", action="append", default=[], metavar="NAME", help="run only this case")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = parser.parse_args()

    if not os.access(args.bzc, os.X_OK):
        print("run_cli_tests.py: %s is not an executable" % args.bzc, file=sys.stderr)
        return 2
    paths = sorted(os.path.join(CASES_DIR, n) for n in os.listdir(CASES_DIR) if n.endswith(".test"))
    cases = [Case(p) for p in paths]
    if args.k:
        chosen = []
        for name in args.k:
            exact = [c for c in cases if c.name == name]
            chosen += exact or [c for c in cases if name in c.name]
        if not chosen:
            print("run_cli_tests.py: no case matches %s" % ", ".join(args.k), file=sys.stderr)
            return 2
        cases = list({c.name: c for c in chosen}.values())

    passed = failed = 0
    expected_failures = []
    for case in cases:
        result, actual = run_case(case, args.bzc, args.update)
        xfail = case.get("xfail")
        if xfail and result.failures:
            # A known defect, whatever its form: wrong output, crash or hang.
            passed += 1
            expected_failures.append((case.name, xfail))
            if args.verbose:
                print("xfail %s: %s" % (case.name, xfail))
                for title, _ in result.failures:
                    print("  " + title)
            continue
        if xfail and not result.failures:
            failed += 1
            print("FAIL %s: passes although marked xfail (%s); remove the xfail line" % (case.name, xfail))
            continue
        if result.failures:
            failed += 1
            print("FAIL %s (%s)" % (case.name, os.path.relpath(case.path)))
            for title, detail in result.failures:
                print("  " + title)
                if detail:
                    print("    " + detail.rstrip("\n").replace("\n", "\n    "))
            continue
        if args.update and not xfail and case.golden_sections():
            if any(actual.get(s[0]) != s[1] for s in case.golden_sections()):
                case.rewrite(actual)
                print("updated %s" % case.name)
        passed += 1
        if args.verbose:
            print("ok %s" % case.name)
    if expected_failures:
        print("%d known bzc defects (xfail):" % len(expected_failures))
        for name, reason in expected_failures:
            print("  %s: %s" % (name, reason))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
