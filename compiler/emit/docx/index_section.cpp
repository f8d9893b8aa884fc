// The 索引 (GB/T 1.1—2020 8.14): on a new page, its title and the titles of
// its lists (汉语拼音索引, 英文对应词索引) across the page, the letters and
// entries in two columns, as published standards set it. Word balances the
// columns of a section that a continuous break ends, so each list's columns
// end level; the page numbers and headers go on from the body.

#include "analysis/term_index.h"
#include "emit/docx/document_writer.h"
#include "support/utf8.h"

namespace bzc::emit::docx {

bool is_index_list_title(const model::Paragraph& p) {
    std::string plain = model::plain_text(p.content);
    std::string_view text = utf8::trim(plain);
    return text == analysis::index_list_title(analysis::IndexLanguage::Chinese) ||
           text == analysis::index_list_title(analysis::IndexLanguage::English);
}

namespace {

bool is_list_title(const model::Block& b) { return b.is<model::Paragraph>() && is_index_list_title(b.as<model::Paragraph>()); }

}  // namespace

void DocumentWriter::index_element(const model::Section& s) {
    const PageLayout across{true, false, "decimal", false, 1};   // a new page, the numbers going on
    const PageLayout columns{true, true, "decimal", false, index_columns};
    const PageLayout after{true, true, "decimal", false, 1};     // what may follow on the last page
    // The blocks from `i` on start with entries: the paragraph before them
    // across the page closes its section.
    auto columns_from = [&](std::size_t i) { return i < s.blocks.size() && !is_list_title(s.blocks[i]); };

    end_section(across);
    if (columns_from(0)) section_ends_with_next_paragraph_ = columns;
    begin_paragraph(ParagraphFormat("BZIndexHeading"));
    if (s.title.empty()) run(model::fixed_title(s.kind), {});
    else inlines(s.title, {});
    end_paragraph();

    BlockContext c;
    c.element = model::SectionKind::Index;
    bool in_columns = columns_from(0);
    for (std::size_t i = 0; i < s.blocks.size(); ++i) {
        if (is_list_title(s.blocks[i])) {
            if (in_columns) end_section(after);
            in_columns = columns_from(i + 1);
            if (in_columns) section_ends_with_next_paragraph_ = columns;
        }
        block(s.blocks[i], c);
    }
    // Sub-clauses (reported by the checks) stay in the columns.
    for (const auto& child : s.children) clause(child, ClauseFamily::Body, c);
    if (in_columns) end_section(after);
}

// An entry: its term, then a tab whose dotted leader runs to the number at
// the column's edge (the style's tab stop). The gap the source puts between
// term and number (the full-width space of a generated entry, or the spaces
// and leaders of a hand-written one) gives way to the tab; an entry without
// a number, or whose number is not plain text at its end, prints as written.
void DocumentWriter::index_line(const model::Inlines& content, const RunFormat& f) {
    if (!content.empty() && content.back().kind == model::InlineKind::Text) {
        const std::string& last = content.back().text;
        analysis::IndexLineParts parts = analysis::split_index_line(last);
        if (parts.has_number()) {
            inlines(model::Inlines(content.begin(), content.end() - 1), f);
            if (parts.term_end > 0) run(last.substr(0, parts.term_end), f);
            tab();
            run(last.substr(parts.number_begin, parts.number_end - parts.number_begin), f);
            return;
        }
    }
    inlines(content, f);
}

}  // namespace bzc::emit::docx
