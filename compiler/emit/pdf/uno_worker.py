# bzc's PDF worker: keeps one headless LibreOffice alive and turns DOCX into
# PDF through UNO, one request per line on stdin, one JSON answer per line
# on stdout. bzc embeds this file and runs it with Debian's python3 (the one
# python3-uno serves); see compiler/emit/pdf/pdf_converter.cpp.
#
#   python3 uno_worker.py --soffice PATH --profile DIR --pipe NAME
#   request:  {"docx": "/abs/in.docx", "pdf": "/abs/out.pdf", "pdfa": false}
#   answer:   {"ok": true, "pages": 12, "load": 0.1, "update": 0.05, "export": 0.2}
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
# LibreOffice started, "truncate" cuts the PDF in half.
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
        self.desktop = None
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
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def alive(self):
        return self.process is not None and self.process.poll() is None and self.desktop is not None

    def stop(self):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass
        self.desktop = None
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                kill_tree(self.process)
        self.process = None


def page_count(document):
    return document.getCurrentController().getPropertyValue("PageCount")


def drop_repeated_footnote_marks(document):
    """LibreOffice 7.4 imports a footnote with w:customMarkFollows as a
    footnote whose label is the mark *and* keeps the mark's run after it, so
    the running text shows "1)1)". Word wants the mark typed at the start of
    the footnote's text too, which LibreOffice prints after its own label.
    Both runs are the label's text: remove them."""
    footnotes = document.getFootnotes()
    for i in range(footnotes.getCount()):
        footnote = footnotes.getByIndex(i)
        label = footnote.getLabel()
        if not label:
            continue
        anchor = footnote.getAnchor()
        cursor = anchor.getText().createTextCursorByRange(anchor.getEnd())
        if cursor.goRight(len(label), True) and cursor.getString() == label:
            cursor.setString("")
        cursor = footnote.createTextCursorByRange(footnote.getStart())
        if cursor.goRight(len(label), True) and cursor.getString() == label:
            # The space bzc writes between the mark and the text goes too:
            # LibreOffice puts its own distance after the label.
            if cursor.goRight(1, True) and not cursor.getString().endswith(" "):
                cursor.goLeft(1, True)
            cursor.setString("")


# com.sun.star.text.ReferenceFieldPart: NUMBER, NUMBER_NO_CONTEXT, NUMBER_FULL_CONTEXT.
PARAGRAPH_NUMBER_PARTS = (8, 9, 10)
AUTOMATIC_COLOR = -1  # COL_AUTO


def settle_number_references(document):
    """bzc writes a reference to a numbered clause as REF \\r \\t \\h (see
    compiler/emit/docx/cross_references.cpp): Word's \\t drops the
    full-width space that ends each clause number ("%1.%2　", the gap before
    the title). LibreOffice knows no \\t and draws the number with the gap,
    见4.1　的规定, whatever the cached result, as soon as it lays the page
    out. Each such field becomes its number without the gap, as plain text
    linked to the same bookmark, so the PDF reads and jumps as the field
    would."""
    references = []
    enumeration = document.getTextFields().createEnumeration()
    while enumeration.hasMoreElements():
        field = enumeration.nextElement()
        if (field.supportsService("com.sun.star.text.textfield.GetReference")
                and field.getPropertyValue("ReferenceFieldPart") in PARAGRAPH_NUMBER_PARTS):
            references.append(field)
    for field in references:
        number = field.getPresentation(False).rstrip("\u3000 \t")
        bookmark = field.getPropertyValue("SourceName")
        anchor = field.getAnchor()
        text = anchor.getText()
        cursor = text.createTextCursorByRange(anchor.getStart())
        text.insertString(cursor, number, False)
        cursor.goLeft(len(number), True)
        cursor.setPropertyValue("HyperLinkURL", "#" + bookmark)
        # Drawn as the text around it, not as LibreOffice's blue, underlined
        # link style (bzc's running text has neither colour nor underline).
        cursor.setPropertyValue("CharColor", AUTOMATIC_COLOR)
        cursor.setPropertyValue("CharUnderline", 0)
        field.dispose()


def update_indexes(document):
    """Fills the 目次 (and any other index) and refreshes the fields. The TOC
    can itself move pages, so it is updated again when the page count
    changed (toolchain notes 5.3)."""
    indexes = document.getDocumentIndexes()
    for attempt in range(3):
        before = page_count(document)
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.getTextFields().refresh()
        if indexes.getCount() == 0 or page_count(document) == before:
            break


def convert(office, request):
    global FAULT
    if FAULT == "crash-once":
        FAULT = ""
        kill_tree(office.process)
    elif FAULT == "hang":
        time.sleep(3600)
    timings = {}
    start = time.monotonic()
    document = office.desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(request["docx"]), "_blank", 0, properties(Hidden=True))
    if document is None:
        raise RuntimeError("LibreOffice could not load the file")
    try:
        timings["load"] = round(time.monotonic() - start, 3)
        start = time.monotonic()
        drop_repeated_footnote_marks(document)
        settle_number_references(document)
        update_indexes(document)
        timings["update"] = round(time.monotonic() - start, 3)
        start = time.monotonic()
        filter_data = properties(
            SelectPdfVersion=2 if request.get("pdfa") else 0,
            UseTaggedPDF=bool(request.get("pdfa")),
            ExportBookmarks=True,
            ExportNotes=False,
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


def die_with_parent(office):
    """When bzc goes (killed, or Ctrl-C), LibreOffice must not stay behind:
    the kernel sends this worker SIGTERM when its parent dies (PR_SET_PDEATHSIG),
    and the handler kills LibreOffice before exiting. bzc closing the pipe
    does the same between conversions; this covers the time in one."""
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
    if os.getppid() == 1:  # the parent died before the call above
        stop(signal.SIGTERM, None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--pipe", required=True)
    args = parser.parse_args()
    office = Office(args.soffice, args.profile, args.pipe)
    die_with_parent(office)

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
            answer({"ok": False, "error": ("LibreOffice crashed: " if crashed else "") + str(e),
                    "restarted": restarted})
    office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
