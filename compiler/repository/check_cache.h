#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/standard_identity.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bzc {
class SourceManager;
}

namespace bzc::repository {

// A finding as the cache keeps it: by rule id and file path instead of
// pointers and ids of one run. An empty path is the source itself.
struct StoredFinding {
    std::string rule;
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    Severity severity = Severity::Error;
    std::vector<std::array<std::string, 3>> args;  // name, value, English value
    std::optional<Fix> fix;
};

// What checking one source produced, and what it depended on: the text (by
// digest) and what the repository said about each document it cites, by
// document key (an empty fingerprint: the repository has no such document).
// When all of them are unchanged the stored findings are the findings.
struct CheckRecord {
    std::string content;  // content_hash of the source text
    std::vector<std::pair<std::string, std::string>> dependencies;
    std::vector<StoredFinding> findings;
    std::size_t suppressed = 0;
    bool read = true;  // false: the source could not be read or parsed into a document
    std::optional<model::Stage> stage;
    std::vector<std::string> cited;
    std::string scope;
    // The source's suppression comments that name rules between standards
    // (bzc-ignore REPO-04 …), applied to those findings in every run.
    struct Suppression {
        std::vector<std::string> rules;
        std::uint32_t first_line = 0, last_line = 0;  // both 0: the whole file
    };
    std::vector<Suppression> between_suppressions;
    bool suppresses(std::string_view rule_id, std::uint32_t line) const;
};

// Converts between a run's findings and stored ones. `source_file` is the
// id of the source in `sources`.
std::vector<StoredFinding> store_findings(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                                          std::uint32_t source_file);
// Findings of a stored record, located in `sources`; `source_file` stands
// for the source itself. Findings of rules this bzc no longer has are dropped
// (the cache of another version is never read, but be safe).
std::vector<Diagnostic> restore_findings(const std::vector<StoredFinding>& stored, SourceManager& sources,
                                         std::uint32_t source_file);

// What stat says of a source file. When it equals the stamp stored with a
// digest, the text is taken to be the one digested without reading it, as
// git's index and ninja's log do: a re-check after one edit then reads one
// file, not the repository. The change time is in it because no tool can
// set it back, as `touch -d` or an archive can the modification time.
struct FileStamp {
    std::uint64_t size = 0;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t modified_ns = 0;
    std::int64_t changed_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of a file, or nothing when stat fails or it is no regular file.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

// An identity's cover data as the cache stores it, as bytes: what the
// digest of the checks between standards covers too, so that the two name
// the same fields.
std::string identity_bytes(const StandardIdentity& identity);

// The content-addressed cache of `bzc check` over a repository, one file
// `check-v2.bin` in the cache folder. Everything in it is keyed by the
// configuration it was made under (bzc itself, the project file, catalog
// files, options): another configuration starts from empty. Two runs at
// once cannot corrupt it (the file is replaced atomically); the last one's
// entries win.
class CheckCache {
public:
    // Reads the cache; a missing, unreadable or foreign file gives an empty one.
    static CheckCache load(const std::filesystem::path& folder, const std::string& configuration);
    // Writes it back if anything changed; returns 0 or an errno value.
    int save() const;

    // The cache as the bytes of its file, and back. A CI cache restored from
    // elsewhere is input like any other: bytes that are not a whole cache of
    // this configuration give an empty cache (fuzz/check_cache_fuzzer.cpp).
    std::string to_bytes() const;
    static CheckCache from_bytes(std::string_view bytes, const std::string& configuration);
    // What every cache file of this configuration starts with.
    static std::string file_header(const std::string& configuration);
    const std::map<std::string, CheckRecord>& records() const { return records_; }

    // The identity read from a text with this digest, if known.
    const StandardIdentity* identity(const std::string& content) const;
    void put_identity(const std::string& content, const StandardIdentity& identity);
    // The record of a source (by its path in the repository), if there is one.
    const CheckRecord* record(const std::string& path) const;
    void put_record(const std::string& path, CheckRecord record);
    // Keeps only the records and identities of these sources' current texts,
    // so the cache does not grow with every edit.
    void retain(const std::map<std::string, std::string>& content_by_path);

    // The digest of a source's text when its stamp is the one stored with it.
    const std::string* unchanged_content(const std::string& path, const FileStamp& now) const;
    // Stores the digest of a text read at `read_at_ns` (wall clock) with the
    // stamp taken before reading it. A file changed less than two seconds
    // before it was read is not stamped: another write within the same
    // timestamp tick (seconds on some file systems) would keep its stamp.
    void put_stamp(const std::string& path, const FileStamp& stamp, const std::string& content, std::int64_t read_at_ns);

    // The findings of the checks between standards, by source path, if they
    // were stored under this digest of everything those checks read.
    const std::map<std::string, std::vector<StoredFinding>>* between_findings(const std::string& inputs) const;
    void put_between_findings(const std::string& inputs, std::map<std::string, std::vector<StoredFinding>> findings);

    bool changed() const { return changed_; }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::string configuration_;
    std::map<std::string, StandardIdentity> identities_;
    std::map<std::string, CheckRecord> records_;
    struct StampedContent {
        FileStamp stamp;
        std::string content;
    };
    std::map<std::string, StampedContent> stamps_;  // by source path
    std::string between_inputs_;
    std::map<std::string, std::vector<StoredFinding>> between_findings_;
    bool changed_ = false;
};

}  // namespace bzc::repository
