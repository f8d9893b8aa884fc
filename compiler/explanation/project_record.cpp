#include "explanation/project_record.h"

#include "frontend/markdown/front_matter.h"
#include "support/limits.h"
#include "support/source_manager.h"

#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include <memory>

namespace bzc::explanation {
namespace {

// Collects the plain text of inline content. Chinese text is wrapped in the
// source without spaces, so a soft break joins the lines directly.
void append_inline_text(cmark_node* node, std::string& out, int depth = 0) {
    // Emphasis nested beyond any real text is cut off rather than followed down the stack.
    if (depth > limits::max_inline_nesting) return;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: {
                const char* literal = cmark_node_get_literal(c);
                if (literal) out += literal;
                break;
            }
            case CMARK_NODE_LINEBREAK: out += '\n'; break;
            case CMARK_NODE_SOFTBREAK: break;
            default: append_inline_text(c, out, depth + 1);
        }
    }
}

class RecordReader {
public:
    RecordReader(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink)
        : file_(file), sources_(sources), sink_(sink) {}

    ProjectRecord read() {
        record_.file = file_;
        record_.location = {file_, 1, 1};
        std::string_view text = sources_.file(file_).text;
        auto split = frontend::split_front_matter(text);
        if (split.present && split.closed) read_front_matter(split);
        line_offset_ = split.body_first_line - 1;
        read_body(text.substr(split.present && split.closed ? split.body_offset : 0));
        return std::move(record_);
    }

private:
    SourceLocation location(cmark_node* node) const {
        return sources_.location_at_byte_column(file_, static_cast<std::uint32_t>(cmark_node_get_start_line(node)) + line_offset_,
                                                static_cast<std::uint32_t>(cmark_node_get_start_column(node)));
    }

    void read_front_matter(const frontend::FrontMatterSplit& split) {
        auto at = [&](const YAML::Mark& mark) {
            return sources_.location_at_byte_column(file_, split.yaml_first_line + static_cast<std::uint32_t>(mark.line),
                                                    static_cast<std::uint32_t>(mark.column + 1));
        };
        if (std::size_t offset = frontend::deepest_nesting_offset(split.yaml); offset != std::string_view::npos) {
            sink_.report("LIMIT-02", sources_.location_at_offset(file_, static_cast<std::size_t>(split.yaml.data() - sources_.file(file_).text.data()) + offset),
                         {{"limit", std::to_string(limits::max_block_nesting)}});
            return;
        }
        YAML::Node root;
        try {
            root = YAML::Load(std::string(split.yaml));
        } catch (const YAML::Exception& e) {
            sink_.report("FM-03", at(e.mark), {{"reason", e.msg}});
            return;
        }
        if (!root || root.IsNull()) return;
        if (!root.IsMap()) {
            sink_.report("FM-07", at(root.Mark()));
            return;
        }
        for (const auto& entry : root) {
            std::string key = entry.first.Scalar();
            SourceLocation where = at(entry.first.Mark());
            const YAML::Node& value = entry.second;
            auto scalar = [&](std::string& out) {
                if (!value.IsScalar()) {
                    sink_.report("FM-05", where, {{"field", key}, {"expected", "文字", "text"}});
                    return;
                }
                out = value.Scalar();
            };
            if (key == "plan-number") scalar(record_.plan_number);
            else if (key == "plan-document") scalar(record_.plan_document);
            else if (key == "structure") scalar(record_.structure);
            else if (key == "drafting-group") scalar(record_.drafting_group);
            else if (key == "date") scalar(record_.date);
            else if (key == "comment-draft") scalar(record_.comment_draft);
            else if (key == "consulted-units") {
                if (value.IsSequence()) {
                    for (const auto& item : value) record_.consulted_units.push_back(item.IsScalar() ? item.Scalar() : "");
                } else {
                    sink_.report("FM-05", where, {{"field", key}, {"expected", "列表", "a list"}});
                }
            } else {
                frontend::report_unknown_field(sink_, where, key, record_field_names());
                continue;
            }
            record_.field_locations[key] = where;
        }
    }

    void read_body(std::string_view body) {
        std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                           cmark_parser_free);
        cmark_parser_feed(parser.get(), body.data(), body.size());
        std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()), cmark_node_free);
        for (cmark_node* node = cmark_node_first_child(root.get()); node; node = cmark_node_next(node)) read_block(node, 0);
    }

    void read_block(cmark_node* node, int depth) {
        if (depth > limits::max_block_nesting) {
            if (!nesting_reported_) sink_.report("LIMIT-02", location(node), {{"limit", std::to_string(limits::max_block_nesting)}});
            nesting_reported_ = true;
            return;
        }
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING: {
                std::string text;
                append_inline_text(node, text);
                int level = cmark_node_get_heading_level(node);
                if (level == 1) {
                    record_.sections.push_back({text, {}, location(node)});
                } else {
                    add({level == 2 ? RecordBlock::Kind::Subheading : RecordBlock::Kind::Subsubheading, text, location(node)});
                }
                break;
            }
            case CMARK_NODE_PARAGRAPH: {
                std::string text;
                append_inline_text(node, text);
                add({RecordBlock::Kind::Paragraph, text, location(node)});
                break;
            }
            case CMARK_NODE_LIST:
                for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
                    std::string text;
                    for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
                        if (!text.empty()) text += '\n';
                        append_inline_text(c, text);
                    }
                    add({RecordBlock::Kind::ListItem, text, location(item)});
                }
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) read_block(c, depth + 1);
                break;
            default:
                break;  // comments (HTML blocks) and rules are not part of the report
        }
    }

    // Text before the first heading belongs to no section of the report and is left out.
    void add(RecordBlock block) {
        if (!record_.sections.empty()) record_.sections.back().blocks.push_back(std::move(block));
    }

    std::uint32_t file_;
    const SourceManager& sources_;
    DiagnosticSink& sink_;
    std::uint32_t line_offset_ = 0;
    bool nesting_reported_ = false;
    ProjectRecord record_;
};

}  // namespace

const RecordSection* ProjectRecord::find(std::string_view heading) const {
    for (const auto& s : sections)
        if (s.heading == heading) return &s;
    return nullptr;
}

const std::vector<std::string>& record_field_names() {
    static const std::vector<std::string> names = {"plan-number", "plan-document", "consulted-units",
                                                   "structure", "drafting-group", "date", "comment-draft"};
    return names;
}

ProjectRecord read_project_record(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    return RecordReader(file, sources, sink).read();
}

}  // namespace bzc::explanation
