#include "driver/depfile.h"

#include "driver/project_config.h"
#include "model/walk.h"
#include "support/source_manager.h"

#include <algorithm>
#include <set>
#include <system_error>

namespace bzc::driver {

namespace fs = std::filesystem;

namespace {

// Every image file the figures of `doc` name, resolved as the DOCX writer
// resolves them: relative to the source's folder.
void add_images(const model::Document& doc, const fs::path& source_folder, std::vector<fs::path>& inputs) {
    auto add = [&](const std::string& image) {
        if (image.empty()) return;
        fs::path file(image);
        inputs.push_back(file.is_relative() ? source_folder / file : file);
    };
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (!b.is<model::Figure>()) continue;
            const auto& figure = b.as<model::Figure>();
            add(figure.image);
            for (const auto& sub : figure.subfigures) add(sub.image);
        }
    });
}

}  // namespace

std::vector<fs::path> Depfile::inputs_of(const std::string& source, const model::Document& doc,
                                         const std::vector<std::string>& command_line_catalogs) {
    std::vector<fs::path> inputs{fs::path(source)};
    // The project file is read again here rather than handed over by the
    // compiler: its problems were reported when the source was checked, so
    // a scratch sink takes them this time.
    SourceManager scratch_sources;
    DiagnosticSink scratch_sink;
    ProjectConfig config = load_project_config(source, scratch_sources, scratch_sink);
    if (!config.path.empty()) inputs.push_back(config.path);
    for (const auto& catalog : config.catalogs) inputs.push_back(catalog);
    for (const auto& catalog : command_line_catalogs) inputs.push_back(catalog);
    add_images(doc, fs::path(source).parent_path(), inputs);

    if (!config.path.empty()) {
        auto found = indexes_.find(config.path);
        if (found == indexes_.end()) found = indexes_.emplace(config.path, repository::index_repository(config)).first;
        const repository::RepositoryIndex& index = found->second;
        std::error_code ec;
        const fs::path self = fs::weakly_canonical(fs::absolute(source, ec), ec);
        for (const auto& citation : doc.references.citations) {
            if (!citation.designation) continue;
            const model::Designation& cited = *citation.designation;
            // A dated citation depends on that edition only; an undated one on
            // the newest edition the repository holds, which a new edition
            // added later changes (the depfile of the next build says so).
            const repository::StandardIdentity* standard = cited.year.empty() ? index.latest(cited) : index.edition(cited);
            if (!standard) continue;
            fs::path file = config.folder() / standard->path;
            if (fs::weakly_canonical(file, ec) == self) continue;  // its own number, as in the 前言
            inputs.push_back(file);
        }
    }

    // Each input once, in the order first met: the source first, as make's $<.
    std::vector<fs::path> unique;
    std::set<std::string> seen;
    for (auto& input : inputs) {
        if (seen.insert(depfile_path(input)).second) unique.push_back(std::move(input));
    }
    return unique;
}

void Depfile::add(const fs::path& output, std::vector<fs::path> inputs) {
    outputs_.push_back({output, std::move(inputs)});
}

std::optional<std::string> Depfile::text(std::string& unwritable) const {
    std::string text;
    std::set<std::string> sources;        // the first input of each output
    std::vector<std::string> others;      // every other input, once, for the -MP targets
    std::set<std::string> others_seen;
    auto word = [&](const fs::path& path) -> std::optional<std::string> {
        std::string written = depfile_path(path);
        auto escaped = escape_for_make(written);
        if (!escaped) unwritable = written;
        return escaped;
    };
    for (const auto& output : outputs_) {
        auto target = word(output.path);
        if (!target) return std::nullopt;
        text += *target;
        text += ':';
        for (std::size_t i = 0; i < output.inputs.size(); ++i) {
            auto input = word(output.inputs[i]);
            if (!input) return std::nullopt;
            // Continuation lines keep long rules readable in a diff.
            text += " \\\n  ";
            text += *input;
            if (i == 0) {
                sources.insert(*input);
            } else if (others_seen.insert(*input).second) {
                others.push_back(*input);
            }
        }
        text += '\n';
    }
    for (const auto& input : others) {
        if (sources.count(input)) continue;  // a source that is deleted must stop the build
        text += '\n';
        text += input;
        text += ":\n";
    }
    return text;
}

std::optional<std::string> escape_for_make(std::string_view path) {
    std::string out;
    std::size_t backslashes = 0;  // the run of backslashes just written
    for (char c : path) {
        if (c == '\n' || c == '\r') return std::nullopt;
        if (c == ' ' || c == '\t' || c == '#' || c == ':') {
            // A backslash right before an escaped character would escape the
            // escape: make and ninja read "\\\ " as a backslash and a space.
            out.append(backslashes, '\\');
            out += '\\';
            out += c;
            backslashes = 0;
            continue;
        }
        if (c == '$') {
            out += "$$";
            backslashes = 0;
            continue;
        }
        out += c;
        backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    // A trailing backslash would join the next word or line.
    out.append(backslashes, '\\');
    return out;
}

std::string depfile_path(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec) return path.lexically_normal().generic_string();
    fs::path cwd = fs::current_path(ec);
    if (!ec) {
        fs::path relative = absolute.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
    return absolute.generic_string();
}

}  // namespace bzc::driver
