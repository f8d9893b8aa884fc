#!/usr/bin/env bash
# Benchmark `bzc check` of a whole standards repository (bench/gen_repository.py:
# N realistic standards of 5–40 KB, default 1000, in bench/out/repository)
# and print each figure with its target:
#
#   bench/repository.sh [--count N]
#
#   FULL     `cd REPO && bzc check` with a cold cache (rm -rf .bzc-cache)   target < 3 s
#   RECHECK  the same with a warm cache after one standard changed (a
#            sentence appended before each run)                            target < 100 ms
#   RETITLE  the same after one standard's title changed: the standards citing
#            it are analysed again and so are the checks between all standards
#   MEMORY   peak RSS of the cold full check (/usr/bin/time -f %M)          target < 500 MB
#   PEER     `bzc check FILE` once per file, sequentially (xargs -n1): the
#            total, per file, and its ratio to the full check
#
# Median wall times with hyperfine. bzc exits 1 on the repository's few
# deliberate errors, so hyperfine ignores the status (-i). Exit status 0
# when every target passes, 1 when one fails. Environment: BZC (default
# build/compiler/bzc), RUNS (hyperfine runs, default 5).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BZC=${BZC:-$root/build/compiler/bzc}
RUNS=${RUNS:-5}
count=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=$2; shift 2 ;;
        *) echo "usage: bench/repository.sh [--count N]" >&2; exit 2 ;;
    esac
done
for tool in hyperfine python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "repository.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$BZC" ] || { echo "repository.sh: no bzc at $BZC (build it, or set BZC)" >&2; exit 2; }

repo="$here/out/repository"
python3 "$here/gen_repository.py" --count "$count" "$repo"
cd "$repo"
json=$(mktemp -d)
trap 'rm -rf "$json"' EXIT

median_ms() {  # the median of a hyperfine JSON export, in ms
    python3 -c 'import json,sys; print("%.0f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$1"
}

# The file the re-check changes: one sentence more before each run.
changed=$(find standards -name '*.md' | sort | sed -n 1p)
findings=$("$BZC" check 2>&1 >/dev/null | tail -2 | head -1 || true)  # the line before the summary: errors and warnings
echo "repository: $count standards, $(du -sh standards | cut -f1); findings of a full check: $findings"

hyperfine -N -i --runs "$RUNS" --prepare 'rm -rf .bzc-cache' --export-json "$json/full.json" \
    --command-name "full check, cold cache" "$BZC check" >/dev/null
"$BZC" check >/dev/null 2>&1 || true   # warm the cache
hyperfine -i --runs "$((RUNS * 2))" --prepare "echo '本文件的要求每年评估一次。' >> '$changed'" \
    --export-json "$json/recheck.json" --command-name "re-check after one change" "$BZC check" >/dev/null
hyperfine -i --runs "$RUNS" --prepare "sed -i 's/^title: \\(.*\\)/title: \\1一/' '$changed'" \
    --export-json "$json/retitle.json" --command-name "re-check after a title change" "$BZC check" >/dev/null
rm -rf .bzc-cache
/usr/bin/time -f %M -o "$json/peak" "$BZC" check >/dev/null 2>&1 || true
peak_kb=$(tail -1 "$json/peak")
# The peer: the repository checked file by file, as a loop over the files
# would without a repository mode (each run reads the project again).
hyperfine -i --runs 1 --export-json "$json/peer.json" --command-name "bzc check FILE, once per file" \
    "find standards -name '*.md' -print0 | sort -z | xargs -0 -n1 $BZC check >/dev/null 2>&1" >/dev/null

full=$(median_ms "$json/full.json")
recheck=$(median_ms "$json/recheck.json")
retitle=$(median_ms "$json/retitle.json")
peer=$(median_ms "$json/peer.json")
peak_mb=$((peak_kb / 1024))
status=0
verdict() { if [ "$1" -lt "$2" ]; then echo "met"; else echo "MISSED"; status=1; fi; }
printf '%-40s %8s ms   target < 3000 ms    %s\n' "full check, cold cache" "$full" "$(verdict "$full" 3000)"
printf '%-40s %8s ms   target < 100 ms     %s\n' "re-check after one change, warm cache" "$recheck" "$(verdict "$recheck" 100)"
printf '%-40s %8s ms\n' "re-check after a title change" "$retitle"
printf '%-40s %8s MB   target < 500 MB     %s\n' "peak memory of the full check" "$peak_mb" "$(verdict "$peak_mb" 500)"
printf '%-40s %8s ms   (%s ms per file)\n' "peer: bzc check FILE once per file" "$peer" "$((peer / count))"
python3 -c 'import sys; f, r, p = map(float, sys.argv[1:]); print("ratio: the full check is %.1fx faster than once per file; the re-check %.0fx" % (p / f, p / max(r, 1)))' "$full" "$recheck" "$peer"
exit $status
