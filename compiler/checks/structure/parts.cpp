#include "checks/check.h"
#include "checks/structure/structure_support.h"
#include "model/designation.h"

// A part of a multi-part document (rules catalog §A.1 STR-04; 6.1, 8.3): a
// part number in the document number (DB43/T 1234.2) means the title has the
// element 第2部分 and the 前言 states the relation, "本文件是DB43/T 1234《…》的
// 第2部分。".
namespace bzc::checks {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

void check_parts(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    auto designation = model::parse_designation(doc.metadata.number);
    if (!designation) return;
    // Enterprise numbers may carry dots of their own (Q/CUP 037.5.1), and
    // international documents name parts in their own way.
    if (designation->family == model::DesignationFamily::Enterprise ||
        designation->family == model::DesignationFamily::International) {
        return;
    }
    std::string part = designation->part();
    if (!all_digits(part)) return;
    std::string element = "第" + part + "部分";
    std::string whole = designation->code + " " + designation->sequence();

    if (!doc.metadata.title.empty() && doc.metadata.title.find(element) == std::string::npos) {
        sink.report("STR-04", doc.metadata.where("title"),
                    {{"part", part}, {"problem", "文件名称中没有“" + element + "：……”这一要素",
                                      "the title has no element '" + element + "：……'"}});
    }
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::Foreword) continue;
        bool stated = false;
        for (const auto& block : section.blocks) {
            if (!block.is<model::Paragraph>()) continue;
            std::string text = model::plain_text(block.as<model::Paragraph>().content);
            if (text.find("本文件是") != std::string::npos && text.find(element) != std::string::npos) stated = true;
        }
        if (!stated) {
            sink.report("STR-04", section.location,
                        {{"part", part}, {"problem", "前言中没有说明“本文件是" + whole + "《……》的" + element + "。”",
                                          "the foreword does not say '本文件是" + whole + "《……》的" + element + "。'"}});
        }
        break;
    }
}

}  // namespace bzc::checks
