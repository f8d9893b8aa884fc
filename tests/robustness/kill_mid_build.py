#!/usr/bin/env python3
"""Kills `bzc build` at every stage of its work and checks what it leaves:

  - each output (DOCX, PDF) is either the previous file, untouched, or the
    whole new one (the DOCX byte-identical to an undisturbed build, the PDF
    complete) — never a part of one;
  - nothing else appears under an output's name: only hidden temporary
    files (.name.tmp-…), which a killed run cannot remove;
  - no LibreOffice or PDF worker of the killed run is left running, nor a
    worker whose bzc was gone before it could ask to be told.

Then two builds into the same directory at once: both succeed and the
outputs are whole.

usage: kill_mid_build.py BZC WORKDIR SOURCE... [--docx-rounds N] [--pdf-rounds N]
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time

PREVIOUS = b"the previous build's file\n"


def complete_pdf(data):
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def processes_of(pid):
    """Worker and LibreOffice processes started by the bzc with this pid
    (their pipe name carries it)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if "bzc-%d-" % pid in cmdline:
            found.append((int(entry), cmdline[:120]))
    return found


def prepare(outdir, names):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    for name in names:
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(PREVIOUS)


def inspect(outdir, reference, failures, label):
    """Returns how many outputs were new; records failures."""
    new = 0
    for name in sorted(os.listdir(outdir)):
        path = os.path.join(outdir, name)
        if name.startswith("."):
            continue  # a temporary file of the killed run
        with open(path, "rb") as f:
            data = f.read()
        if name not in reference:
            failures.append("%s: unexpected file %s" % (label, name))
        elif data == PREVIOUS:
            continue
        elif name.endswith(".docx") and data != reference[name]:
            failures.append("%s: %s is neither the previous file nor the whole new one (%d bytes)" % (label, name, len(data)))
        elif name.endswith(".pdf") and not complete_pdf(data):
            failures.append("%s: %s is an incomplete PDF (%d bytes)" % (label, name, len(data)))
        else:
            new += 1
    for name in reference:
        if not os.path.exists(os.path.join(outdir, name)):
            failures.append("%s: %s disappeared" % (label, name))
    return new


def wait_for_orphans(pid, failures, label):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = processes_of(pid)
        if not left:
            return
        time.sleep(0.1)
    failures.append("%s: processes of the killed run still running: %s" % (label, left))
    for p, _ in left:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def check_orphaned_worker(workdir, failures):
    """A PDF worker whose bzc is gone before the worker asks the kernel for
    SIGTERM on its parent's death (PR_SET_PDEATHSIG) finds its parent is not
    that bzc any more (adopted by init, or by a subreaper under systemd or a
    container's supervisor) and stops at once (128 + SIGTERM), before it
    starts LibreOffice; had it gone on, the /bin/false given as soffice
    would have failed its start (status 1). Run with the python3 that has
    LibreOffice's uno module."""
    worker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "compiler", "emit", "pdf", "uno_worker.py")
    gone = os.getpid() + 4000000  # beyond pid_max: no process, so not the worker's parent
    done = subprocess.run(["/usr/bin/python3", worker, "--soffice", "/bin/false", "--profile",
                           os.path.join(workdir, "orphan-profile"), "--pipe", "bzc-orphan-test", "--parent", str(gone)],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    if done.returncode != 128 + signal.SIGTERM:
        failures.append("a worker whose bzc is gone went on (status %d): %s"
                        % (done.returncode, done.stderr.decode("utf-8", "replace")[-300:]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bzc")
    parser.add_argument("workdir")
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--docx-rounds", type=int, default=30)
    parser.add_argument("--pdf-rounds", type=int, default=8)
    args = parser.parse_args()
    bzc = os.path.abspath(args.bzc)
    sources = [os.path.abspath(s) for s in args.sources]
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    random.seed(20261122)
    failures = []
    summary = []
    check_orphaned_worker(args.workdir, failures)

    # Undisturbed builds: the reference outputs and how long each kind takes.
    reference = {}
    durations = {}
    for kind in ("--docx", "--pdf"):
        outdir = os.path.join(args.workdir, "reference" + kind)
        os.makedirs(outdir)
        start = time.monotonic()
        subprocess.run([bzc, "build", kind] + sources + ["-o", outdir], check=True, capture_output=True)
        durations[kind] = time.monotonic() - start
        for name in os.listdir(outdir):
            with open(os.path.join(outdir, name), "rb") as f:
                reference[name] = f.read()
    docx_names = sorted(n for n in reference if n.endswith(".docx"))
    all_names = sorted(reference)

    for kind, rounds, names in (("--docx", args.docx_rounds, docx_names), ("", args.pdf_rounds, all_names)):
        outdir = os.path.join(args.workdir, "killed" + (kind or "-both"))
        new_total = 0
        for round_number in range(rounds):
            prepare(outdir, names)
            argv = [bzc, "build"] + ([kind] if kind else []) + sources + ["-o", outdir]
            process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Spread the kills over the whole run, the PDF conversions included.
            budget = durations["--docx"] if kind else durations["--docx"] + durations["--pdf"]
            time.sleep(random.uniform(0, budget * 1.1))
            process.send_signal(signal.SIGKILL)
            process.wait()
            label = "%s round %d" % (kind or "docx+pdf", round_number + 1)
            new_total += inspect(outdir, {n: reference[n] for n in names}, failures, label)
            wait_for_orphans(process.pid, failures, label)
        summary.append("%s: %d kills, %d of %d outputs were new and whole, the rest the previous file"
                       % (kind or "docx+pdf", rounds, new_total, rounds * len(names)))

    # Two builds into one directory at once.
    outdir = os.path.join(args.workdir, "concurrent")
    prepare(outdir, all_names)
    runs = [subprocess.Popen([bzc, "build"] + sources + ["-o", outdir], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        if run.returncode != 0:
            failures.append("concurrent build exited %d: %s" % (run.returncode, err.decode("utf-8", "replace")[-500:]))
    if inspect(outdir, reference, failures, "concurrent") != len(all_names):
        failures.append("concurrent: not every output was rewritten")
    hidden = [n for n in os.listdir(outdir) if n.startswith(".")]
    if hidden:
        failures.append("concurrent: temporary files left by builds that finished: %s" % hidden)
    summary.append("2 concurrent builds into one directory: %d whole outputs" % len(all_names))

    for line in summary:
        print(line)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
