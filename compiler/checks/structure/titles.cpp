#include "checks/check.h"
#include "checks/structure/structure_support.h"
#include "checks/text_context.h"
#include "model/walk.h"

// Titles end without punctuation (rules catalog §C.2 NUM-08): chapter, 条
// and annex titles, table and figure captions and subfigure captions.
namespace bzc::checks {

namespace {

bool is_terminal_mark(char32_t c) {
    switch (c) {
        case U'。': case U'；': case U'：': case U'，': case U'！': case U'？':
        case '.': case ';': case ':': case ',': return true;
        default: return false;
    }
}

void check_title(const model::Inlines& title, DiagnosticArg object, DiagnosticSink& sink) {
    if (title.empty()) return;
    FlatText flat(title);
    std::string_view text = flat.text();
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
    while (text.ends_with("\u3000")) text.remove_suffix(3);
    if (text.empty()) return;
    std::size_t last = utf8::previous_start(text, text.size());
    std::size_t pos = last;
    char32_t c = utf8::decode(text, pos);
    if (!is_terminal_mark(c)) return;
    // An ellipsis of full stops ("...") is not a terminal mark.
    if (c == '.' && last > 0 && text[last - 1] == '.') return;
    std::string mark(text.substr(last));
    std::optional<Fix> fix;
    // Removing the mark is safe when it is the only one in the title: the
    // fix then cannot land on another character of the same kind.
    if (text.find(mark) == last) fix = Fix{mark, ""};
    sink.report("NUM-08", flat.at(last), {std::move(object), {"mark", mark}}, std::move(fix));
}

}  // namespace

void check_titles(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (s.kind == model::SectionKind::TermEntry || s.title.empty()) return;
        auto name = structure::describe("x", s);
        check_title(s.title, {"object", name.value + "的标题", "the title of " + name.english}, sink);
    });
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& block : blocks) {
            if (block.is<model::Table>()) {
                const auto& t = block.as<model::Table>();
                check_title(t.caption, {"object", t.number + "的表题", "the title of " + t.number}, sink);
            } else if (block.is<model::Figure>()) {
                const auto& f = block.as<model::Figure>();
                check_title(f.caption, {"object", f.number + "的图题", "the title of " + f.number}, sink);
                for (const auto& sub : f.subfigures) {
                    check_title(sub.caption,
                                {"object", f.number + " " + sub.number + "的分图题", "the title of " + f.number + " " + sub.number},
                                sink);
                }
            }
        }
    });
}

}  // namespace bzc::checks
