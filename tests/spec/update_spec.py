#!/usr/bin/env python3
"""Refreshes the expected XML and diagnostics of tests/spec/dsl.md from the
current bzc. Usage: update_spec.py path/to/bzc. Review the diff afterwards:
the expected output is the specification, not a snapshot."""
import json
import os
import subprocess
import sys
import tempfile

FENCE = "`" * 32
SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dsl.md")


def body_of(xml):
    lines = xml.split("\n")
    out, after = [], False
    for line in lines:
        if line == "  </metadata>":
            after = True
            continue
        if not after or line == "</standard>" or line == "":
            continue
        out.append(line[2:] if line.startswith("  ") else line)
    return "\n".join(out) + "\n"


def run(bzc, markdown):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(markdown)
        xml = subprocess.run([bzc, "xml", "--force", path], capture_output=True, text=True).stdout
        # The spec is about the DSL: only the checks of the source itself.
        report = subprocess.run([bzc, "check", "--syntax-only", "--format", "json", path], capture_output=True, text=True).stdout
        diags = [f"{d['rule']} {d['line']}:{d['column']}" for d in json.loads(report)["diagnostics"] if d["rule"] != "FM-01"]
    return body_of(xml), diags


def main():
    bzc = sys.argv[1]
    lines = open(SPEC, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line != FENCE + " example":
            continue
        markdown = []
        while lines[i] != ".":
            markdown.append(lines[i])
            i += 1
        while lines[i] != FENCE:
            i += 1
        source = "\n".join(markdown) + "\n"
        xml, diags = run(bzc, source)
        out.extend(markdown)
        out.append(".")
        out.extend(xml.rstrip("\n").split("\n"))
        if diags:
            out.append(".")
            out.extend(diags)
        out.append(FENCE)
        i += 1
    open(SPEC, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
