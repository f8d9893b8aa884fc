#include "frontend/markdown/front_matter.h"

#include "support/limits.h"
#include "support/source_manager.h"
#include "support/suggestions.h"
#include "support/utf8.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace bzc::frontend {

namespace {

bool is_fence_line(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == fence;
}

enum class FieldType { Text, List, Bool };

struct FieldSpec {
    std::string_view name;
    FieldType type;
};

constexpr FieldSpec field_specs[] = {
    {"number", FieldType::Text},        {"replaces", FieldType::List},   {"title", FieldType::Text},
    {"title-en", FieldType::Text},      {"ics", FieldType::List},        {"ccs", FieldType::Text},
    {"filing", FieldType::Text},        {"stage", FieldType::Text},      {"issued", FieldType::Text},
    {"effective", FieldType::Text},     {"draft-date", FieldType::Text}, {"issuer", FieldType::Text},
    {"proposer", FieldType::Text},      {"owner", FieldType::Text},      {"drafting-units", FieldType::List},
    {"drafters", FieldType::List},      {"adoption", FieldType::Text},   {"toc", FieldType::Bool},
    {"references", FieldType::Text},    {"index", FieldType::Text},      {"category", FieldType::Text},
    {"reviewed", FieldType::Text},
};

// Lists of names are often typed as one line with the enumeration comma:
// "drafters: 张三、李四". Accept that as well as a YAML sequence.
std::vector<std::string> split_enumeration(const std::string& text) {
    std::vector<std::string> items;
    std::string_view rest(text);
    static constexpr std::string_view comma = "、";
    while (true) {
        auto pos = rest.find(comma);
        auto item = utf8::trim(rest.substr(0, pos));
        if (!item.empty()) items.emplace_back(item);
        if (pos == std::string_view::npos) break;
        rest.remove_prefix(pos + comma.size());
    }
    return items;
}

void assign(model::Metadata& m, std::string_view name, std::string value) {
    if (name == "number") m.number = std::move(value);
    else if (name == "title") m.title = std::move(value);
    else if (name == "title-en") m.title_en = std::move(value);
    else if (name == "ccs") m.ccs = std::move(value);
    else if (name == "filing") m.filing = std::move(value);
    else if (name == "stage") { m.stage_text = std::move(value); m.stage = model::parse_stage(m.stage_text); }
    else if (name == "issued") m.issued = std::move(value);
    else if (name == "references") m.references = std::move(value);
    else if (name == "index") m.index = std::move(value);
    else if (name == "category") m.category = std::move(value);
    else if (name == "reviewed") m.reviewed = std::move(value);
    else if (name == "effective") m.effective = std::move(value);
    else if (name == "draft-date") m.draft_date = std::move(value);
    else if (name == "issuer") m.issuer = std::move(value);
    else if (name == "proposer") m.proposer = std::move(value);
    else if (name == "owner") m.owner = std::move(value);
    else if (name == "adoption") m.adoption = std::move(value);
}

std::vector<std::string>* list_field(model::Metadata& m, std::string_view name) {
    if (name == "replaces") return &m.replaces;
    if (name == "ics") return &m.ics;
    if (name == "drafting-units") return &m.drafting_units;
    if (name == "drafters") return &m.drafters;
    return nullptr;
}

}  // namespace

// The offset where flow nesting ([ and {) first goes deeper than the limit,
// or npos. Quoted text is skipped.
std::size_t deepest_nesting_offset(std::string_view yaml) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < yaml.size(); ++i) {
        char c = yaml[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '[' || c == '{') {
            if (++depth > limits::max_block_nesting) return i;
        } else if ((c == ']' || c == '}') && depth > 0) --depth;
        else if (c == '\n' && depth == 0) quote = 0;
    }
    return std::string_view::npos;
}

namespace {

// A value that opens a quote and does not close it on the same line: YAML
// then folds the following lines, fields included, into the value.
bool quote_left_open(std::string_view yaml, const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= yaml.size()) return false;
    char quote = yaml[static_cast<std::size_t>(mark.pos)];
    if (quote != '"' && quote != '\'') return false;
    std::size_t end = yaml.find('\n', static_cast<std::size_t>(mark.pos));
    std::string_view line = yaml.substr(static_cast<std::size_t>(mark.pos) + 1,
                                        end == std::string_view::npos ? std::string_view::npos : end - mark.pos - 1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && quote == '"') { ++i; continue; }
        if (line[i] == quote) return false;
    }
    return true;
}

}  // namespace

void report_unknown_field(DiagnosticSink& sink, SourceLocation where, const std::string& key,
                          const std::vector<std::string>& known) {
    std::string guess = closest_match(key, known);
    sink.report("FM-04", where,
                {{"field", key},
                 {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）",
                  guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
}

const std::vector<std::string>& metadata_field_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& spec : field_specs) n.emplace_back(spec.name);
        return n;
    }();
    return names;
}

FrontMatterSplit split_front_matter(std::string_view text) {
    FrontMatterSplit split;
    auto first_end = text.find('\n');
    std::string_view first = text.substr(0, first_end);
    if (!is_fence_line(first, "---")) return split;
    split.present = true;
    split.yaml_first_line = 2;
    std::size_t yaml_begin = first_end == std::string_view::npos ? text.size() : first_end + 1;
    std::size_t pos = yaml_begin;
    std::uint32_t line = 2;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        std::string_view current = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (is_fence_line(current, "---") || is_fence_line(current, "...")) {
            split.closed = true;
            split.yaml = text.substr(yaml_begin, pos - yaml_begin);
            split.body_offset = end == std::string_view::npos ? text.size() : end + 1;
            split.body_first_line = line + 1;
            return split;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
        ++line;
    }
    split.yaml = text.substr(yaml_begin);
    split.body_offset = text.size();
    split.body_first_line = line + 1;
    return split;
}

void read_front_matter(const FrontMatterSplit& split, std::uint32_t file, const SourceManager& sources,
                       model::Metadata& metadata, DiagnosticSink& sink) {
    metadata.present = true;
    metadata.location = {file, 1, 1};
    if (split.yaml.size() > limits::max_front_matter_bytes) {
        metadata.unreadable = true;
        sink.report("LIMIT-05", metadata.location,
                    {{"size", std::to_string(split.yaml.size() / 1024) + " KiB"},
                     {"limit", std::to_string(limits::max_front_matter_bytes / 1024) + " KiB"}});
        return;
    }
    // yaml-cpp marks are 0-based and relative to the YAML text.
    auto location_of = [&](const YAML::Mark& mark) {
        if (mark.line < 0) return metadata.location;
        return sources.location_at_byte_column(file, split.yaml_first_line + static_cast<std::uint32_t>(mark.line),
                                               static_cast<std::uint32_t>(mark.column + 1));
    };
    // yaml-cpp recurses once per nesting level; refuse absurd nesting before
    // it does (cover data is never more than two levels deep).
    if (std::size_t offset = deepest_nesting_offset(split.yaml); offset != std::string_view::npos) {
        metadata.unreadable = true;
        std::size_t line = 0, column = 0;
        for (std::size_t i = 0; i < offset; ++i) {
            if (split.yaml[i] == '\n') { ++line; column = 0; } else { ++column; }
        }
        sink.report("LIMIT-02",
                    sources.location_at_byte_column(file, split.yaml_first_line + static_cast<std::uint32_t>(line),
                                                    static_cast<std::uint32_t>(column + 1)),
                    {{"limit", std::to_string(limits::max_block_nesting)}});
        return;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(split.yaml));
    } catch (const YAML::Exception& e) {
        metadata.unreadable = true;
        sink.report("FM-03", location_of(e.mark), {{"reason", e.msg}});
        return;
    }
    if (!root || root.IsNull()) return;  // empty front matter: the required-field check reports it
    if (!root.IsMap()) {
        metadata.unreadable = true;
        sink.report("FM-07", location_of(root.Mark()));
        return;
    }
    std::set<std::string> seen;
    for (const auto& entry : root) {
        std::string key;
        try {
            key = entry.first.as<std::string>();
        } catch (const YAML::Exception&) {
            sink.report("FM-05", location_of(entry.first.Mark()), {{"field", "?"}, {"expected", "文字", "text"}});
            continue;
        }
        SourceLocation where = location_of(entry.first.Mark());
        if (!seen.insert(key).second) {
            sink.report("FM-08", where, {{"field", key}, {"line", std::to_string(metadata.where(key).line)}});
            continue;
        }
        const FieldSpec* spec = nullptr;
        for (const auto& s : field_specs) {
            if (s.name == key) spec = &s;
        }
        if (!spec) {
            report_unknown_field(sink, where, key, metadata_field_names());
            continue;
        }
        metadata.field_locations[key] = where;
        const YAML::Node& value = entry.second;
        switch (spec->type) {
            case FieldType::Text:
                if (value.IsScalar() && quote_left_open(split.yaml, value.Mark())) {
                    sink.report("FM-03", location_of(value.Mark()),
                                {{"reason", "引号没有在本行闭合，后面的行被并入了这个值",
                                  "the quote is not closed on its line, so the following lines were taken into the value"}});
                    metadata.unreadable = true;
                    continue;
                }
                if (!value.IsScalar() || value.Scalar().find('\n') != std::string::npos) {
                    sink.report("FM-05", where, {{"field", key}, {"expected", "一行文字", "a single line of text"}});
                } else {
                    assign(metadata, key, std::string(utf8::trim(value.Scalar())));
                }
                break;
            case FieldType::List: {
                auto* list = list_field(metadata, key);
                if (value.IsScalar()) {
                    *list = key == "ics" ? std::vector<std::string>{std::string(utf8::trim(value.Scalar()))}
                                         : split_enumeration(value.Scalar());
                } else if (value.IsSequence()) {
                    for (const auto& item : value) {
                        if (!item.IsScalar()) {
                            // An alias marks the anchor's place, which may be elsewhere: then name the field.
                            SourceLocation at = location_of(item.Mark());
                            if (at.line < where.line) at = where;
                            sink.report("FM-05", at,
                                        {{"field", key}, {"expected", "文字列表", "a list of text items"}});
                            list->clear();
                            break;
                        }
                        list->emplace_back(utf8::trim(item.Scalar()));
                    }
                } else if (!value.IsNull()) {
                    sink.report("FM-05", where, {{"field", key}, {"expected", "文字列表", "a list of text items"}});
                }
                break;
            }
            case FieldType::Bool: {
                bool flag = false;
                if (value.IsScalar() && YAML::convert<bool>::decode(value, flag)) {
                    metadata.toc = flag;
                } else {
                    sink.report("FM-05", where, {{"field", key}, {"expected", "true或false", "true or false"}});
                }
                break;
            }
        }
    }
}

}  // namespace bzc::frontend
