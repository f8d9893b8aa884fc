// Cross-references in document.xml and footnotes.xml: REF fields, and the
// bookmarks of their targets (which CrossReferences chooses and names).

#include "emit/docx/document_writer.h"

namespace bzc::emit::docx {

// A reference: its pieces, plain text and REF fields, each in the format of
// the text around it; the field's cached result is the number bzc computed,
// so the text is today's until a field update, and the same after it. Not
// dirty: the reference is right as written; Word updates it with the other
// fields (settings.xml asks it to when there is a 目次) or on F9.
void DocumentWriter::cross_reference(const model::Inline& in, const RunFormat& f) {
    const auto& pieces = references_.pieces(in);
    if (pieces.empty()) {
        // A dangling reference (an error of the checks) keeps its target visible.
        run(in.resolved_text.empty() ? "#" + in.text : in.resolved_text, f);
        return;
    }
    for (const auto& piece : pieces) {
        if (piece.bookmark.empty()) run(piece.text, f);
        else field(" REF " + piece.bookmark + piece.switches + " ", piece.text, f, false);
    }
}

int DocumentWriter::bookmark_start(const void* target) {
    const std::string* name = references_.bookmark(target);
    if (!name) return -1;
    int id = next_bookmark_id_++;
    x_.empty("w:bookmarkStart", {{"w:id", num(id)}, {"w:name", *name}});
    return id;
}

void DocumentWriter::bookmark_end(int id) {
    if (id >= 0) x_.empty("w:bookmarkEnd", {{"w:id", num(id)}});
}

}  // namespace bzc::emit::docx
