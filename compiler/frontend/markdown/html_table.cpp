#include "frontend/markdown/html_table.h"

#include "frontend/markdown/inline_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

namespace bzc::frontend {

namespace {

bool is(const xmlNode* node, const char* name) {
    return node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

int span_attribute(const xmlNode* node, const char* name) {
    std::string text = attribute(node, name);
    int value = 1;
    auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || value < 1) return 1;
    return std::min(value, 1000);
}

model::Alignment alignment_of(const xmlNode* cell) {
    std::string align = attribute(cell, "align");
    std::string style = attribute(cell, "style");
    auto has = [&](const char* word) { return align == word || style.find(std::string("text-align:") + word) != std::string::npos ||
                                              style.find(std::string("text-align: ") + word) != std::string::npos; };
    if (has("center")) return model::Alignment::Center;
    if (has("right")) return model::Alignment::Right;
    if (has("left")) return model::Alignment::Left;
    return model::Alignment::Default;
}

// HTML collapses runs of white space; between Chinese characters a line
// break in the source is no space at all, so only ASCII runs become a space.
std::string collapse_space(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            unsigned char last = static_cast<unsigned char>(out.back());
            if (last < 0x80 && static_cast<unsigned char>(c) < 0x80) out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

// Reads a cell's content. A table inside a cell, or markup nested deeper
// than any real cell holds, is an error (`error` gets the reason).
void read_inlines(const xmlNode* parent, model::Inlines& out, SourceLocation location, int depth, std::string& error) {
    if (depth > 16) {
        error = "cell content nested too deep";
        return;
    }
    for (const xmlNode* n = parent->children; n && error.empty(); n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            // Cell text follows the DSL's conventions: $math$, H~2~O, [^a] …
            append_text_with_conventions(collapse_space(reinterpret_cast<const char*>(n->content)), location, out);
        } else if (is(n, "br")) {
            model::Inline br;
            br.kind = model::InlineKind::LineBreak;
            br.location = location;
            out.push_back(std::move(br));
        } else if (is(n, "table")) {
            error = "a table inside a table cell; write the inner table as a table of its own";
        } else if (n->type == XML_ELEMENT_NODE) {
            model::InlineKind kind;
            if (is(n, "sub")) kind = model::InlineKind::Subscript;
            else if (is(n, "sup")) kind = model::InlineKind::Superscript;
            else if (is(n, "em") || is(n, "i")) kind = model::InlineKind::Emphasis;
            else if (is(n, "strong") || is(n, "b")) kind = model::InlineKind::Strong;
            else {
                read_inlines(n, out, location, depth + 1, error);  // <span>, <p> …: keep the text
                continue;
            }
            model::Inline in;
            in.kind = kind;
            in.location = location;
            read_inlines(n, in.children, location, depth + 1, error);
            out.push_back(std::move(in));
        }
    }
    // Trim the edges of the cell text.
    if (!out.empty() && out.front().kind == model::InlineKind::Text) {
        auto& t = out.front().text;
        t.erase(0, t.find_first_not_of(' '));
    }
    if (!out.empty() && out.back().kind == model::InlineKind::Text) {
        auto& t = out.back().text;
        t.erase(t.find_last_not_of(' ') + 1);
    }
}

// The outermost <table>: the HTML parser puts it under <html><body>, so a
// shallow search suffices and no hostile nesting is walked.
const xmlNode* find_table(const xmlNode* node, int depth = 0) {
    for (const xmlNode* n = node; n && depth < 4; n = n->next) {
        if (is(n, "table")) return n;
        if (const xmlNode* inner = find_table(n->children, depth + 1)) return inner;
    }
    return nullptr;
}

}  // namespace

std::string read_html_table(std::string_view html, const std::function<SourceLocation(long line)>& locate,
                            model::Table& table) {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT),
        xmlFreeDoc);
    if (!doc) return "libxml2 could not parse it";
    const xmlNode* t = find_table(xmlDocGetRootElement(doc.get()));
    if (!t) return "no <table> element";

    std::string error;
    auto read_row = [&](const xmlNode* tr, bool in_head) {
        model::TableRow row;
        bool all_th = true;
        for (const xmlNode* cell = tr->children; cell; cell = cell->next) {
            if (!is(cell, "td") && !is(cell, "th")) continue;
            if (!is(cell, "th")) all_th = false;
            model::TableCell c;
            c.location = locate(xmlGetLineNo(cell));
            c.row_span = span_attribute(cell, "rowspan");
            c.column_span = span_attribute(cell, "colspan");
            c.alignment = alignment_of(cell);
            read_inlines(cell, c.content, c.location, 0, error);
            row.cells.push_back(std::move(c));
        }
        row.header = in_head || (all_th && !row.cells.empty());
        if (!row.cells.empty()) table.rows.push_back(std::move(row));
    };
    for (const xmlNode* n = t->children; n; n = n->next) {
        if (is(n, "caption") && table.caption.empty()) {
            read_inlines(n, table.caption, locate(xmlGetLineNo(n)), 0, error);
        } else if (is(n, "tr")) {
            read_row(n, false);
        } else if (is(n, "thead") || is(n, "tbody") || is(n, "tfoot")) {
            for (const xmlNode* tr = n->children; tr; tr = tr->next) {
                if (is(tr, "tr")) read_row(tr, is(n, "thead"));
            }
        }
    }
    if (!error.empty()) return error;
    if (table.rows.empty()) return "the table has no rows";
    return {};
}

}  // namespace bzc::frontend
