// The check cache of a repository (.bzc-cache/check-v2.bin): a CI cache
// restored from another run is input like any other. The input is the body
// of the file, after the header (the magic and the configuration digest)
// that the target puts before it: a mutated header only ever gives an empty
// cache, so mutations spend their time on the records. What loads is used
// as `bzc check` uses it — findings restored into a run's sources, stamps
// and identities looked up — and written back: the bytes of a cache that
// loaded must load again to the same bytes.
#include "fuzz_target.h"

#include "repository/check_cache.h"
#include "support/source_manager.h"

#include <cstdlib>

BZC_FUZZ_TARGET(check_cache_fuzzer) {
    using bzc::repository::CheckCache;
    const std::string configuration = "fuzz";
    const std::string bytes = CheckCache::file_header(configuration) + std::string(input);
    CheckCache cache = CheckCache::from_bytes(bytes, configuration);
    bzc::SourceManager sources;
    std::uint32_t source = sources.add("standards/a.md", "");
    std::vector<bzc::Diagnostic> findings;
    for (const auto& [path, record] : cache.records()) {
        auto restored = bzc::repository::restore_findings(record.findings, sources, source);
        findings.insert(findings.end(), restored.begin(), restored.end());
        cache.identity(record.content);
        cache.unchanged_content(path, bzc::repository::FileStamp{});
        for (const auto& rule : {"REPO-04", "STR-05"}) record.suppresses(rule, 1);
    }
    bzc::fuzz::write_reports(findings, sources);
    const std::string written = cache.to_bytes();
    if (!cache.records().empty() && CheckCache::from_bytes(written, configuration).to_bytes() != written) std::abort();
}
