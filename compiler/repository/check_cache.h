#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/standard_identity.h"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
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

// The content-addressed cache of `bzc check` over a repository, one file
// `check-v1.cbor` in the cache folder. Everything in it is keyed by the
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

    // The identity read from a text with this digest, if known.
    const StandardIdentity* identity(const std::string& content) const;
    void put_identity(const std::string& content, const StandardIdentity& identity);
    // The record of a source (by its path in the repository), if there is one.
    const CheckRecord* record(const std::string& path) const;
    void put_record(const std::string& path, CheckRecord record);
    // Keeps only the records and identities of these sources' current texts,
    // so the cache does not grow with every edit.
    void retain(const std::map<std::string, std::string>& content_by_path);

    bool changed() const { return changed_; }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::string configuration_;
    std::map<std::string, StandardIdentity> identities_;
    std::map<std::string, CheckRecord> records_;
    bool changed_ = false;
};

}  // namespace bzc::repository
