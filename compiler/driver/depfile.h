#pragma once

#include "model/document.h"
#include "repository/repository_index.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::driver {

// The depfile of `bzc build --depfile FILE`: for every output the run wrote,
// the files it was made from, in Make syntax, so that make (`-include`) and
// ninja (`depfile =`, `deps = gcc`) rebuild a document exactly when one of
// them changes:
//
//   out/DB50-T\ 1016—2020.docx: standards/base/1016.md bzc.yaml catalog/external.txt
//     standards/base/figures/flow.png standards/base/1001.md      (one input a line,
//   standards/base/figures/flow.png:                             each line continued)
//
// One rule per output: ninja before 1.10 accepts a depfile only for an edge
// with one output, so a build that gives each source an edge of its own and
// asks for --docx alone works with any ninja. The inputs other than the
// sources built are also listed as targets without prerequisites (gcc's
// -MP), so that make does not stop when one of them is deleted or renamed.
class Depfile {
public:
    // The inputs of the output made from `source`, compiled into `doc`: the
    // source itself, the bzc.yaml that applies to it, the catalog files of
    // the project (`catalog:`) and of the command line (`--catalog`), the
    // images its figures embed, and the sources of the repository standards
    // it cites (the edition named by a dated citation, the newest edition for
    // an undated one), found through the repository index of its project.
    std::vector<std::filesystem::path> inputs_of(const std::string& source, const model::Document& doc,
                                                 const std::vector<std::string>& command_line_catalogs);

    // Records that `output` was written from `inputs` (the first is its source).
    void add(const std::filesystem::path& output, std::vector<std::filesystem::path> inputs);
    bool empty() const { return outputs_.empty(); }

    // The depfile text; a path Make cannot spell (a line break in it) makes
    // it fail, with that path in `unwritable`.
    std::optional<std::string> text(std::string& unwritable) const;

private:
    struct Output {
        std::filesystem::path path;
        std::vector<std::filesystem::path> inputs;
    };
    std::vector<Output> outputs_;
    // One index per project file: a run over many sources of one repository
    // reads the cover data of its standards once.
    std::map<std::filesystem::path, repository::RepositoryIndex> indexes_;
};

// A path as a word of a Make rule: spaces, tabs, '#', ':' and backslashes
// before them escaped with a backslash, '$' doubled; nullopt for a path with
// a line break, which neither make nor ninja can read back.
std::optional<std::string> escape_for_make(std::string_view path);

// How a path is written in the depfile: relative to the current directory
// when it lies below it (make and ninja run the build from there), else
// absolute; lexically normal either way.
std::string depfile_path(const std::filesystem::path& path);

}  // namespace bzc::driver
