#pragma once

// One fuzz target per file (fuzz/README.md). BZC_FUZZ_TARGET(name) { … }
// defines the body of a target, given the input as bytes. Built with
// -DBZC_FUZZ=ON (clang) it becomes libFuzzer's LLVMFuzzerTestOneInput; in the
// normal build it is registered under `name` in bzc_fuzz_regressions, which
// runs every file of fuzz/regressions/<name>/ through it (CTest).
//
// A target returns normally for every input: a crash, a sanitizer report, an
// uncaught exception (bzc's "internal error", exit status 3) or a hang is a bug.

#include "diagnostics/diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {
class SourceManager;
}

namespace bzc::fuzz {

using Target = void (*)(std::string_view input);

// What main() does before bzc runs: initialise libxml2's parser.
void initialise();

// Writes the findings as `bzc check` does, in text (both languages), JSON and
// SARIF, to a stream that discards them.
void write_reports(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

// For bzc_fuzz_regressions: the registered targets, by name.
struct Registration {
    Registration(const char* name, Target target);
};
Target find_target(std::string_view name);

}  // namespace bzc::fuzz

#ifdef BZC_LIBFUZZER
#define BZC_FUZZ_TARGET(name)                                                                \
    static void bzc_fuzz_target(std::string_view input);                                     \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {      \
        bzc::fuzz::initialise();                                                             \
        bzc_fuzz_target(std::string_view(reinterpret_cast<const char*>(data), size));        \
        return 0;                                                                            \
    }                                                                                        \
    static void bzc_fuzz_target(std::string_view input)
#else
#define BZC_FUZZ_TARGET(name)                                                                \
    static void bzc_fuzz_target(std::string_view input);                                     \
    static const bzc::fuzz::Registration bzc_fuzz_registration_##name(#name, bzc_fuzz_target); \
    static void bzc_fuzz_target(std::string_view input)
#endif
