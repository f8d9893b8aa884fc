#!/usr/bin/env bash
# Benchmark bzc's outputs (DOCX and PDF) against the peers, on the same
# inputs, and print the ratios the DOCX/PDF issue sets:
#
#   bench/output.sh [--size-kb N]
#
#   DOCX   `bzc build --docx` of the large generated standard (~300 KB,
#          bench/generate_standard.py) vs `pandoc -f markdown -o x.docx`
#          of the same file                          target: pandoc / bzc >= 10
#          twice: a rebuild, whose formulas pandoc answered in the run
#          before (bzc's formula cache), and a first build, with the
#          cache emptied before each run, so pandoc converts them all.
#   PDF    `bzc build --pdf` of that standard, end to end (check, DOCX,
#          LibreOffice start, 目次 update, export) vs a bare
#          `soffice --headless --convert-to pdf` of the DOCX bzc wrote
#                                                     target: bzc / soffice <= 1.3
#          The bare run is given bzc's font map too (FONTCONFIG_FILE), so
#          both lay out the same fonts; without it LibreOffice falls back
#          per run and is slower, which would flatter bzc. Both use a warm
#          profile of their own.
#   BATCH  ten standards (~30 KB each, different seeds) in one `bzc build
#          --pdf` vs ten separate runs                target: separate / one >= 3
#
# Median wall times with hyperfine. Exit status 0 when every target passes,
# 1 when one fails. Environment: BZC (default build/compiler/bzc), RUNS
# (hyperfine runs of the PDF commands, default 3).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out/output"
BZC=${BZC:-$root/build/compiler/bzc}
RUNS=${RUNS:-3}
size_kb=300
while [ $# -gt 0 ]; do
    case "$1" in
        --size-kb) size_kb=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "output.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
for tool in pandoc hyperfine soffice pdfinfo; do
    command -v $tool >/dev/null || { echo "output.sh: $tool is missing (./build.sh deps; apt install hyperfine)" >&2; exit 2; }
done
case "$BZC" in */*) BZC=$(cd "$(dirname "$BZC")" && pwd)/$(basename "$BZC") ;; esac

rm -rf "$out"
mkdir -p "$out/docx" "$out/pdf" "$out/soffice" "$out/batch-one" "$out/batch-each" "$out/batch-src"
src="$out/standard.md"
python3 "$here/generate_standard.py" --size-kb "$size_kb" -o "$src"
for i in 0 1 2 3 4 5 6 7 8 9; do
    python3 "$here/generate_standard.py" --size-kb 30 --seed $((20240601 + i)) -o "$out/batch-src/std$i.md"
    # Each its own designation, so the ten outputs do not collide.
    sed -i "0,/^number: .*/s//number: DB43\/T 90$i—2024/" "$out/batch-src/std$i.md"
done

median() {  # hyperfine JSON → median seconds of command N
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'])" "$1" "$2"
}
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
ms() { python3 -c "import sys; print('%.0f ms' % (float(sys.argv[1]) * 1000))" "$1"; }
pass=0
# On a virtual machine the host may take CPU time away (steal): printed at
# the end, so that a slow run can be told from a slow bzc.
cpu_before=$(grep '^cpu ' /proc/stat)

# ------------------------------------------------------------------ DOCX
# `sync` before each run: bzc fsyncs the DOCX before renaming it into place,
# and on ext4 an fsync waits for every dirty page written before it (here, a
# build just finished took it from 2 ms to over a second); each run should
# pay for its own file only. pandoc does not fsync.
# The formula cache of these runs is the benchmark's own (XDG_CACHE_HOME
# moves bzc's cache; pandoc does not read it).
math_cache="$out/cache"
XDG_CACHE_HOME="$math_cache" hyperfine -N --warmup 2 --runs 10 --export-json "$out/docx.json" \
    --prepare sync --prepare "rm -rf $math_cache/bzc/math" --prepare sync \
    "$BZC build --docx $src -o $out/docx" \
    "$BZC build --docx $src -o $out/docx-first" \
    "pandoc -f markdown -o $out/pandoc.docx $src" >/dev/null 2>"$out/hyperfine.err"
cmp -s "$out/docx"/*.docx "$out/docx-first"/*.docx || { echo "DOCX   a rebuild from the formula cache differs from a first build" >&2; exit 1; }
bzc_docx=$(median "$out/docx.json" 0)
bzc_first=$(median "$out/docx.json" 1)
pandoc_docx=$(median "$out/docx.json" 2)
for run in rebuild first; do
    if [ $run = rebuild ]; then t=$bzc_docx; label="rebuild (formulas from the cache)"; else t=$bzc_first; label="first build (pandoc converts every formula)"; fi
    r=$(ratio "$pandoc_docx" "$t")
    verdict=$(python3 -c "import sys; print('PASS' if float(sys.argv[1]) >= 10 else 'FAIL')" "$r")
    [ "$verdict" = PASS ] || pass=1
    printf 'DOCX   bzc build --docx, %s: %s   pandoc %s   pandoc/bzc = %s×  (target >= 10)  %s\n' \
        "$label" "$(ms "$t")" "$(ms "$pandoc_docx")" "$r" "$verdict"
done

# ------------------------------------------------------------------ PDF
docx=$(ls "$out/docx"/*.docx)
fonts=$(ls -d "${XDG_CACHE_HOME:-$HOME/.cache}/bzc/pdf/fonts.conf" 2>/dev/null || true)
"$BZC" build --pdf "$src" -o "$out/pdf" >/dev/null 2>&1  # installs the worker and font map, warms the profile
fonts=${fonts:-${XDG_CACHE_HOME:-$HOME/.cache}/bzc/pdf/fonts.conf}
profile="file://$out/soffice-profile"
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/soffice" "$docx" >/dev/null 2>&1
hyperfine -N --runs "$RUNS" --export-json "$out/pdf.json" \
    "$BZC build --pdf $src -o $out/pdf" \
    "env FONTCONFIG_FILE=$fonts soffice -env:UserInstallation=$profile --headless --convert-to pdf --outdir $out/soffice '$docx'" \
    "soffice -env:UserInstallation=$profile --headless --convert-to pdf --outdir $out/soffice '$docx'" \
    >/dev/null 2>>"$out/hyperfine.err"
bzc_pdf=$(median "$out/pdf.json" 0)
soffice_pdf=$(median "$out/pdf.json" 1)
soffice_bare=$(median "$out/pdf.json" 2)
# LibreOffice exits 0 when it could not load a file: make sure it wrote.
[ -s "$out/soffice/$(basename "${docx%.docx}").pdf" ] || { echo "PDF    soffice wrote no PDF" >&2; exit 1; }
r=$(ratio "$bzc_pdf" "$soffice_pdf")
verdict=$(python3 -c "import sys; print('PASS' if float(sys.argv[1]) <= 1.3 else 'FAIL')" "$r")
[ "$verdict" = PASS ] || pass=1
pages=$(pdfinfo "$(ls "$out/pdf"/*.pdf)" | awk '/^Pages:/ {print $2}')
printf 'PDF    bzc build --pdf %s (%s pages, 目次 filled)   soffice --convert-to pdf %s   bzc/soffice = %s×  (target <= 1.3)  %s\n' \
    "$(ms "$bzc_pdf")" "$pages" "$(ms "$soffice_pdf")" "$r" "$verdict"
printf '       soffice without the font map: %s\n' "$(ms "$soffice_bare")"

# ------------------------------------------------------------------ BATCH
each_cmd="sh -c 'for f in $out/batch-src/*.md; do $BZC build --pdf \"\$f\" -o $out/batch-each >/dev/null || exit 1; done'"
hyperfine -N --runs "$RUNS" --export-json "$out/batch.json" \
    "$BZC build --pdf $out/batch-src -o $out/batch-one" \
    "$each_cmd" >/dev/null 2>>"$out/hyperfine.err"
one=$(median "$out/batch.json" 0)
each=$(median "$out/batch.json" 1)
count=$(ls "$out/batch-one"/*.pdf | wc -l)
r=$(ratio "$each" "$one")
verdict=$(python3 -c "import sys; print('PASS' if float(sys.argv[1]) >= 3 else 'FAIL')" "$r")
[ "$count" = 10 ] || { verdict=FAIL; echo "BATCH  expected 10 PDFs, got $count" >&2; }
[ "$verdict" = PASS ] || pass=1
printf 'BATCH  10 standards in one bzc build %s   10 separate runs %s   separate/one = %s×  (target >= 3)  %s\n' \
    "$(ms "$one")" "$(ms "$each")" "$r" "$verdict"
python3 - "$cpu_before" "$(grep '^cpu ' /proc/stat)" <<'PY'
import sys
before, after = (list(map(int, line.split()[1:9])) for line in sys.argv[1:3])
spent = [a - b for a, b in zip(after, before)]
print("CPU    stolen by the host during the runs: %.1f %%" % (100.0 * spent[7] / max(1, sum(spent))))
PY
exit $pass
