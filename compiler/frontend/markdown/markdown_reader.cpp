#include "frontend/markdown/markdown_reader.h"

#include "frontend/markdown/attributes.h"
#include "frontend/markdown/front_matter.h"
#include "frontend/markdown/html_table.h"
#include "frontend/markdown/inline_text.h"
#include "model/walk.h"
#include "support/limits.h"
#include "support/source_manager.h"
#include "support/suggestions.h"
#include "support/utf8.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace bzc::frontend {

namespace {

using model::Block;
using model::Blocks;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::Section;
using model::SectionKind;

std::string_view type_name(cmark_node* node) {
    // cmark-gfm 0.29 names its footnote node types "<unknown>".
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_FOOTNOTE_REFERENCE: return "footnote_reference";
        case CMARK_NODE_FOOTNOTE_DEFINITION: return "footnote_definition";
        default: return cmark_node_get_type_string(node);
    }
}
bool is_type(cmark_node* node, std::string_view name) { return node && type_name(node) == name; }

std::string_view literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text ? std::string_view(text) : std::string_view();
}

// The prefix of a note or example paragraph: 注：, 注1：, 注 2：, 示例：, 示例3：
// (a half-width colon is accepted too). Returns the prefix length, 0 if none.
std::size_t labelled_prefix(std::string_view text, std::string_view label) {
    if (!text.starts_with(label)) return 0;
    std::size_t i = label.size();
    while (i < text.size() && (text[i] == ' ' || (text[i] >= '0' && text[i] <= '9'))) ++i;
    if (text.substr(i).starts_with("：")) return i + std::strlen("：");
    if (text.substr(i).starts_with(":")) return i + 1;
    return 0;
}

bool is_image_only_paragraph(cmark_node* para) {
    bool has_image = false;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
        if (is_type(c, "image")) {
            has_image = true;
        } else if (is_type(c, "text")) {
            auto t = utf8::trim(literal(c));
            if (!t.empty() && !(t.front() == '{' && t.back() == '}')) return false;
        } else if (!is_type(c, "softbreak")) {
            return false;
        }
    }
    return has_image;
}

// A line break inside a paragraph is a space only between two non-Chinese
// characters, as with pandoc's east_asian_line_breaks; between Chinese
// characters it is nothing.
void resolve_soft_breaks(Inlines& inlines) {
    for (std::size_t k = 0; k < inlines.size(); ++k) {
        auto& in = inlines[k];
        if (!in.children.empty()) resolve_soft_breaks(in.children);
        if (in.kind != InlineKind::Text || in.text.find('\n') == std::string::npos) continue;
        std::string out;
        out.reserve(in.text.size());
        const std::string& t = in.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] != '\n') {
                out += t[i];
                continue;
            }
            char32_t previous = 0;
            if (!out.empty()) {
                previous = utf8::decode_before(out, out.size());
            } else if (k > 0) {
                previous = 'a';  // after an inline element such as math: treat as Latin
            }
            char32_t next = 0;
            if (i + 1 < t.size()) {
                std::size_t p = i + 1;
                next = utf8::decode(t, p);
            } else if (k + 1 < inlines.size()) {
                next = 'a';
            }
            if (previous != 0 && next != 0 && previous < 0x2E80 && next < 0x2E80 && previous != ' ' && next != ' ') out += ' ';
        }
        in.text = std::move(out);
    }
    while (!inlines.empty() && inlines.back().kind == InlineKind::Text && inlines.back().text.empty()) inlines.pop_back();
}

// "[^a] [^b] …" for every footnote definition line ("[^label]: text") of
// the body, preceded by a blank line; empty when there is none.
std::string footnote_referrer(std::string_view body) {
    std::string referrer;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(pos, end - pos);
        pos = end + 1;
        std::size_t indent = 0;
        while (indent < 3 && indent < line.size() && line[indent] == ' ') ++indent;
        line.remove_prefix(indent);
        if (!line.starts_with("[^")) continue;
        std::size_t close = line.find("]:");
        if (close == std::string_view::npos || close <= 2) continue;
        std::string_view label = line.substr(2, close - 2);
        if (label.find_first_of(" \t]") != std::string_view::npos) continue;
        referrer += referrer.empty() ? "\n\n" : " ";
        referrer += "[^";
        referrer += label;
        referrer += "]";
    }
    if (!referrer.empty()) referrer += "\n";
    return referrer;
}

class MarkdownReader {
public:
    MarkdownReader(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink)
        : file_(file), sources_(sources), sink_(sink) {}

    model::Document read();

private:
    // Byte columns from cmark become character columns. Nodes arrive in
    // source order, so counting goes on from the previous node of the same
    // line instead of from the line start: linear in the line, not quadratic.
    SourceLocation location(cmark_node* node) const {
        int line = cmark_node_get_start_line(node);
        int column = cmark_node_get_start_column(node);
        if (line <= 0) return {file_, line_offset_ + 1, 1};
        auto file_line = static_cast<std::uint32_t>(line) + line_offset_;
        auto byte_column = static_cast<std::uint32_t>(std::max(column, 1));
        if (file_line != cached_line_ || byte_column < cached_byte_column_) {
            cached_line_ = file_line;
            cached_byte_column_ = 1;
            cached_column_ = 1;
            cached_text_ = sources_.file(file_).line_text(file_line);
        }
        std::size_t from = cached_byte_column_ - 1;
        std::size_t to = std::min<std::size_t>(byte_column - 1, cached_text_.size());
        if (to > from) cached_column_ += static_cast<std::uint32_t>(utf8::count_code_points(cached_text_.substr(from, to - from)));
        cached_byte_column_ = static_cast<std::uint32_t>(std::max(to, from) + 1);
        return {file_, file_line, cached_column_};
    }
    std::string_view source_line(cmark_node* node) const {
        return sources_.file(file_).line_text(static_cast<std::uint32_t>(cmark_node_get_start_line(node)) + line_offset_);
    }

    void read_body(std::string_view body);
    void collect_footnotes(cmark_node* document);
    void handle_heading(cmark_node* heading);
    cmark_node* convert_block(cmark_node* node, Blocks& out, int depth);
    void convert_container(cmark_node* parent, Blocks& out, int depth);
    void convert_paragraph(cmark_node* node, Blocks& out);
    cmark_node* convert_caption(cmark_node* node, Blocks& out, bool table);
    void convert_inlines(cmark_node* parent, Inlines& out, int depth = 0);
    void convert_table(cmark_node* node, model::Table& table);
    bool convert_html_table(cmark_node* node, model::Table& table);
    model::Figure figure_from_images(cmark_node* para);
    cmark_node* take_object_notes(cmark_node* node, std::vector<model::Note>& notes, std::string_view label);
    void convert_where(cmark_node* list, model::Formula& formula);
    void convert_terms(Section& section);
    void convert_term_entry(Section& section);

    std::optional<Attributes> take_attributes(cmark_node* parent, std::string_view context,
                                              std::initializer_list<std::string_view> allowed = {});
    void strip_prefix(cmark_node* paragraph, std::size_t bytes);
    std::string_view first_text(cmark_node* paragraph) const;
    void read_suppression(cmark_node* comment, cmark_node* target);
    void report_unsupported(cmark_node* node, std::string construct_zh, std::string construct_en,
                            std::string advice_zh, std::string advice_en);

    std::uint32_t file_;
    const SourceManager& sources_;
    DiagnosticSink& sink_;
    std::uint32_t line_offset_ = 0;
    model::Document doc_;
    std::vector<Section*> stack_;  // open sections, index = heading level - 1
    std::unordered_map<cmark_node*, std::uint32_t> column_shift_;  // text nodes whose label was stripped
    mutable std::uint32_t cached_line_ = 0;
    mutable std::uint32_t cached_byte_column_ = 1;
    mutable std::uint32_t cached_column_ = 1;
    mutable std::string_view cached_text_;
    bool reported_outside_ = false;
};

model::Document MarkdownReader::read() {
    const std::string& text = sources_.file(file_).text;
    doc_.file = file_;
    doc_.location = {file_, 1, 1};
    FrontMatterSplit split = split_front_matter(text);
    if (!split.present) {
        sink_.report("FM-01", {file_, 1, 1});
    } else if (!split.closed) {
        sink_.report("FM-02", {file_, 1, 1});
        return std::move(doc_);
    } else {
        read_front_matter(split, file_, sources_, doc_.metadata, sink_);
    }
    line_offset_ = split.present ? split.body_first_line - 1 : 0;
    read_body(std::string_view(text).substr(split.present ? split.body_offset : 0));
    return std::move(doc_);
}

// cmark-gfm keeps its extensions in a global list, which its registration
// fills without a lock (Debian's 0.29.0.gfm.6): sources read on several
// threads, as in a repository check, must not register at once. C++'s static
// initialisation registers them once, before any reader looks the table up
// (ThreadSanitizer found the race: ./build.sh threads).
cmark_syntax_extension* table_extension() {
    static cmark_syntax_extension* const table = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return cmark_find_syntax_extension("table");
    }();
    return table;
}

void MarkdownReader::read_body(std::string_view body) {
    int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_FULL_INFO_STRING | CMARK_OPT_UNSAFE;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
    cmark_parser_attach_syntax_extension(parser.get(), table_extension());
    // cmark-gfm drops footnote definitions it saw no reference to, which
    // would hide both an unreferenced footnote and one referred to from a
    // raw HTML table. A paragraph after the body refers to every definition
    // once, so cmark keeps them all; the reader skips that paragraph.
    std::string referrer = footnote_referrer(body);
    auto body_lines = static_cast<int>(sources_.file(file_).line_starts.size() - line_offset_);
    cmark_parser_feed(parser.get(), body.data(), body.size());
    if (!referrer.empty()) cmark_parser_feed(parser.get(), referrer.data(), referrer.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()), cmark_node_free);
    parser.reset();  // its line buffers are no longer needed while the model is built

    collect_footnotes(root.get());
    cmark_node* node = cmark_node_first_child(root.get());
    while (node && cmark_node_get_start_line(node) <= body_lines) {  // past the body: the referrer paragraph
        cmark_node* last = node;  // the last node this step consumes (captions consume their table)
        if (is_type(node, "heading")) {
            handle_heading(node);
        } else if (is_type(node, "footnote_definition")) {
            node = cmark_node_next(node);  // read already, and kept: definitions are few
            continue;
        } else if (is_type(node, "html_block") && utf8::trim(literal(node)).starts_with("<!--")) {
            read_suppression(node, cmark_node_next(node));
        } else if (stack_.empty()) {
            if (!reported_outside_) sink_.report("DSL-01", location(node));
            reported_outside_ = true;
        } else {
            last = convert_block(node, stack_.back()->blocks, 0);
        }
        // Free what has been converted, so the cmark tree shrinks while the
        // model grows instead of both peaking together.
        cmark_node* next = cmark_node_next(last);
        for (cmark_node* done = node; done != next;) {
            cmark_node* following = cmark_node_next(done);
            cmark_node_free(done);
            done = following;
        }
        node = next;
    }
    for (auto& section : doc_.sections) {
        if (section.kind == SectionKind::TermsAndDefinitions) convert_terms(section);
    }
    model::for_each_inlines(doc_, [](Inlines& inlines) { resolve_soft_breaks(inlines); });
}

void MarkdownReader::collect_footnotes(cmark_node* document) {
    for (cmark_node* node = cmark_node_first_child(document); node; node = cmark_node_next(node)) {
        if (!is_type(node, "footnote_definition")) continue;
        // cmark keeps only the number of a footnote; the label is in the source,
        // "[^label]: text", just before the definition's content.
        std::string_view line = source_line(node);
        std::size_t column = static_cast<std::size_t>(std::max(cmark_node_get_start_column(node), 1)) - 1;
        std::string_view before = line.substr(0, std::min(column, line.size()));
        std::size_t open = before.rfind("[^");
        std::size_t close = before.rfind("]:");
        model::Footnote fn;
        if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
            fn.label = std::string(before.substr(open + 2, close - open - 2));
            fn.location = sources_.location_at_byte_column(
                file_, static_cast<std::uint32_t>(cmark_node_get_start_line(node)) + line_offset_,
                static_cast<std::uint32_t>(open + 1));
        } else {
            fn.label = "fn" + std::to_string(doc_.footnotes.size() + 1);
            fn.location = location(node);
        }
        for (cmark_node* para = cmark_node_first_child(node); para; para = cmark_node_next(para)) {
            if (!fn.content.empty()) {
                Inline br;
                br.kind = InlineKind::LineBreak;
                fn.content.push_back(br);
            }
            if (is_type(para, "paragraph")) {
                convert_inlines(para, fn.content);
            } else {
                report_unsupported(para, "脚注中的非段落内容", "non-paragraph content in a footnote",
                                   "脚注只含文字段落", "A footnote holds text paragraphs only");
            }
        }
        doc_.footnotes.push_back(std::move(fn));
    }
}

std::optional<Attributes> MarkdownReader::take_attributes(cmark_node* parent, std::string_view context,
                                                          std::initializer_list<std::string_view> allowed) {
    cmark_node* last = cmark_node_last_child(parent);
    if (!last || !is_type(last, "text")) return std::nullopt;
    std::string text(literal(last));
    auto attrs = take_trailing_attributes(text);
    if (!attrs) return std::nullopt;
    cmark_node_set_literal(last, text.c_str());
    SourceLocation where = location(parent);
    if (!attrs->id.empty() && !is_valid_id(attrs->id)) {
        sink_.report("DSL-09", where, {{"id", attrs->id}});
        attrs->id.clear();
    }
    std::vector<std::string> known(allowed.begin(), allowed.end());
    for (const auto& token : attrs->unparsed) {
        sink_.report("DSL-04", where, {{"text", token}, {"suggestion", ""}});
    }
    for (const auto& [key, value] : attrs->values) {
        bool ok = false;
        for (auto a : allowed) ok = ok || a == key;
        if (!ok) {
            std::string guess = closest_match(key, known);
            sink_.report("DSL-04", where,
                         {{"text", key + "=" + value},
                          {"suggestion",
                           guess.empty() ? "（" + std::string(context) + "不支持该属性）" : "（是否应为“" + guess + "”？）",
                           guess.empty() ? " (not an attribute of a " + std::string(context) + ")"
                                         : " (did you mean '" + guess + "'?)"}});
        }
    }
    return attrs;
}

std::string_view MarkdownReader::first_text(cmark_node* paragraph) const {
    cmark_node* first = cmark_node_first_child(paragraph);
    return first && cmark_node_get_type(first) == CMARK_NODE_TEXT ? literal(first) : std::string_view();
}

void MarkdownReader::strip_prefix(cmark_node* paragraph, std::size_t bytes) {
    cmark_node* first = cmark_node_first_child(paragraph);
    std::string text(literal(first));
    text.erase(0, bytes);
    std::size_t lead = 0;
    while (lead < text.size()) {
        if (text[lead] == ' ') ++lead;
        else if (text.compare(lead, 3, "\u3000") == 0) lead += 3;
        else break;
    }
    text.erase(0, lead);
    // cmark keeps the node's start column; the text now starts further right.
    column_shift_[first] += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(literal(first)).substr(0, bytes + lead)));
    cmark_node_set_literal(first, text.c_str());
}

// A comment block that is a suppression applies to the block after it; a
// comment at the end of a line (`target` null) to its own line.
void MarkdownReader::read_suppression(cmark_node* comment, cmark_node* target) {
    model::Suppression suppression;
    if (!model::parse_suppression(utf8::trim(literal(comment)), suppression)) return;
    suppression.location = location(comment);
    if (suppression.first_line == 0 && suppression.last_line == 0 && literal(comment).find("bzc-ignore-file") == std::string_view::npos) {
        auto line = [&](cmark_node* n, bool end) {
            return static_cast<std::uint32_t>(end ? cmark_node_get_end_line(n) : cmark_node_get_start_line(n)) + line_offset_;
        };
        if (target) {
            suppression.first_line = line(target, false);
            suppression.last_line = std::max(line(target, true), suppression.first_line);
        } else {
            suppression.first_line = suppression.last_line = suppression.location.line;
        }
    }
    doc_.suppressions.push_back(std::move(suppression));
}

void MarkdownReader::report_unsupported(cmark_node* node, std::string construct_zh, std::string construct_en,
                                        std::string advice_zh, std::string advice_en) {
    sink_.report("DSL-06", location(node),
                 {{"construct", std::move(construct_zh), std::move(construct_en)},
                  {"advice", std::move(advice_zh), std::move(advice_en)}});
}

// ---------------------------------------------------------------- headings

void MarkdownReader::handle_heading(cmark_node* heading) {
    int level = cmark_node_get_heading_level(heading);
    auto attrs = take_attributes(heading, "标题", {"pinyin"});
    Inlines title;
    convert_inlines(heading, title);
    std::string plain(utf8::trim(model::plain_text(title)));
    SourceLocation where = location(heading);

    Section section;
    section.location = where;
    if (attrs) {
        section.id = attrs->id;
        if (const std::string* pinyin = attrs->get("pinyin")) section.term.pinyin = *pinyin;
    }

    if (level == 1) {
        stack_.clear();
        // Published standards letter-space two-character titles (前　言); accept that.
        std::string compact;
        for (std::size_t i = 0; i < plain.size();) {
            if (plain.compare(i, 3, "\u3000") == 0) { i += 3; continue; }
            if (plain[i] == ' ') { ++i; continue; }
            compact += plain[i++];
        }
        static constexpr std::pair<std::string_view, SectionKind> fixed[] = {
            {"前言", SectionKind::Foreword}, {"引言", SectionKind::Introduction},
            {"参考文献", SectionKind::Bibliography}, {"索引", SectionKind::Index}};
        bool is_fixed = false;
        for (const auto& [name, kind] : fixed) {
            if (compact == name) {
                section.kind = kind;
                is_fixed = true;
            }
        }
        if (is_fixed) {
            // The title is fixed: bzc prints it.
        } else if (plain.starts_with("附录")) {
            section.kind = SectionKind::Annex;
            std::string_view rest = std::string_view(plain).substr(std::strlen("附录"));
            rest = utf8::trim(rest);
            bool known = false;
            for (auto [open, close] : {std::pair{"（", "）"}, std::pair{"(", ")"}}) {
                for (auto [word, obligation] : {std::pair{"规范性", model::AnnexObligation::Normative},
                                                std::pair{"资料性", model::AnnexObligation::Informative}}) {
                    std::string marker = std::string(open) + word + close;
                    if (rest.starts_with(marker)) {
                        section.obligation = obligation;
                        rest.remove_prefix(marker.size());
                        known = true;
                    }
                }
            }
            if (!known) sink_.report("DSL-07", where);
            rest = utf8::trim(rest);
            // The title inlines lose the "附录（…）" prefix; it is printed by bzc.
            Inlines annex_title;
            std::size_t prefix_bytes = plain.size() - rest.size();
            std::size_t skipped = 0;
            for (auto& in : title) {
                if (skipped < prefix_bytes && in.kind == InlineKind::Text) {
                    std::size_t take = std::min(prefix_bytes - skipped, in.text.size());
                    skipped += take;
                    std::string remaining(utf8::trim(in.text.substr(take)));
                    if (!remaining.empty()) append_plain_text(annex_title, remaining, in.location);
                    continue;
                }
                annex_title.push_back(std::move(in));
            }
            section.title = std::move(annex_title);
        } else {
            section.kind = model::chapter_kind_for_title(plain);
            section.title = std::move(title);
        }
        section.titled = true;
        doc_.sections.push_back(std::move(section));
        stack_.push_back(&doc_.sections.back());
        return;
    }

    if (stack_.empty()) {
        if (!reported_outside_) sink_.report("DSL-01", where);
        reported_outside_ = true;
        return;
    }
    if (static_cast<std::size_t>(level) > stack_.size() + 1) {
        sink_.report("DSL-02", where, {{"from", std::to_string(stack_.size())}, {"to", std::to_string(level)}});
        level = static_cast<int>(stack_.size()) + 1;
    }
    stack_.resize(static_cast<std::size_t>(level - 1));
    section.kind = SectionKind::Clause;
    section.titled = !plain.empty();
    if (section.titled) section.title = std::move(title);
    Section* parent = stack_.back();
    parent->children.push_back(std::move(section));
    stack_.push_back(&parent->children.back());
}

// ------------------------------------------------------------------ blocks

void MarkdownReader::convert_container(cmark_node* parent, Blocks& out, int depth) {
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
        node = convert_block(node, out, depth);
    }
}

cmark_node* MarkdownReader::convert_block(cmark_node* node, Blocks& out, int depth) {
    if (depth > limits::max_block_nesting) {
        sink_.report("LIMIT-02", location(node), {{"limit", std::to_string(limits::max_block_nesting)}});
        // Skip the rest of this container: everything inside is too deep as well.
        cmark_node* last = node;
        while (cmark_node_next(last)) last = cmark_node_next(last);
        return last;
    }
    std::string_view type = type_name(node);
    if (type == "paragraph") {
        std::string_view text = first_text(node);
        if (text.starts_with("表：") || text.starts_with("表:")) return convert_caption(node, out, true);
        if (text.starts_with("图：") || text.starts_with("图:")) return convert_caption(node, out, false);
        if (is_image_only_paragraph(node)) {
            Block block;
            block.location = location(node);
            block.value = figure_from_images(node);
            out.push_back(std::move(block));
            return take_object_notes(node, out.back().as<model::Figure>().notes, "图注");
        }
        if (utf8::trim(text) == "式中：" || utf8::trim(text) == "式中:") {
            cmark_node* next = cmark_node_next(node);
            if (out.empty() || !out.back().is<model::Formula>() || !is_type(next, "list")) {
                sink_.report("DSL-12", location(node));
                return node;
            }
            convert_where(next, out.back().as<model::Formula>());
            return next;
        }
        convert_paragraph(node, out);
        return node;
    }
    if (type == "list") {
        Block block;
        block.location = location(node);
        model::List list;
        list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            model::ListItem li;
            li.location = location(item);
            cmark_node* first = cmark_node_first_child(item);
            if (first && is_type(first, "paragraph")) {
                if (auto attrs = take_attributes(first, "列项")) li.id = attrs->id;
            }
            convert_container(item, li.blocks, depth + 1);
            list.items.push_back(std::move(li));
        }
        block.value = std::move(list);
        out.push_back(std::move(block));
        return node;
    }
    if (type == "block_quote") {
        cmark_node* first = cmark_node_first_child(node);
        std::string_view text = first && is_type(first, "paragraph") ? first_text(first) : std::string_view();
        std::size_t note = labelled_prefix(text, "注");
        std::size_t example = labelled_prefix(text, "示例");
        if (!note && !example) {
            report_unsupported(node, "引用块", "a block quote", "多段的注或示例写作以“> 注：”或“> 示例：”开始的引用块",
                               "A multi-paragraph note or example is a block quote starting with '> 注：' or '> 示例：'");
            return node;
        }
        strip_prefix(first, note ? note : example);
        Block block;
        block.location = location(node);
        Blocks inner;
        convert_container(node, inner, depth + 1);
        if (note) block.value = model::Note{std::move(inner), {}};
        else block.value = model::Example{std::move(inner), {}};
        out.push_back(std::move(block));
        return node;
    }
    if (type == "code_block") {
        std::string info(utf8::trim(cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : ""));
        if (info == "math" || info.starts_with("math ") || info.starts_with("math{")) {
            model::Formula formula;
            std::string attr_text = info.substr(4);
            if (auto attrs = take_trailing_attributes(attr_text)) {
                if (!attrs->id.empty() && !is_valid_id(attrs->id)) sink_.report("DSL-09", location(node), {{"id", attrs->id}});
                else formula.id = attrs->id;
            }
            formula.tex = std::string(utf8::trim(literal(node)));
            if (formula.tex.empty()) sink_.report("DSL-14", location(node));
            Block block;
            block.location = location(node);
            block.value = std::move(formula);
            out.push_back(std::move(block));
            return node;
        }
        report_unsupported(node, "代码块", "a code block", "公式写作“```math”代码块；其他代码请写在示例中作为文字",
                           "Formulas are '```math' blocks; other code goes into an example as text");
        return node;
    }
    if (type == "html_block") {
        std::string_view html = utf8::trim(literal(node));
        if (html.starts_with("<!--")) {
            read_suppression(node, cmark_node_next(node));
            return node;
        }
        if (html.starts_with("<table") || html.starts_with("<TABLE")) {
            Block block;
            block.location = location(node);
            model::Table table;
            if (!convert_html_table(node, table)) return node;
            block.value = std::move(table);
            out.push_back(std::move(block));
            return take_object_notes(node, out.back().as<model::Table>().notes, "表注");
        }
        report_unsupported(node, "HTML块", "an HTML block", "只有<table>（用于合并单元格）和注释可以写作HTML",
                           "Only <table> (for merged cells) and comments may be written as HTML");
        return node;
    }
    if (type == "table") {
        Block block;
        block.location = location(node);
        model::Table table;
        convert_table(node, table);
        block.value = std::move(table);
        out.push_back(std::move(block));
        return take_object_notes(node, out.back().as<model::Table>().notes, "表注");
    }
    if (type == "thematic_break") {
        report_unsupported(node, "分隔线", "a thematic break", "标准中不使用分隔线；分页由bzc排版决定",
                           "Standards have no thematic breaks; bzc decides page breaks");
        return node;
    }
    if (type == "heading") {
        report_unsupported(node, "列项或注中的标题", "a heading inside a list or note", "标题只能写在顶层",
                           "Headings are written at the top level only");
        return node;
    }
    if (type == "footnote_definition") return node;
    report_unsupported(node, std::string(type), std::string(type), "", "");
    return node;
}

void MarkdownReader::convert_paragraph(cmark_node* node, Blocks& out) {
    std::string_view text = first_text(node);
    Block block;
    block.location = location(node);
    std::size_t note = labelled_prefix(text, "注");
    std::size_t example = labelled_prefix(text, "示例");
    if (note || example) strip_prefix(node, note ? note : example);
    model::Paragraph paragraph;
    convert_inlines(node, paragraph.content);
    if (note || example) {
        Block inner;
        inner.location = block.location;
        inner.value = std::move(paragraph);
        Blocks blocks;
        blocks.push_back(std::move(inner));
        if (note) block.value = model::Note{std::move(blocks), {}};
        else block.value = model::Example{std::move(blocks), {}};
    } else {
        block.value = std::move(paragraph);
    }
    out.push_back(std::move(block));
}

// 表：caption {#id} (and an optional line 单位为…) before a table, or
// 图：caption {#id} before a paragraph of images (one figure or subfigures).
cmark_node* MarkdownReader::convert_caption(cmark_node* node, Blocks& out, bool table) {
    std::string label = table ? "表" : "图";
    cmark_node* next = cmark_node_next(node);
    std::size_t prefix = first_text(node).starts_with(std::string(label) + "：") ? label.size() + std::strlen("：") : label.size() + 1;
    strip_prefix(node, prefix);

    // A line of the caption paragraph that starts with 单位为 is the unit line.
    std::string unit;
    if (table) {
        for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
            if (is_type(c, "softbreak") && is_type(cmark_node_next(c), "text") &&
                literal(cmark_node_next(c)).starts_with("单位")) {
                cmark_node* unit_node = cmark_node_next(c);
                unit = std::string(utf8::trim(literal(unit_node)));
                cmark_node_free(unit_node);
                cmark_node_free(c);
                break;
            }
        }
    }
    auto attrs = take_attributes(node, table ? "表题" : "图题");
    Inlines caption;
    convert_inlines(node, caption);
    Block block;
    block.location = location(node);
    std::string caption_text(utf8::trim(model::plain_text(caption)));

    if (table) {
        model::Table t;
        bool ok = false;
        if (is_type(next, "table")) {
            convert_table(next, t);
            ok = true;
        } else if (is_type(next, "html_block") && utf8::trim(literal(next)).starts_with("<table")) {
            ok = convert_html_table(next, t);
            if (!ok) return next;
        }
        if (!ok) {
            sink_.report("DSL-05", block.location, {{"caption", label + "：" + caption_text}, {"object", "表格", "a table"}});
            return node;
        }
        t.caption = std::move(caption);
        t.unit = std::move(unit);
        if (attrs) t.id = attrs->id;
        block.value = std::move(t);
        out.push_back(std::move(block));
        return take_object_notes(next, out.back().as<model::Table>().notes, "表注");
    }
    if (!is_type(next, "paragraph") || !is_image_only_paragraph(next)) {
        sink_.report("DSL-05", block.location, {{"caption", label + "：" + caption_text}, {"object", "图片", "an image"}});
        return node;
    }
    model::Figure figure = figure_from_images(next);
    if (figure.subfigures.empty() && !figure.image.empty()) {
        // One image: the caption line gives the figure's caption and id.
        figure.caption = std::move(caption);
        if (attrs && !attrs->id.empty()) figure.id = attrs->id;
    } else {
        figure.caption = std::move(caption);
        if (attrs) figure.id = attrs->id;
    }
    block.value = std::move(figure);
    out.push_back(std::move(block));
    return take_object_notes(next, out.back().as<model::Figure>().notes, "图注");
}

model::Figure MarkdownReader::figure_from_images(cmark_node* para) {
    model::Figure figure;
    std::vector<model::Subfigure> images;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
        if (!is_type(c, "image")) continue;
        model::Subfigure sub;
        sub.location = location(c);
        sub.image = cmark_node_get_url(c) ? cmark_node_get_url(c) : "";
            convert_inlines(c, sub.caption);
        // The attribute block is the text right after the image: ![..](..){#id}
        cmark_node* after = cmark_node_next(c);
        if (after && is_type(after, "text")) {
            std::string text(literal(after));
            if (auto attrs = take_trailing_attributes(text)) {
                if (!attrs->id.empty() && !is_valid_id(attrs->id)) sink_.report("DSL-09", sub.location, {{"id", attrs->id}});
                else sub.id = attrs->id;
            }
        }
        images.push_back(std::move(sub));
    }
    if (images.size() == 1) {
        figure.image = std::move(images[0].image);
        figure.caption = std::move(images[0].caption);
        figure.id = std::move(images[0].id);
    } else {
        figure.subfigures = std::move(images);
    }
    return figure;
}

// Paragraphs starting with 表注：/图注： right after a table or figure are its notes.
cmark_node* MarkdownReader::take_object_notes(cmark_node* node, std::vector<model::Note>& notes, std::string_view label) {
    while (true) {
        cmark_node* next = cmark_node_next(node);
        if (!is_type(next, "paragraph")) return node;
        std::size_t prefix = labelled_prefix(first_text(next), label);
        if (!prefix) return node;
        strip_prefix(next, prefix);
        model::Paragraph paragraph;
            convert_inlines(next, paragraph.content);
        Block block;
        block.location = location(next);
        block.value = std::move(paragraph);
        model::Note note;
        note.blocks.push_back(std::move(block));
        notes.push_back(std::move(note));
        node = next;
    }
}

void MarkdownReader::convert_where(cmark_node* list, model::Formula& formula) {
    static constexpr std::string_view dash = "——";
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        cmark_node* para = cmark_node_first_child(item);
        model::WhereItem entry;
        entry.location = location(item);
        if (!para || !is_type(para, "paragraph")) continue;
        Inlines inlines;
            convert_inlines(para, inlines);
        bool split = false;
        for (auto& in : inlines) {
            if (split) {
                entry.explanation.push_back(std::move(in));
                continue;
            }
            std::size_t pos = in.kind == InlineKind::Text ? in.text.find(dash) : std::string::npos;
            if (pos == std::string::npos) {
                entry.symbol.push_back(std::move(in));
                continue;
            }
            split = true;
            // Only the white space next to the dash goes; "第 $i$ 项" keeps its spaces.
            std::string before = in.text.substr(0, pos);
            while (!before.empty() && before.back() == ' ') before.pop_back();
            std::string after = in.text.substr(pos + dash.size());
            after.erase(0, after.find_first_not_of(' ') == std::string::npos ? after.size() : after.find_first_not_of(' '));
            if (!before.empty()) append_plain_text(entry.symbol, before, in.location);
            if (!after.empty()) append_plain_text(entry.explanation, after, in.location);
        }
        if (!split) {
            report_unsupported(item, "没有“——”的式中说明", "a 式中 line without '——'",
                               "每行写作“符号——说明”，如“$r$——比率；”", "Write each line as 'symbol——explanation', e.g. '$r$——比率；'");
            continue;
        }
        formula.where.push_back(std::move(entry));
    }
}

void MarkdownReader::convert_table(cmark_node* node, model::Table& table) {
    uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
    if (columns > limits::max_table_columns) {
        sink_.report("LIMIT-03", location(node),
                     {{"columns", std::to_string(columns)}, {"limit", std::to_string(limits::max_table_columns)}});
        return;
    }
    uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
    std::size_t cells = 0;
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        model::TableRow r;
        r.header = is_type(row, "table_header") || cmark_gfm_extensions_get_table_row_is_header(row);
        uint16_t column = 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++column) {
            model::TableCell c;
            c.location = location(cell);
            if (alignments && column < columns) {
                switch (alignments[column]) {
                    case 'l': c.alignment = model::Alignment::Left; break;
                    case 'c': c.alignment = model::Alignment::Center; break;
                    case 'r': c.alignment = model::Alignment::Right; break;
                    default: break;
                }
            }
                    convert_inlines(cell, c.content);
            r.cells.push_back(std::move(c));
        }
        cells += r.cells.size();
        if (cells > limits::max_table_cells) {
            sink_.report("LIMIT-04", location(node), {{"limit", std::to_string(limits::max_table_cells)}});
            table.rows.clear();
            return;
        }
        table.rows.push_back(std::move(r));
    }
}

bool MarkdownReader::convert_html_table(cmark_node* node, model::Table& table) {
    std::uint32_t first_line = static_cast<std::uint32_t>(cmark_node_get_start_line(node)) + line_offset_;
    std::string error = read_html_table(
        literal(node), [&](long line) { return SourceLocation{file_, first_line + static_cast<std::uint32_t>(std::max(line, 1L) - 1), 1}; },
        table);
    if (!error.empty()) {
        sink_.report("DSL-13", location(node), {{"reason", error}});
        return false;
    }
    if (table.column_count() > limits::max_table_columns) {
        sink_.report("LIMIT-03", location(node),
                     {{"columns", std::to_string(table.column_count())}, {"limit", std::to_string(limits::max_table_columns)}});
        table.rows.clear();
    }
    return true;
}

// ----------------------------------------------------------------- inlines

void MarkdownReader::convert_inlines(cmark_node* parent, Inlines& out, int depth) {
    if (depth > limits::max_inline_nesting) {
        sink_.report("LIMIT-02", location(parent), {{"limit", std::to_string(limits::max_inline_nesting)}});
        return;
    }
    // <sub>…</sub> and <sup>…</sup> arrive as separate inline HTML nodes;
    // `targets` holds where text goes while such a span is open.
    std::vector<Inlines*> targets{&out};
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
        Inlines& target = *targets.back();
        cmark_node_type type = cmark_node_get_type(node);
        SourceLocation where = location(node);
        if (!column_shift_.empty()) {
            auto shift = column_shift_.find(node);
            if (shift != column_shift_.end()) where.column += shift->second;
        }
        if (type == CMARK_NODE_TEXT) {
            std::string_view text = literal(node);
            append_text_with_conventions(text, where, target);
        } else if (type == CMARK_NODE_SOFTBREAK) {
            // Kept as a newline until term entries have been split into
            // lines; resolve_soft_breaks then turns it into a space or nothing.
            append_plain_text(target, "\n", where);
        } else if (type == CMARK_NODE_LINEBREAK) {
            Inline br;
            br.kind = InlineKind::LineBreak;
            br.location = where;
            target.push_back(std::move(br));
        } else if (type == CMARK_NODE_CODE) {
            Inline code;
            code.kind = InlineKind::Code;
            code.text = std::string(literal(node));
            code.location = where;
            target.push_back(std::move(code));
        } else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG) {
            Inline span;
            span.kind = type == CMARK_NODE_EMPH ? InlineKind::Emphasis : InlineKind::Strong;
            span.location = where;
            convert_inlines(node, span.children, depth + 1);
            target.push_back(std::move(span));
        } else if (type == CMARK_NODE_LINK) {
            std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
            if (url.starts_with("#")) {
                Inline ref;
                ref.kind = InlineKind::CrossReference;
                ref.text = url.substr(1);
                ref.location = where;
                Inlines ignored;
                convert_inlines(node, ignored, depth + 1);
                std::string shown(utf8::trim(model::plain_text(ignored)));
                if (!shown.empty()) sink_.report("DSL-11", where, {{"text", shown}, {"id", ref.text}});
                target.push_back(std::move(ref));
            } else {
                Inlines shown;
                convert_inlines(node, shown, depth + 1);
                if (model::plain_text(shown) != url) {
                    report_unsupported(node, "外部链接", "an external link", "网址直接写作文字",
                                       "Write a web address as plain text");
                }
                for (auto& in : shown) target.push_back(std::move(in));
            }
        } else if (type == CMARK_NODE_IMAGE) {
            report_unsupported(node, "文字中的图片", "an image inside text",
                               "图片单独成段，写作“![图题](文件){#标识符}”", "An image is a paragraph of its own: '![caption](file){#id}'");
        } else if (type == CMARK_NODE_HTML_INLINE) {
            std::string tag(literal(node));
            for (auto& ch : tag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (tag == "<sub>" || tag == "<sup>") {
                Inline span;
                span.kind = tag == "<sub>" ? InlineKind::Subscript : InlineKind::Superscript;
                span.location = where;
                target.push_back(std::move(span));
                targets.push_back(&target.back().children);
            } else if (tag == "</sub>" || tag == "</sup>") {
                if (targets.size() > 1) targets.pop_back();
            } else if (tag == "<br>" || tag == "<br/>" || tag == "<br />") {
                Inline br;
                br.kind = InlineKind::LineBreak;
                br.location = where;
                target.push_back(std::move(br));
            } else if (tag.starts_with("<!--")) {
                read_suppression(node, nullptr);
            } else {
                report_unsupported(node, "HTML标签" + tag, "the HTML tag " + tag,
                                   "文字中只可使用<sub>、<sup>和<br>", "Only <sub>, <sup> and <br> may be used in text");
            }
        } else if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
            // cmark keeps the footnote's number; the label is in the source: [^label]
            std::string_view line_text = source_line(node);
            std::size_t col = static_cast<std::size_t>(std::max(cmark_node_get_start_column(node), 1)) - 1;
            std::string label;
            if (col < line_text.size() && line_text.substr(col).starts_with("[^")) {
                std::size_t close = line_text.find(']', col);
                if (close != std::string_view::npos) label = std::string(line_text.substr(col + 2, close - col - 2));
            }
            if (label.empty()) {
                std::size_t ordinal = static_cast<std::size_t>(std::atoi(std::string(literal(node)).c_str()));
                if (ordinal >= 1 && ordinal <= doc_.footnotes.size()) label = doc_.footnotes[ordinal - 1].label;
            }
            Inline ref;
            ref.kind = InlineKind::FootnoteReference;
            ref.text = label;
            ref.location = where;
            target.push_back(std::move(ref));
        } else {
            std::string name(type_name(node));
            report_unsupported(node, name, name, "", "");
        }
    }
}

// ------------------------------------------------------------------- terms

// Under 术语和定义, a heading without sub-headings is a term entry; headings
// with sub-headings group entries (3.1 文件, 3.1.1 …).
void MarkdownReader::convert_terms(Section& section) {
    for (auto& child : section.children) {
        if (child.kind != SectionKind::Clause || !child.titled) continue;
        if (child.children.empty()) convert_term_entry(child);
        else convert_terms(child);
    }
}

void MarkdownReader::convert_term_entry(Section& section) {
    section.kind = SectionKind::TermEntry;
    section.term.preferred = std::string(utf8::trim(model::plain_text(section.title)));
    section.title.clear();
    Blocks rest;
    bool first_paragraph = true;
    for (auto& block : section.blocks) {
        if (!block.is<model::Paragraph>()) {
            rest.push_back(std::move(block));
            continue;
        }
        auto& content = block.as<model::Paragraph>().content;
        std::string whole = model::plain_text(content);
        std::string_view trimmed = utf8::trim(whole);
        if ((trimmed.starts_with("[来源：") || trimmed.starts_with("[来源:")) && trimmed.ends_with("]")) {
            // Drop the brackets and the label from the inlines.
            std::size_t label = trimmed.starts_with("[来源：") ? std::strlen("[来源：") : std::strlen("[来源:");
            if (!content.empty() && content.front().kind == InlineKind::Text) {
                auto& t = content.front().text;
                std::size_t at = t.find("[来源");
                if (at != std::string::npos) {
                    // The citations inside keep their columns.
                    if (content.front().location.known()) {
                        content.front().location.column +=
                            static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(t).substr(0, at + label)));
                    }
                    t.erase(0, at + label);
                }
            }
            if (!content.empty() && content.back().kind == InlineKind::Text) {
                auto& t = content.back().text;
                auto close = t.rfind(']');
                if (close != std::string::npos) t.erase(close);
            }
            section.term.source = std::move(content);
            section.term.source_location = block.location;
            continue;
        }
        if (!first_paragraph) {
            if (section.term.definition.empty()) {
                section.term.definition = std::move(content);
                continue;
            }
            sink_.report("DSL-06", block.location,
                         {{"construct", "术语条目中的第二段定义", "a second definition paragraph in a term entry"},
                          {"advice", "定义只有一段；补充信息写作“注：”", "A definition is one paragraph; put more in a 注："}});
            continue;
        }
        first_paragraph = false;
        // The first paragraph holds, line by line: the English equivalent (no
        // Chinese characters; "…；ABBR" adds the abbreviation), lines with
        // 许用术语： or 符号：, then the definition.
        std::vector<Inlines> lines(1);
        for (auto& in : content) {
            if (in.kind == InlineKind::Text) {
                std::string_view text = in.text;
                SourceLocation at = in.location;
                std::size_t nl;
                while ((nl = text.find('\n')) != std::string_view::npos) {
                    append_plain_text(lines.back(), text.substr(0, nl), at);
                    lines.emplace_back();
                    text.remove_prefix(nl + 1);
                    // The soft line break starts the next source line.
                    if (at.known()) {
                        ++at.line;
                        at.column = 1;
                    }
                }
                append_plain_text(lines.back(), text, at);
            } else if (in.kind == InlineKind::LineBreak) {
                lines.emplace_back();
            } else {
                lines.back().push_back(std::move(in));
            }
        }
        Inlines definition;
        bool english_done = false;
        for (auto& line : lines) {
            std::string text(utf8::trim(model::plain_text(line)));
            if (text.empty()) continue;
            bool has_han = false;
            for (std::size_t p = 0; p < text.size() && !has_han;) has_han = utf8::is_han(utf8::decode(text, p));
            if (!english_done && definition.empty() && !has_han && section.term.admitted.empty()) {
                english_done = true;
                std::size_t semi = text.find("；");
                if (semi == std::string::npos) semi = text.find(';');
                if (semi != std::string::npos) {
                    section.term.english = std::string(utf8::trim(text.substr(0, semi)));
                    std::size_t skip = text.compare(semi, 3, "；") == 0 ? 3 : 1;
                    section.term.abbreviation = std::string(utf8::trim(text.substr(semi + skip)));
                } else {
                    section.term.english = text;
                }
                continue;
            }
            if (definition.empty() && (text.starts_with("许用术语：") || text.starts_with("许用术语:"))) {
                std::size_t skip = text.starts_with("许用术语：") ? std::strlen("许用术语：") : std::strlen("许用术语:");
                section.term.admitted.emplace_back(utf8::trim(text.substr(skip)));
                continue;
            }
            if (definition.empty() && (text.starts_with("符号：") || text.starts_with("符号:"))) {
                // Keep the line's inlines (math, subscripts) without the label.
                std::size_t skip = text.starts_with("符号：") ? std::strlen("符号：") : std::strlen("符号:");
                if (!line.empty() && line.front().kind == InlineKind::Text) {
                    auto& first = line.front().text;
                    std::size_t at = first.find(text.substr(0, skip));
                    if (at != std::string::npos) first.erase(0, at + skip);
                    if (first.empty()) line.erase(line.begin());
                }
                section.term.symbol = std::move(line);
                continue;
            }
            for (auto& in : line) definition.push_back(std::move(in));
        }
        if (!definition.empty() && definition.front().kind == InlineKind::Text) {
            definition.front().text = std::string(utf8::trim(definition.front().text));
        }
        section.term.definition = std::move(definition);
    }
    section.blocks = std::move(rest);
}

}  // namespace

model::Document read_markdown(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    MarkdownReader reader(file, sources, sink);
    return reader.read();
}

}  // namespace bzc::frontend
