// Footnotes (catalog §C.4): in running text 1), 2) … in word/footnotes.xml,
// each with bzc's computed mark as a custom mark (Word's own footnote
// numbers would print 1, not 1)); a footnote referred to again repeats its
// mark. Inside a table or figure the marks a, b … are collected for it, and
// its footnotes printed under it: a table's under its body, inside its frame
// (tables.cpp), a figure's under its notes, above 图题 (figures.cpp).

#include "emit/docx/document_writer.h"

#include <algorithm>

namespace bzc::emit::docx {

void DocumentWriter::footnote_reference(const model::Inline& in, const RunFormat& f) {
    std::string mark = in.resolved_text.empty() ? in.text : in.resolved_text;
    RunFormat sup = f;
    sup.style = "FootnoteReference";
    if (object_marks_) {
        remember_object_mark(*object_marks_, in);
        run(mark, sup);
        return;
    }
    auto footnote = std::find_if(doc_.footnotes.begin(), doc_.footnotes.end(),
                                 [&](const model::Footnote& fn) { return fn.label == in.text; });
    if (in_footnote_ || footnote == doc_.footnotes.end() || footnote_ids_.count(in.text)) {
        run(mark, sup);
        return;
    }
    int id = static_cast<int>(footnotes_.size()) + 1;
    footnote_ids_[in.text] = id;
    footnotes_.push_back({id, mark, &*footnote});
    x_.open("w:r");
    run_properties(sup, mark);
    x_.empty("w:footnoteReference", {{"w:customMarkFollows", "1"}, {"w:id", num(id)}});
    x_.element("w:t", mark);
    x_.close();
}

void DocumentWriter::remember_object_mark(ObjectMarks& marks, const model::Inline& in) {
    bool known = std::any_of(marks.begin(), marks.end(), [&](const auto& m) { return m.first == in.text; });
    if (!known) marks.emplace_back(in.text, in.resolved_text.empty() ? in.text : in.resolved_text);
}

void DocumentWriter::object_footnotes(const ObjectMarks& marks) {
    for (const auto& entry : marks) {
        const std::string& label = entry.first;  // not a structured binding: clang 14 cannot capture one
        const std::string& mark = entry.second;
        auto fn = std::find_if(doc_.footnotes.begin(), doc_.footnotes.end(),
                               [&](const model::Footnote& f) { return f.label == label; });
        begin_paragraph(ParagraphFormat("FootnoteText"));
        run(mark, RunFormat().styled("FootnoteReference"));
        run(" ", {});
        if (fn != doc_.footnotes.end()) {
            bool saved = in_footnote_;
            in_footnote_ = true;
            inlines(fn->content, {});
            in_footnote_ = saved;
        }
        end_paragraph();
    }
}

std::string DocumentWriter::footnotes_xml() {
    x_ = XmlOut();
    in_footnote_ = true;
    x_.open("w:footnotes", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
                            {"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
                            {"xmlns:m", "http://schemas.openxmlformats.org/officeDocument/2006/math"}});
    x_.raw("<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
           "<w:r><w:separator/></w:r></w:p></w:footnote>"
           "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
           "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
    for (const auto& fn : footnotes_) {
        x_.open("w:footnote", {{"w:id", num(fn.id)}});
        begin_paragraph(ParagraphFormat("FootnoteText"));
        run(fn.mark, RunFormat().styled("FootnoteReference"));
        run(" ", {});
        inlines(fn.note->content, {});
        end_paragraph();
        x_.close();
    }
    in_footnote_ = false;
    return x_.finish();
}

}  // namespace bzc::emit::docx
