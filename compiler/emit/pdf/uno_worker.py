# bzc's PDF worker: keeps one headless LibreOffice alive and turns DOCX into
# PDF through UNO, one request per line on stdin, one JSON answer per line
# on stdout. bzc embeds this file and runs it with Debian's python3 (the one
# python3-uno serves); see compiler/emit/pdf/pdf_converter.cpp.
#
#   python3 uno_worker.py --soffice PATH --profile DIR --pipe NAME
#   request:  {"docx": "/abs/in.docx", "pdf": "/abs/out.pdf", "pdfa": false, "keep_blank_pages": false,
#              "continue_tables": {"captions": ["标准文件_正文表标题", …], "unit": "标准文件_表格"}}
#   answer:   {"ok": true, "pages": 12, "load": 0.1, "fixes": 0.01, "layout": 0.1, "update": 0.05,
#              "tables": 0.02, "continued": 1, "export": 0.2}
#             {"ok": false, "error": "…", "restarted": true}
#
# Why UNO and not `soffice --convert-to pdf`: the command line does not fill
# the 目次 (a TOC field is only filled by an index update), it exits 0 when it
# could not load the file, and it pays LibreOffice's 1.2 s start for every
# call. The worker starts LibreOffice once, with its own profile (two
# instances on one profile block or fail) and the font map bzc passes in
# FONTCONFIG_FILE, and starts it again when it dies.

import argparse
import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException
from com.sun.star.uno import RuntimeException

CONNECT_SECONDS = 60

# Fault injection for bzc's tests of the failure paths, which a healthy
# LibreOffice never takes: "crash-once" kills LibreOffice before the first
# conversion, "hang" never answers a conversion, "hang-start" never reports
# LibreOffice started, "truncate" cuts the PDF in half, "basic-error" hands
# the first fix-up of layout_fixes.bas the desktop instead of the document.
FAULT = os.environ.get("BZC_PDF_WORKER_FAULT", "")


def descendants(pid):
    """The processes below `pid`: the soffice launcher (oosplash) starts
    soffice.bin as its child, which outlives a killed launcher."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_tree(process):
    if process is None or process.poll() is not None:
        return
    for pid in [process.pid] + descendants(process.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    process.wait()


def properties(**values):
    result = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name = name
        p.Value = value
        result.append(p)
    return tuple(result)


class Office:
    def __init__(self, soffice, profile, pipe):
        self.soffice = soffice
        self.profile = profile
        self.pipe = pipe
        self.process = None
        self.context = None
        self.desktop = None
        self.scripts = None
        self.starts = 0

    def start(self):
        os.makedirs(self.profile, exist_ok=True)
        # A new pipe name for each start: a connection must not reach the
        # pipe of an instance that is still dying.
        self.starts += 1
        pipe = "%s-%d" % (self.pipe, self.starts)
        # LibreOffice's own messages go to stderr, which bzc shows only when
        # a conversion fails; stdout is the answer channel.
        self.process = subprocess.Popen(
            [self.soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except (NoConnectException, DisposedException, RuntimeException):
                # Not listening yet, or listening and not ready to serve.
                if self.process.poll() is not None:
                    raise RuntimeError("LibreOffice exited with status %d while starting" % self.process.returncode)
                if time.monotonic() > deadline:
                    raise RuntimeError("LibreOffice did not accept a connection within %d s" % CONNECT_SECONDS)
                time.sleep(0.05)
        self.context = context
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.scripts = install_layout_fixes(context)

    def alive(self):
        return self.process is not None and self.process.poll() is None and self.desktop is not None

    def stop(self):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass
        self.desktop = None
        self.context = None
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                kill_tree(self.process)
        self.process = None


def page_count(document):
    return document.getCurrentController().getPropertyValue("PageCount")


# The fix-ups of a document before its export, in LibreOffice Basic run
# inside LibreOffice (layout_fixes.bas, beside this script): over the pipe
# each UNO call costs 1-3 ms, and they visit every footnote and field.
LAYOUT_FIXES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "layout_fixes.bas")
LAYOUT_LIBRARY = "BzcLayout"
LAYOUT_MODULE = "LayoutFixes"


def install_layout_fixes(context):
    """Puts layout_fixes.bas into an application Basic library of the
    profile, replacing what an older bzc left there, and returns the script
    provider that runs it."""
    with open(LAYOUT_FIXES, encoding="utf-8") as f:
        source = f.read()
    manager = context.ServiceManager
    libraries = manager.createInstanceWithContext("com.sun.star.script.ApplicationScriptLibraryContainer", context)
    if not libraries.hasByName(LAYOUT_LIBRARY):
        libraries.createLibrary(LAYOUT_LIBRARY)
    libraries.loadLibrary(LAYOUT_LIBRARY)
    library = libraries.getByName(LAYOUT_LIBRARY)
    if library.hasByName(LAYOUT_MODULE):
        library.replaceByName(LAYOUT_MODULE, source)
    else:
        library.insertByName(LAYOUT_MODULE, source)
    factory = manager.createInstanceWithContext("com.sun.star.script.provider.MasterScriptProviderFactory", context)
    return factory.createScriptProvider("")


class LayoutFixError(Exception):
    """A fix-up of layout_fixes.bas that failed inside LibreOffice: a bug of
    bzc, not of the document, which bzc reports as such."""
    def __init__(self, fix, detail):
        super().__init__("%s in layout_fixes.bas: %s" % (fix, detail))
        self.fix = fix
        self.detail = detail


def run_layout_fix(office, name, document, *arguments):
    script = office.scripts.getScript(
        "vnd.sun.star.script:%s.%s.%s?language=Basic&location=application" % (LAYOUT_LIBRARY, LAYOUT_MODULE, name))
    result = script.invoke((document,) + arguments, (), ())[0]
    if isinstance(result, str):
        raise LayoutFixError(name, result)
    if not isinstance(result, int):
        # Basic stopped before its own error handler (a call it could not bind).
        raise LayoutFixError(name, "returned %r" % (result,))
    return result


def join_keywords(document):
    """LibreOffice reads the DOCX's keywords (cp:keywords, "ICS 03.160；CCS A
    00") as one keyword per word, which the PDF's Keywords then lists as
    "ICS, 03.160；CCS, A, 00". bzc writes them as one text, without commas:
    joined again at the spaces they were cut at, the PDF says what the DOCX
    says."""
    properties = document.getDocumentProperties()
    if len(properties.Keywords) > 1:
        properties.Keywords = (" ".join(properties.Keywords),)


def load_without_layout(office, path):
    """The DOCX as a document without a view, so not laid out yet. Opened with
    a view (loadComponentFromURL), LibreOffice lays every page out while
    loading, and again after the fix-ups that change text (the footnote
    marks, the number references): on the 127-page benchmark, load and
    fix-ups took 4.2-4.6 s so against 3.5-4.2 s this way (same busy hour)."""
    document = office.context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", office.context)
    try:
        document.load(properties(URL=uno.systemPathToFileUrl(path), FilterName="MS Word 2007 XML", Hidden=True))
    except Exception as e:
        try:
            document.close(True)
        except Exception:
            pass
        if isinstance(e, (DisposedException, RuntimeException)):
            raise  # LibreOffice itself went: the caller restarts it
        raise RuntimeError("LibreOffice could not load the file: %s" % (getattr(e, "Message", "") or type(e).__name__))
    return document


def lay_out(office, document):
    """Gives the document a (hidden) view, which lays its pages out: the view
    cursor and the indexes' page numbers need them."""
    office.desktop.loadComponentFromURL("private:object", "_blank", 0, properties(Model=document, Hidden=True))


def convert(office, request):
    global FAULT
    if FAULT == "crash-once":
        FAULT = ""
        kill_tree(office.process)
    elif FAULT == "hang":
        time.sleep(3600)
    timings = {}
    start = time.monotonic()
    document = load_without_layout(office, request["docx"])
    try:
        timings["load"] = round(time.monotonic() - start, 3)
        join_keywords(document)
        start = time.monotonic()
        run_layout_fix(office, "DropRepeatedFootnoteMarks", office.desktop if FAULT == "basic-error" else document)
        run_layout_fix(office, "SettleNumberReferences", document)
        timings["fixes"] = round(time.monotonic() - start, 3)
        start = time.monotonic()
        lay_out(office, document)
        timings["layout"] = round(time.monotonic() - start, 3)
        start = time.monotonic()
        run_layout_fix(office, "UpdateIndexes", document)
        timings["update"] = round(time.monotonic() - start, 3)
        # 表N（续） over each part of a table after the first: after the
        # indexes, which move the breaks, and before them once more, since
        # the captions can move later headings to another page.
        continued = request.get("continue_tables")
        if continued:
            start = time.monotonic()
            splits = run_layout_fix(office, "ContinueTables", document,
                                    "|".join(continued.get("captions", [])), continued.get("unit", ""))
            if splits:
                run_layout_fix(office, "UpdateIndexes", document)
            timings["continued"] = splits
            timings["tables"] = round(time.monotonic() - start, 3)
        start = time.monotonic()
        filter_data = properties(
            SelectPdfVersion=2 if request.get("pdfa") else 0,
            UseTaggedPDF=bool(request.get("pdfa")),
            ExportBookmarks=True,
            ExportNotes=False,
            IsSkipEmptyPages=not request.get("keep_blank_pages", False),
            EmbedStandardFonts=True)
        document.storeToURL(uno.systemPathToFileUrl(request["pdf"]),
                            properties(FilterName="writer_pdf_Export",
                                       FilterData=uno.Any("[]com.sun.star.beans.PropertyValue", filter_data)))
        timings["export"] = round(time.monotonic() - start, 3)
        if FAULT == "truncate":
            with open(request["pdf"], "r+b") as f:
                f.truncate(os.path.getsize(request["pdf"]) // 2)
        timings["pages"] = page_count(document)
    finally:
        document.close(True)
    return timings


def die_with_parent(office, parent):
    """When bzc goes (killed, or Ctrl-C), LibreOffice must not stay behind:
    the kernel sends this worker SIGTERM when its parent dies (PR_SET_PDEATHSIG),
    and the handler kills LibreOffice before exiting. bzc closing the pipe
    does the same between conversions; this covers the time in one. A bzc
    gone before the prctl call is seen by the parent having changed: an
    orphan goes to init or, under systemd or a container's supervisor, to a
    subreaper whose pid is not 1, so the test is against bzc's own pid."""
    def stop(signum, frame):
        kill_tree(office.process)
        os._exit(128 + signum)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # bzc died before the call above
        stop(signal.SIGTERM, None)

    # Python runs that handler in the main thread between two of its steps,
    # so not while the main thread waits inside a UNO call (a LibreOffice
    # still starting, a load, an export: seconds on a busy machine). UNO
    # calls let other threads run, so a thread of its own watches too.
    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        stop(signal.SIGTERM, None)
    threading.Thread(target=watch, name="bzc-parent-watch", daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--pipe", required=True)
    parser.add_argument("--parent", type=int, required=True, help="the pid of the bzc that started this worker")
    args = parser.parse_args()
    office = Office(args.soffice, args.profile, args.pipe)
    die_with_parent(office, args.parent)

    def answer(value):
        try:
            sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, OSError):
            # bzc is gone: nobody wants the answer, nor LibreOffice.
            kill_tree(office.process)
            os._exit(1)

    try:
        office.start()
        if FAULT == "hang-start":
            time.sleep(3600)
        answer({"ok": True, "ready": True})
    except Exception as e:
        answer({"ok": False, "error": str(e)})
        office.stop()
        return 1
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as e:
            answer({"ok": False, "error": "bad request: %s" % e})
            continue
        restarted = False
        if not office.alive():
            office.stop()
            office.start()
            restarted = True
        try:
            result = convert(office, request)
            result.update(ok=True)
            answer(result)
        except Exception as e:
            # A dead LibreOffice shows as DisposedException, RuntimeException
            # or, depending on where the call was, another error: judge by
            # the process and the bridge, not by the exception's type. Start
            # it again for the next request; bzc decides whether to retry.
            crashed = (isinstance(e, (DisposedException, RuntimeException))
                       or office.process is None or office.process.poll() is not None)
            if crashed:
                office.stop()
                try:
                    office.start()
                    restarted = True
                except Exception:
                    pass
            failed = {"ok": False, "error": ("LibreOffice crashed: " if crashed else "") + str(e),
                      "restarted": restarted}
            if isinstance(e, LayoutFixError) and not crashed:
                failed.update(layout_fix=e.fix, detail=e.detail)
            answer(failed)
    office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
