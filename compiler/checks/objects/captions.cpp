#include "checks/check.h"
#include "model/walk.h"
#include "support/utf8.h"

// Captions (9.7, 9.8 of GB/T 1.1—2020; rules catalog §C.5): every table has
// a title (表题) and every figure a title (图题); when a figure is made of
// several subfigures, each subfigure has its own title.
namespace bzc::checks {

namespace {

bool blank(const model::Inlines& inlines) { return utf8::trim(model::plain_text(inlines)).empty(); }

}  // namespace

void check_captions(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& block : blocks) {
            if (block.is<model::Table>()) {
                const auto& table = block.as<model::Table>();
                if (blank(table.caption)) {
                    sink.report("OBJ-01", block.location, {{"object", table.number}, {"caption", "表题", "title"}});
                }
            } else if (block.is<model::Figure>()) {
                const auto& figure = block.as<model::Figure>();
                if (blank(figure.caption)) {
                    sink.report("OBJ-01", block.location, {{"object", figure.number}, {"caption", "图题", "title"}});
                }
                if (figure.subfigures.size() < 2) continue;
                for (const auto& sub : figure.subfigures) {
                    if (!blank(sub.caption)) continue;
                    sink.report("OBJ-11", sub.location.known() ? sub.location : block.location,
                                {{"subfigure", figure.number + " " + sub.number}});
                }
            }
        }
    });
}

}  // namespace bzc::checks
