#!/usr/bin/env python3
"""The build of samples/jgsw-system (its CMakeLists.txt) rebuilds exactly
the documents a change touches, through the depfiles of `bzc build`.

usage: incremental_sample_build.py BZC SAMPLE_DIR WORK_DIR

For each generator (Ninja, Unix Makefiles) the sample is copied to WORK_DIR,
configured and built (DOCX only), then changed file by file; after each
change the DOCX files whose modification time moved must be exactly the
expected ones. The sample's deliberate errors are taken out first (bzc
refuses to build a standard with errors, as it should): the standards that
draw them are removed, the unknown category is corrected and the overdue
复审 recorded, so that whatever severity the repository rules give, every
remaining standard builds.
"""

import os
import shutil
import subprocess
import sys
import time

WITH_ERRORS = ["standards/reception/official-reception.md",        # REPO-01, REPO-03
               "standards/evaluation/standardization-evaluation.md",  # REPO-02
               "standards/vehicle/management-use.md"]                 # REPO-04, with vehicle/use-management.md
REPAIRS = [("standards/assets/disposal.md", 'category: "255"', 'category: "250"'),               # REPO-06
           ("standards/energy/metering.md", 'category: "240"', 'category: "240"\nreviewed: 2023-03-01')]  # REPO-08

# Which documents each change must rebuild (their DOCX names).
CITING_TERMS = {"Q-JGSW 101—2021", "DB50-T 1120—2021", "Q-JGSW 221—2023", "DB50-T 1130—2021",
                "Q-JGSW 251—2024", "DB50-T 1056—2020"}
ALL = {"DB50-T 1016—2015", "DB50-T 1016—2020", "Q-JGSW 101—2021", "Q-JGSW 271—2026", "DB50-T 1120—2021",
       "Q-JGSW 221—2023", "DB50-T 1130—2021", "DB50-T 1054—2020", "Q-JGSW 241—2018",
       "Q-JGSW 251—2024", "DB50-T 1056—2020", "DB50-T 1058—2020"}


def append(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


# (what is changed, how, the documents rebuilt)
CHANGES = [
    ("a standard nobody cites", lambda src: append(os.path.join(src, "standards/energy/metering.md"),
                                                   "\n公共机构宜每年对照明用电情况进行一次分析。\n"),
     {"Q-JGSW 241—2018"}),
    ("the terms standard, cited undated by five others",
     lambda src: append(os.path.join(src, "standards/base/terms.md"), "\n"), CITING_TERMS),
    ("the office repair standard, cited by the office use standard",
     lambda src: append(os.path.join(src, "standards/office/maintenance.md"), "\n"),
     {"DB50-T 1120—2021", "Q-JGSW 221—2023"}),
    ("the project's catalog file", lambda src: append(os.path.join(src, "catalog/external.txt"), "\n"), ALL),
    ("bzc.yaml", lambda src: append(os.path.join(src, "bzc.yaml"), "\n"), ALL),
]


def docx_times(out_dir):
    return {name[:-len(".docx")]: os.stat(os.path.join(out_dir, name)).st_mtime_ns
            for name in os.listdir(out_dir) if name.endswith(".docx")}


def run(argv, cwd=None):
    result = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s" % (" ".join(argv), result.returncode, result.stdout[-4000:]))
    return result.stdout


def check_generator(bzc, sample, work, generator):
    src = os.path.join(work, "src")
    build = os.path.join(work, "build")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(sample, src, ignore=shutil.ignore_patterns("out", ".bzc-cache", "build*"))
    for name in WITH_ERRORS:
        os.remove(os.path.join(src, name))
    for name, old, new in REPAIRS:
        path = os.path.join(src, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if old not in text:
            raise AssertionError("%s no longer holds %r: update REPAIRS with the sample" % (name, old))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
    run(["cmake", "-S", src, "-B", build, "-G", generator, "-DBZC=" + bzc])
    run(["cmake", "--build", build])
    out_dir = os.path.join(build, "out")
    before = docx_times(out_dir)
    failures = []
    if set(before) != ALL:
        failures.append("first build wrote %s, expected %s" % (sorted(before), sorted(ALL)))
    run(["cmake", "--build", build])
    if docx_times(out_dir) != before:
        failures.append("a second build with nothing changed rebuilt documents")
    for what, change, expected in CHANGES:
        time.sleep(0.02)  # modification times must be able to differ
        change(src)
        run(["cmake", "--build", build])
        after = docx_times(out_dir)
        rebuilt = {name for name in after if after[name] != before.get(name)}
        if rebuilt != expected:
            failures.append("%s: changing %s rebuilt %s, expected %s"
                            % (generator, what, sorted(rebuilt), sorted(expected)))
        before = after
    return failures


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    bzc, sample, work = (os.path.abspath(a) for a in sys.argv[1:])
    failures = []
    generators = ["Ninja", "Unix Makefiles"] if shutil.which("ninja") else ["Unix Makefiles"]
    for generator in generators:
        failures += check_generator(bzc, sample, os.path.join(work, generator.replace(" ", "-")), generator)
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("ok: %s rebuild exactly what each change touches" % " and ".join(generators))


if __name__ == "__main__":
    main()
