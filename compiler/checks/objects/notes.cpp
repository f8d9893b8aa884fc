#include "checks/check.h"
#include "model/walk.h"
#include "support/utf8.h"

// A 注 or 示例 says something (9.10, 9.11 of GB/T 1.1—2020): an empty one
// prints a bare "注：" label. Notes of tables and figures likewise.
namespace bzc::checks {

namespace {

bool is_empty(const model::Blocks& blocks) {
    for (const auto& block : blocks) {
        if (!block.is<model::Paragraph>()) return false;
        if (!utf8::trim(model::plain_text(block.as<model::Paragraph>().content)).empty()) return false;
    }
    return true;
}

SourceLocation first_location(const model::Blocks& blocks, SourceLocation fallback) {
    return blocks.empty() || !blocks.front().location.known() ? fallback : blocks.front().location;
}

}  // namespace

void check_notes(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& block : blocks) {
            if (block.is<model::Note>()) {
                const auto& note = block.as<model::Note>();
                if (is_empty(note.blocks)) sink.report("OBJ-10", block.location, {{"label", note.number}});
            } else if (block.is<model::Example>()) {
                const auto& example = block.as<model::Example>();
                if (is_empty(example.blocks)) sink.report("OBJ-10", block.location, {{"label", example.number}});
            } else if (block.is<model::Table>() || block.is<model::Figure>()) {
                const auto& notes = block.is<model::Table>() ? block.as<model::Table>().notes : block.as<model::Figure>().notes;
                const std::string& number =
                    block.is<model::Table>() ? block.as<model::Table>().number : block.as<model::Figure>().number;
                for (const auto& note : notes) {
                    if (!is_empty(note.blocks)) continue;
                    sink.report("OBJ-10", first_location(note.blocks, block.location),
                                {{"label", number + "的" + note.number, number + " " + note.number}});
                }
            }
        }
    });
}

}  // namespace bzc::checks
