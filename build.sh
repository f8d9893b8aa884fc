#!/usr/bin/env bash
# The two set-up commands of the README:
#   ./build.sh sample   install what is missing, build, check the bundled samples, write their XML, DOCX and PDF
#   ./build.sh test     the same set-up, then every test: the test suite, the test suite again
#                       under ASan and UBSan (sanitize), bzc's threads under TSan (threads)
#                       and a short fuzzing pass (fuzz-smoke)
# and their parts (README, "Fuzzing and sanitizers"):
#   ./build.sh deps         install what is missing
#   ./build.sh sanitize     build in build-asan with -fsanitize=address,undefined and run the tests
#   ./build.sh threads      build bzc in build-tsan with -fsanitize=thread and run its threaded
#                           commands on the samples and the corpus
#   ./build.sh fuzz-smoke   run each fuzz target for 15 s from its seeds (fuzz/run.sh --fresh;
#                           BZC_FUZZ_SECONDS to change)
set -euo pipefail
cd "$(dirname "$0")"

packages=(cmake g++ make pkg-config python3
          libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libpugixml-dev
          libxml2-dev libxml2-utils libicu-dev libcli11-dev nlohmann-json3-dev catch2
          zlib1g-dev libminizip-dev libxxhash-dev python3-docx python3-jsonschema python3-rfc3987
          clang libclang-rt-14-dev
          pandoc libreoffice-writer-nogui libreoffice-math-nogui python3-uno fonts-noto-cjk fonts-liberation2 poppler-utils
          librsvg2-bin)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "build.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBZC_WERROR=ON >/dev/null
    cmake --build build -j "$(nproc)" "$@"
}

# The test suite built with ASan and UBSan, in a directory of its own. clang:
# it builds the tree three times faster than g++, and g++ 12 with ASan warns
# of uninitialised std::function members inside <regex> that are not. Any
# sanitizer report aborts the program, so no test can take it for an
# expected exit status.
sanitize() {
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBZC_SANITIZE=ON >/dev/null
    cmake --build build-asan -j "$(nproc)"
    ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
    UBSAN_OPTIONS=abort_on_error=1:print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
}

# bzc runs threads in these places: `bzc build` checks a source while it
# writes its DOCX (pandoc converting its formulas on another, the zip
# deflating a large part on several), and `bzc check` of a repository checks
# standards side by side. ThreadSanitizer watches both on the samples and the corpus; any
# report fails (halt_on_error). Only bzc is built: the tests run one thread.
threads() {
    cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBUILD_TESTING=OFF \
          -DBZC_STATIC_EXECUTABLE=OFF -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
    cmake --build build-tsan -j "$(nproc)" --target bzc
    local bzc=build-tsan/compiler/bzc out=build-tsan/out status
    rm -rf "$out"
    export TSAN_OPTIONS=halt_on_error=1:exitcode=66
    # ThreadSanitizer of clang 14 cannot start on kernels with more address
    # randomisation (vm.mmap_rnd_bits=32): say so rather than pass in silence.
    if ! "$bzc" --version >/dev/null 2>"$out.log"; then
        cat "$out.log" >&2
        echo "build.sh threads: ThreadSanitizer cannot run here (see above); the thread checks were not made" >&2
        return 0
    fi
    for sources in samples/*/standard.md samples/*/standard.xml tests/corpus/correct samples/jgsw-system/standards; do
        status=0
        "$bzc" build --docx --force "$sources" -o "$out" >/dev/null 2>"$out.log" || status=$?
        [ "$status" -eq 66 ] && { cat "$out.log" >&2; echo "build.sh threads: ThreadSanitizer report on $sources" >&2; return 1; }
    done
    # A large standard: its document.xml (1.5 MB) is deflated in blocks on
    # several threads, and its formulas go to pandoc on a thread of their
    # own, whose answers are stored in the cache while the DOCX is zipped;
    # built with an empty formula cache, then again from the cache.
    mkdir -p "$out/large"
    python3 bench/generate_standard.py --size-kb 300 -o "$out/large.md" >/dev/null
    for round in first again; do
        status=0
        XDG_CACHE_HOME="$out/cache" "$bzc" build --docx --force "$out/large.md" -o "$out/large" >/dev/null 2>"$out.log" || status=$?
        [ "$status" -eq 66 ] && { cat "$out.log" >&2; echo "build.sh threads: ThreadSanitizer report on the large standard ($round build)" >&2; return 1; }
        ls "$out/large"/*.docx >/dev/null || { cat "$out.log" >&2; echo "build.sh threads: the large standard was not built" >&2; return 1; }
    done
    # Races show in some runs only (the cmark-gfm registration one in two of
    # seven): the repository check, where four threads meet, runs five times.
    for round in 1 2 3 4 5; do
        status=0
        (cd samples/jgsw-system && "../../$bzc" check --no-cache -j 4 >/dev/null 2>"../../$out.log") || status=$?
        [ "$status" -eq 66 ] && { cat "$out.log" >&2; echo "build.sh threads: ThreadSanitizer report on the repository check (round $round)" >&2; return 1; }
    done
    echo "build.sh threads: no ThreadSanitizer report"
}

case "${1:-}" in
    deps)
        install_missing
        ;;
    sanitize)
        install_missing
        sanitize
        ;;
    threads)
        install_missing
        threads
        ;;
    fuzz-smoke)
        fuzz/run.sh --fresh "${BZC_FUZZ_SECONDS:-15}"
        ;;
    sample)
        install_missing
        build --target bzc
        mkdir -p build/sample
        for src in samples/*/standard.md; do
            [ "$src" = samples/errors/standard.md ] && continue  # a sample of errors, on purpose
            echo "== bzc check $src"
            build/compiler/bzc check "$src"
            out="build/sample/$(basename "$(dirname "$src")").xml"
            build/compiler/bzc xml "$src" -o "$out"
            echo "   canonical XML: $out"
            build/compiler/bzc build "$src" -o build/sample | sed 's/^/   output: /'
            # The 编制说明 and the 征求意见汇总处理表, where the sample has a project record.
            if [ -f "$(dirname "$src")/编制说明.md" ]; then
                build/compiler/bzc report "$src" -o build/sample | sed 's/^/   output: /'
            fi
        done
        ;;
    test)
        install_missing
        build
        ctest --test-dir build --output-on-failure -j "$(nproc)"
        sanitize
        threads
        fuzz/run.sh --fresh "${BZC_FUZZ_SECONDS:-15}"
        ;;
    *)
        echo "usage: ./build.sh sample | test | deps | sanitize | threads | fuzz-smoke" >&2
        exit 2
        ;;
esac
