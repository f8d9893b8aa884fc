#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs
# each in turn for a bounded time:
#
#   fuzz/run.sh [--fresh] [SECONDS_PER_TARGET] [TARGET...]   (default: 60 s, every target)
#
# Seeds come from fuzz/make_seed_corpus.py (build-fuzz/seeds); what a run
# adds is kept in build-fuzz/corpus/<target>, out of git, and used again by
# the next run (libFuzzer first runs every input of it, which takes minutes
# once it has grown). --fresh starts from the seeds alone and keeps nothing,
# so the time stays bounded: CI's smoke pass (./build.sh fuzz-smoke).
# BZC_FUZZ_MAX_LEN=N caps the inputs' length (libFuzzer's -max_len); by
# default libFuzzer takes the largest seed's, 40-50 KB for the readers, whose
# runs then go at a few hundred a second. For a long run toward the release
# goal, 4096 doubles the rate (see the README, "Fuzzing and sanitizers").
# BZC_FUZZ_FORK=N runs N jobs of the target at once (libFuzzer's -fork),
# one per core the run may take; the executions printed are all the jobs'.
# An input that crashes, leaks, hangs (-timeout=10) or runs out
# of memory (-rss_limit_mb=2048) is copied to fuzz/regressions/<target>/,
# which CTest runs in the normal build (fuzz_regressions); the script then
# exits with status 1. Prints executions, exec/s and corpus size per target.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=false
if [ "${1:-}" = --fresh ]; then
    fresh=true
    shift
fi
seconds=${1:-60}
[ $# -gt 0 ] && shift
all=(markdown_reader_fuzzer xml_reader_fuzzer designation_fuzzer catalog_fuzzer project_file_fuzzer comments_table_fuzzer
     check_cache_fuzzer math_cache_fuzzer check_pipeline_fuzzer)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

dict_for() {
    case "$1" in
        markdown_reader_fuzzer) echo fuzz/markdown.dict ;;
        xml_reader_fuzzer) echo fuzz/xml.dict ;;
        designation_fuzzer | catalog_fuzzer) echo fuzz/designation.dict ;;
        project_file_fuzzer) echo fuzz/project_file.dict ;;
        comments_table_fuzzer) echo fuzz/comments_table.dict ;;
        check_cache_fuzzer) echo fuzz/check_cache.dict ;;
        math_cache_fuzzer) echo fuzz/math_cache.dict ;;
        check_pipeline_fuzzer)  # libFuzzer takes one dictionary
            cat fuzz/markdown.dict fuzz/xml.dict > build-fuzz/check_pipeline.dict
            echo build-fuzz/check_pipeline.dict ;;
    esac
}

./build.sh deps  # the build's packages, clang and libFuzzer's runtime (libclang-rt-14-dev)
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBZC_FUZZ=ON \
      -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j "${BZC_JOBS:-$(nproc)}" --target bzc_fuzzers
python3 fuzz/make_seed_corpus.py build-fuzz/seeds >/dev/null

failed=()
summary=()
for t in "${targets[@]}"; do
    corpus=build-fuzz/corpus/$t
    if $fresh; then
        corpus=build-fuzz/fresh-corpus/$t
        rm -rf "$corpus"
    fi
    artifacts=build-fuzz/artifacts/$t
    log=build-fuzz/logs/$t.log
    mkdir -p "$corpus" "$artifacts" build-fuzz/logs
    echo "== $t: $seconds s"
    status=0
    # One process at a time unless BZC_FUZZ_FORK says otherwise (the machine
    # is shared: CI's smoke pass and the benchmarks run beside it).
    # -entropic_feature_frequency_threshold=16: libFuzzer 14 keeps every
    # feature seen fewer times than this (default 255) in a list it searches
    # linearly for each feature of each run; with bzc's 50,000 features that
    # search was 57% of check_pipeline_fuzzer's time (perf), and the seeds
    # loaded at 33 exec/s. At 16 the same 60 s run makes 185 → 300–360 exec/s
    # and reaches more coverage; the power schedule itself stays on.
    options=()
    [ -n "${BZC_FUZZ_MAX_LEN:-}" ] && options=(-max_len="$BZC_FUZZ_MAX_LEN")
    [ -n "${BZC_FUZZ_FORK:-}" ] && options+=(-fork="$BZC_FUZZ_FORK")
    "build-fuzz/fuzz/$t" "$corpus" "build-fuzz/seeds/$t" -dict="$(dict_for "$t")" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -entropic_feature_frequency_threshold=16 "${options[@]}" \
        -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # A forking run prints no final stats: its last progress line has the
    # executions of all its jobs ("#N: cov: … exec/s: R …").
    [ -z "$execs" ] && execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
    [ -z "$rate" ] && rate=$(sed -n 's/^#\([0-9]*\): cov:.* time: \([0-9]*\)s.*/\1 \2/p' "$log" | tail -1 |
                             awk '$2 > 0 { printf "%d", $1 / $2 }')
    files=$(find "$corpus" -type f | wc -l)
    kib=$(du -sk "$corpus" | cut -f1)
    result=ok
    if [ "$status" -ne 0 ]; then
        result="FAILED (status $status, log $log)"
        failed+=("$t")
        mkdir -p "fuzz/regressions/$t"
        for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
            [ -e "$f" ] || continue
            cp "$f" "fuzz/regressions/$t/"
            echo "   new regression input: fuzz/regressions/$t/$(basename "$f")"
            rm "$f"
        done
        grep -m1 -E "ERROR: |runtime error|terminate called|Test unit written" "$log" | sed 's/^/   /' || true
    fi
    summary+=("$(printf '%-24s %10s execs %7s exec/s %6s files %7s KiB  %s' "$t" "${execs:-?}" "${rate:-?}" "$files" "$kib" "$result")")
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz/run.sh: ${failed[*]} failed; the inputs are in fuzz/regressions/ (add them to git with the fix)" >&2
    exit 1
fi
