#!/usr/bin/env python3
"""The SARIF and JUnit reports of `bzc check` against their official schemas.

usage: validate_reports.py BZC WORK_DIR

Validates
  - the SARIF and JUnit goldens of tests/cli/cases (every case run with
    --format sarif or --format junit: its golden stdout where it has one, and
    what bzc prints for it now, run as run_cli_tests.py runs it);
  - fresh reports of samples/jgsw-system, checked as a repository from its
    folder with no path (--no-cache, so nothing is written into the sample,
    which the test verifies), in English and Chinese, twice (byte-identical);
  - fresh reports of one file with findings (samples/errors/standard.md), by
    a relative and by an absolute path, and of a file whose name and text hold
    control characters and bytes that are not UTF-8;
against
  - SARIF: the OASIS SARIF 2.1.0 JSON schema (tests/schemas/sarif-schema-2.1.0.json),
    with the draft-04 validator it declares and a draft-07 one, formats
    checked; then what GitHub code scanning requires beyond the schema;
  - JUnit: the Jenkins xUnit plugin's junit-10.xsd through `xmllint --schema`;
    then the counts (tests, failures) against the test cases.
Then it proves that it can fail: broken copies of a valid SARIF log and a
valid JUnit report (a required property dropped, an unknown property or
attribute added, a column of 0, a result without location, a wrong count)
must each be rejected.

Needs python3-jsonschema and python3-rfc3987 (Debian's /usr/bin/python3) and
xmllint (libxml2-utils). The last line is "N passed, M failed"; the exit
status is 1 when anything failed.
"""

import copy
import re
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.dont_write_bytecode = True   # leave no __pycache__ in the source tree
SARIF_SCHEMA = os.path.join(HERE, "sarif-schema-2.1.0.json")
JUNIT_SCHEMA = os.path.join(HERE, "junit-10.xsd")
REPOSITORY_SAMPLE = os.path.join(ROOT, "samples", "jgsw-system")
FILE_SAMPLE = os.path.join(ROOT, "samples", "errors", "standard.md")
# The deliberate findings of the repository sample (its README lists them).
REPOSITORY_SAMPLE_RULES = {"REPO-01", "REPO-02", "REPO-03", "REPO-04", "REPO-06", "REPO-08"}
# A fixed day, so that REPO-08 (复审 due) does not depend on when the test runs.
TODAY = "2026-01-15"

# GitHub code scanning's limits per run and per result (its SARIF support
# page); past them results are dropped or the upload is refused.
GITHUB_MAX_RESULTS = 25000
GITHUB_MAX_RULES = 25000
GITHUB_MAX_LOCATIONS = 1000
LEVELS = ("none", "note", "warning", "error")


# --- SARIF ----------------------------------------------------------------------

def sarif_validators():
    import jsonschema  # python3-jsonschema
    with open(SARIF_SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    declared = jsonschema.validators.validator_for(schema)
    validators = []
    for cls in (declared, jsonschema.Draft7Validator):
        cls.check_schema(schema)
        validators.append(cls(schema, format_checker=cls.FORMAT_CHECKER))
    # Without rfc3987 jsonschema skips the uri formats in silence: a test
    # that cannot see a bad URI must not pass.
    if "uri-reference" not in jsonschema.Draft7Validator.FORMAT_CHECKER.checkers:
        raise RuntimeError("jsonschema cannot check URIs: install python3-rfc3987")
    return validators


def sarif_schema_errors(validators, log):
    problems = []
    for v in validators:
        for e in sorted(v.iter_errors(log), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            message = "%s: %s (%s)" % (where, e.message[:300], type(v).__name__)
            if message not in problems:
                problems.append(message)
    return problems


def is_file_uri_or_checkout_relative(uri):
    parsed = urllib.parse.urlsplit(uri)
    if parsed.scheme:
        return parsed.scheme == "file"
    # A relative reference is resolved against the checkout; one that starts
    # at the file system's root would name nothing there.
    return not uri.startswith("/")


def github_errors(log):
    """What GitHub code scanning refuses or cannot show although the schema
    allows it (upload errors such as "locationFromSarifResult: expected
    artifact location", and the SARIF validator's GitHub ingestion rules)."""
    problems = []
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        return ["runs: no run"]
    for r, run in enumerate(runs):
        driver = (run.get("tool") or {}).get("driver") or {}
        rules = driver.get("rules") or []
        ids = [rule.get("id") for rule in rules]
        if len(rules) > GITHUB_MAX_RULES:
            problems.append("runs/%d: %d rules, more than GitHub takes" % (r, len(rules)))
        if len(set(ids)) != len(ids):
            problems.append("runs/%d/tool/driver/rules: an id appears twice" % r)
        for i, rule in enumerate(rules):
            level = (rule.get("defaultConfiguration") or {}).get("level")
            if level is not None and level not in LEVELS:
                problems.append("runs/%d/tool/driver/rules/%d: level %r" % (r, i, level))
            # bzc's own rule: a rule's help stands outside any finding, so a
            # message placeholder ({replacement}) there would be shown raw.
            help_text = (rule.get("help") or {}).get("text", "")
            if re.search(r"\{[a-z_]+\}", help_text):
                problems.append("runs/%d/tool/driver/rules/%d: help shows a placeholder: %r" % (r, i, help_text))
        results = run.get("results")
        if not isinstance(results, list):
            problems.append("runs/%d: no results array (an actual scan must have one, empty or not)" % r)
            continue
        if len(results) > GITHUB_MAX_RESULTS:
            problems.append("runs/%d: %d results, more than GitHub takes" % (r, len(results)))
        for i, result in enumerate(results):
            where = "runs/%d/results/%d" % (r, i)
            rule_id = result.get("ruleId")
            if not isinstance(rule_id, str) or not rule_id:
                problems.append(where + ": no ruleId (GitHub keys alerts on it)")
            elif rule_id not in ids:
                problems.append(where + ": ruleId %r is not in tool.driver.rules" % rule_id)
            elif "ruleIndex" in result and (result["ruleIndex"] >= len(ids) or ids[result["ruleIndex"]] != rule_id):
                problems.append(where + ": ruleIndex %r does not point at %s" % (result["ruleIndex"], rule_id))
            if result.get("level", "warning") not in LEVELS:
                problems.append(where + ": level %r" % result.get("level"))
            if not (result.get("message") or {}).get("text"):
                problems.append(where + ": no message.text")
            locations = result.get("locations") or []
            if not locations:
                problems.append(where + ": no location (GitHub refuses the upload: expected at least one location)")
                continue
            if len(locations) > GITHUB_MAX_LOCATIONS:
                problems.append(where + ": %d locations" % len(locations))
            for k, location in enumerate(locations):
                at = "%s/locations/%d/physicalLocation" % (where, k)
                physical = location.get("physicalLocation") or {}
                uri = (physical.get("artifactLocation") or {}).get("uri")
                if not uri:
                    problems.append(at + ": no artifactLocation.uri (GitHub: expected artifact location)")
                    continue
                if not is_file_uri_or_checkout_relative(uri):
                    problems.append(at + ": uri %r is neither relative to the checkout nor a file: URI" % uri)
                # bzc's own rule: a relative URI names its base (%SRCROOT%).
                elif not urllib.parse.urlsplit(uri).scheme and "uriBaseId" not in physical["artifactLocation"]:
                    problems.append(at + ": relative uri %r without uriBaseId" % uri)
                region = physical.get("region")
                if not isinstance(region, dict) or not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
                    problems.append(at + ": no region.startLine (GitHub cannot place the alert)")
                    continue
                for key in ("startColumn", "endLine", "endColumn"):
                    if key in region and (not isinstance(region[key], int) or region[key] < 1):
                        problems.append(at + ": region.%s is %r (1-based)" % (key, region[key]))
    return problems


def sarif_problems(validators, text):
    try:
        log = json.loads(text)
    except ValueError as e:
        return ["not JSON: %s" % e]
    return sarif_schema_errors(validators, log) + github_errors(log)


# --- JUnit ----------------------------------------------------------------------

def xmllint_errors(path):
    run = subprocess.run(["xmllint", "--noout", "--schema", JUNIT_SCHEMA, path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode == 0:
        return []
    lines = [l for l in run.stderr.decode("utf-8", "replace").splitlines() if not l.endswith(" validates")]
    return lines or ["xmllint exit status %d" % run.returncode]


def junit_count_errors(path):
    """The counts a CI server shows must be the test cases' own."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as e:
        return ["not XML: %s" % e]
    if root.tag != "testsuites":
        return ["the root is <%s>, not <testsuites>" % root.tag]
    problems = []
    all_cases = failed_cases = 0
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
        all_cases += len(cases)
        failed_cases += len(failed)
        for attribute, count in (("tests", len(cases)), ("failures", len(failed))):
            if suite.get(attribute) != str(count):
                problems.append("testsuite %r: %s=%r but %d test cases" % (suite.get("name"), attribute, suite.get(attribute), count))
        for case in cases:
            if not case.get("name"):
                problems.append("a testcase without a name")
    for attribute, count in (("tests", all_cases), ("failures", failed_cases)):
        if root.get(attribute) is not None and root.get(attribute) != str(count):
            problems.append("testsuites: %s=%r but %d test cases" % (attribute, root.get(attribute), count))
    return problems


def junit_problems(text, work, name):
    path = os.path.join(work, name)
    # The bytes bzc printed, as they were (stray bytes came in as surrogates).
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)
    return xmllint_errors(path) + junit_count_errors(path)


# --- running --------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, title, problems):
        if problems:
            self.failed += 1
            print("FAIL %s" % title)
            for p in problems[:20]:
                print("    " + p)
            if len(problems) > 20:
                print("    … %d more" % (len(problems) - 20))
        else:
            self.passed += 1
            print("ok   %s" % title)


def run_bzc(bzc, args, cwd, env_extra=None):
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env["BZC_TODAY"] = TODAY
    env.update(env_extra or {})
    run = subprocess.run([bzc] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return run.returncode, run.stdout.decode("utf-8", "surrogateescape"), run.stderr.decode("utf-8", "replace")


def tree_state(directory):
    """Every file and folder below DIRECTORY with its size and mtime."""
    state = {}
    for folder, dirs, files in os.walk(directory):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            state[os.path.relpath(path, directory)] = (st.st_size, st.st_mtime_ns)
    return state


def validate(tally, validators, fmt, title, text, work):
    if fmt == "sarif":
        tally.check(title, sarif_problems(validators, text))
    else:
        name = "%s.xml" % "".join(c if c.isalnum() else "-" for c in title)[:120]
        tally.check(title, junit_problems(text, work, name))


def cli_case_reports(bzc):
    """(case name, format, which, text) of every SARIF and JUnit golden of the
    CLI cases and of what bzc prints for them now."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
    import run_cli_tests  # noqa: E402  (the CLI runner: its case format and its way of running a case)
    reports = []
    for name in sorted(os.listdir(run_cli_tests.CASES_DIR)):
        if not name.endswith(".test"):
            continue
        case = run_cli_tests.Case(os.path.join(run_cli_tests.CASES_DIR, name))
        fmt = run_cli_tests.output_format(case)
        if fmt not in ("sarif", "junit"):
            continue
        for section, expected, _ in case.golden_sections():
            if section == "stdout" and expected:
                reports.append((case.name, fmt, "golden", expected))
        _, actual = run_cli_tests.run_case(case, bzc, update=False)
        if actual.get("stdout"):
            reports.append((case.name, fmt, "now", actual["stdout"]))
    return reports


def check_outputs(tally, validators, bzc, work):
    good = {}   # a valid report of each format, for the mutation tests

    # 1. The goldens of the CLI cases.
    reports = cli_case_reports(bzc)
    for fmt in ("sarif", "junit"):
        if not any(r[1] == fmt and r[2] == "golden" for r in reports):
            tally.check("CLI goldens in --format %s" % fmt, ["no CLI case has a %s golden to validate" % fmt])
    for case, fmt, which, text in reports:
        validate(tally, validators, fmt, "cli case %s (%s, %s)" % (case, fmt, which), text, work)

    # 2. The repository sample, from its folder with no path.
    before = tree_state(REPOSITORY_SAMPLE)
    for fmt in ("sarif", "junit"):
        for lang in ("en", "zh"):
            title = "samples/jgsw-system: bzc --lang %s check --no-cache --format %s" % (lang, fmt)
            status, out, err = run_bzc(bzc, ["--lang", lang, "check", "--no-cache", "--format", fmt], REPOSITORY_SAMPLE)
            again = run_bzc(bzc, ["--lang", lang, "check", "--no-cache", "--format", fmt], REPOSITORY_SAMPLE)[1]
            problems = [] if status == 1 else ["exit status %d, expected 1 (the sample has errors): %s" % (status, err[-500:])]
            if out != again:
                problems.append("two runs printed different reports")
            tally.check(title + " runs", problems)
            validate(tally, validators, fmt, title, out, work)
            if fmt == "sarif" and out:
                fired = {r.get("ruleId") for r in json.loads(out)["runs"][0].get("results", [])}
                missing = REPOSITORY_SAMPLE_RULES - fired
                tally.check(title + ": the sample's deliberate findings",
                            ["no %s result" % ", ".join(sorted(missing))] if missing else [])
                good.setdefault("sarif", out)
            if fmt == "junit" and out:
                root = ElementTree.fromstring(out.encode("utf-8"))
                cases = root.findall("./testsuite/testcase")
                failed = [c for c in cases if c.find("failure") is not None]
                tally.check(title + ": a test case per standard, failed ones among them",
                            [] if len(cases) >= 15 and failed else ["%d test cases, %d failed" % (len(cases), len(failed))])
                good.setdefault("junit", out)
    after = tree_state(REPOSITORY_SAMPLE)
    changed = sorted(set(before) ^ set(after) | {p for p in set(before) & set(after) if before[p] != after[p]})
    tally.check("samples/jgsw-system is left as it was", ["written or changed: %s" % p for p in changed])

    # 3. One file with findings, by a relative and by an absolute path (a
    # file: URI in SARIF).
    for fmt in ("sarif", "junit"):
        for path in (os.path.basename(FILE_SAMPLE), FILE_SAMPLE):
            title = "bzc check --format %s %s" % (fmt, os.path.relpath(path, ROOT) if os.path.isabs(path) else path)
            status, out, err = run_bzc(bzc, ["check", "--format", fmt, path], os.path.dirname(FILE_SAMPLE))
            tally.check(title + " runs", [] if status == 1 and out else ["exit status %d: %s" % (status, err[-500:])])
            validate(tally, validators, fmt, title, out, work)

    # 4. A file whose name and text hold what XML 1.0 cannot carry (control
    # characters) and bytes that are not UTF-8: the report must stay valid.
    hostile = os.path.join(work, "hostile")
    os.makedirs(hostile, exist_ok=True)
    name = b"bad\x01name \xff.md"
    with open(os.path.join(os.fsencode(hostile), name), "wb") as f:
        f.write("---\nnumber: DB43/T 2345—2022\ntitle: 机关事务\x02标准化\n---\n\n# 范围\n\n本文件\x07规定了要求，见[](#nowhere)。\n"
                .encode("utf-8") + b"\xfe\xff\n")
    for fmt in ("sarif", "junit"):
        title = "bzc check --format %s on a file named and written with control characters and non-UTF-8 bytes" % fmt
        status, out, err = run_bzc(bzc, ["check", "--format", fmt, os.fsdecode(name)], hostile)
        tally.check(title + " runs", [] if status in (1, 2) and out else ["exit status %d: %s" % (status, err[-500:])])
        validate(tally, validators, fmt, title, out, work)

    # 5. A finding about a whole file (no line: a file that cannot be read).
    for fmt in ("sarif", "junit"):
        title = "bzc check --format %s on a file that does not exist" % fmt
        status, out, err = run_bzc(bzc, ["check", "--format", fmt, "missing.md"], hostile)
        tally.check(title + " runs", [] if status == 2 and out else ["exit status %d: %s" % (status, err[-500:])])
        validate(tally, validators, fmt, title, out, work)
    return good


# --- the test can fail ------------------------------------------------------------

def sarif_mutations(log):
    """(what is broken, the broken log, who must notice) for a valid log."""
    run = log["runs"][0]
    located = next(i for i, r in enumerate(run["results"]) if r.get("locations"))

    def mutate(change):
        broken = copy.deepcopy(log)
        change(broken["runs"][0], broken["runs"][0]["results"][located])
        return broken

    def drop(d, key):
        del d[key]

    return [
        ("tool.driver.name dropped (required)", mutate(lambda run, r: drop(run["tool"]["driver"], "name")), "schema"),
        ("version 2.2.0", mutate(lambda run, r: None) | {"version": "2.2.0"}, "schema"),
        ("an unknown property in a result", mutate(lambda run, r: r.update(severity="error")), "schema"),
        ("level 'fatal'", mutate(lambda run, r: r.update(level="fatal")), "schema"),
        ("startColumn 0", mutate(lambda run, r: r["locations"][0]["physicalLocation"].setdefault("region", {}).update(startLine=1, startColumn=0)), "schema"),
        ("a uri with a space", mutate(lambda run, r: r["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="a b.md")), "schema"),
        ("message.text dropped", mutate(lambda run, r: drop(r["message"], "text")), "schema"),
        ("locations dropped", mutate(lambda run, r: drop(r, "locations")), "github"),
        ("region dropped", mutate(lambda run, r: drop(r["locations"][0]["physicalLocation"], "region")), "github"),
        ("a uri from the file system's root", mutate(lambda run, r: r["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="/etc/x.md")), "github"),
        ("a ruleId no rule has", mutate(lambda run, r: r.update(ruleId="NOPE-99")), "github"),
        ("a placeholder in a rule's help", mutate(lambda run, r: run["tool"]["driver"]["rules"][0].update(help={"text": "改为引用{replacement}"})), "github"),
    ]


def junit_mutations(text):
    root = ElementTree.fromstring(text.encode("utf-8"))

    def mutate(change):
        broken = copy.deepcopy(root)
        change(broken)
        return ElementTree.tostring(broken, encoding="unicode")

    def first_case(r):
        return r.find("./testsuite/testcase")

    return [
        ("a testcase without its name (required)", mutate(lambda r: first_case(r).attrib.pop("name"))),
        ("an attribute the schema does not have", mutate(lambda r: first_case(r).set("severity", "error"))),
        ("an element the schema does not have", mutate(lambda r: ElementTree.SubElement(first_case(r), "warning"))),
        ("a testsuite without tests (required)", mutate(lambda r: r.find("testsuite").attrib.pop("tests"))),
        ("the root renamed", mutate(lambda r: setattr(r, "tag", "testrun"))),
        ("a wrong failures count", mutate(lambda r: r.find("testsuite").set("failures", "0"))),
        ("not well-formed", text.replace("</testsuites>", "")),
    ]


def check_mutations(tally, validators, good, work):
    if "sarif" in good:
        log = json.loads(good["sarif"])
        baseline = {"schema": sarif_schema_errors(validators, log), "github": github_errors(log)}
        tally.check("the valid SARIF log used for the mutations passes", baseline["schema"] + baseline["github"])
        for what, broken, who in sarif_mutations(log):
            found = sarif_schema_errors(validators, broken) if who == "schema" else github_errors(broken)
            # Only a problem the valid log did not have counts as noticing.
            new = [p for p in found if p not in baseline[who]]
            tally.check("SARIF with %s is rejected by the %s check" % (what, who),
                        [] if new else ["accepted: the check cannot see this"])
    else:
        tally.check("SARIF mutations", ["no valid SARIF report to mutate"])
    if "junit" in good:
        tally.check("the valid JUnit report used for the mutations passes", junit_problems(good["junit"], work, "mutation-base.xml"))
        for i, (what, broken) in enumerate(junit_mutations(good["junit"])):
            found = junit_problems(broken, work, "mutation-%d.xml" % i)
            tally.check("JUnit with %s is rejected" % what, [] if found else ["accepted: the check cannot see this"])
    else:
        tally.check("JUnit mutations", ["no valid JUnit report to mutate"])


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    bzc, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    tally = Tally()
    try:
        validators = sarif_validators()
    except (ImportError, RuntimeError) as e:
        print("validate_reports.py: %s (Debian: python3-jsonschema, python3-rfc3987; run with /usr/bin/python3)" % e)
        print("0 passed, 1 failed")
        return 1
    if shutil.which("xmllint") is None:
        print("validate_reports.py: xmllint not found (Debian: libxml2-utils)")
        print("0 passed, 1 failed")
        return 1
    good = check_outputs(tally, validators, bzc, work)
    check_mutations(tally, validators, good, work)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
