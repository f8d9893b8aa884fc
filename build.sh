#!/usr/bin/env bash
# The two set-up commands of the README:
#   ./build.sh sample   install what is missing, build, check the bundled sample, write its XML
#   ./build.sh test     the same set-up, then every test
set -euo pipefail
cd "$(dirname "$0")"

packages=(cmake g++ make pkg-config python3
          libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libpugixml-dev
          libxml2-dev libxml2-utils libicu-dev libcli11-dev nlohmann-json3-dev catch2)

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

case "${1:-}" in
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
        done
        ;;
    test)
        install_missing
        build
        ctest --test-dir build --output-on-failure -j "$(nproc)"
        ;;
    *)
        echo "usage: ./build.sh sample | test" >&2
        exit 2
        ;;
esac
