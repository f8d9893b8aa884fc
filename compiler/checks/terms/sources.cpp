#include "checks/check.h"
#include "checks/terms/term_data.h"
#include "model/designation.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace {

struct Problem {
    std::string zh, en;
};

// The parts of "GB/T 20000.1—2014，3.1，有修改", split at full-width commas.
std::vector<std::string_view> split_parts(std::string_view text) {
    std::vector<std::string_view> parts;
    static constexpr std::string_view comma = "，";
    while (true) {
        std::size_t at = text.find(comma);
        parts.push_back(utf8::trim(text.substr(0, at)));
        if (at == std::string_view::npos) break;
        text.remove_prefix(at + comma.size());
    }
    return parts;
}

bool starts_like_a_designation(std::string_view text) {
    if (text.empty()) return false;
    if (text[0] >= 'A' && text[0] <= 'Z') return true;
    std::size_t p = 0;
    char32_t c = utf8::decode(text, p);
    return c >= 0xFF21 && c <= 0xFF3A;  // Ａ … Ｚ
}

std::optional<Problem> find_problem(std::string_view source) {
    if (source.find(',') != std::string_view::npos) {
        return Problem{"各部分之间应使用全角逗号“，”分隔", "separate its parts with the full-width comma '，'"};
    }
    auto parts = split_parts(source);
    std::string_view document = parts[0];
    if (document.empty()) return Problem{"缺少文件编号", "it names no document"};
    if (auto d = model::parse_designation(document)) {
        if (d->year.empty()) {
            return Problem{"引用的文件“" + std::string(document) + "”应注日期（来源引用的是某一版本的具体条款）",
                           "cite a dated edition of '" + std::string(document) + "' (the source is a clause of one edition)"};
        }
    } else if (starts_like_a_designation(document)) {
        return Problem{"无法识别文件编号“" + std::string(document) + "”，文件编号与条号之间应使用“，”分隔",
                       "'" + std::string(document) + "' is not a document designation; separate the designation and the clause with '，'"};
    }
    // Otherwise a document without a designation (a law, a regulation) named by its title.
    if (parts.size() < 2 || parts[1].empty() || parts[1] == "有修改") {
        return Problem{"缺少条号", "it gives no clause number"};
    }
    if (parts.size() >= 3) {
        std::string_view extra = parts[2];
        if (extra != "有修改") {
            bool modified = extra.find("修改") != std::string_view::npos || extra.find("改动") != std::string_view::npos ||
                            extra.find("修订") != std::string_view::npos;
            if (modified) return Problem{"“" + std::string(extra) + "”应写作“有修改”", "write '有修改' for '" + std::string(extra) + "'"};
            return Problem{"条号之后只可以有“有修改”，多出了“" + std::string(extra) + "”",
                           "only '有修改' may follow the clause number, not '" + std::string(extra) + "'"};
        }
        if (parts.size() > 3) {
            return Problem{"“有修改”之后多出了内容", "there is more text after '有修改'"};
        }
    }
    return std::nullopt;
}

}  // namespace

// [来源：文件编号，条号，有修改] of the term entries (TRM-07). The reader has
// taken off the brackets and the label; the designation's own typography is
// TYP-01 … TYP-03.
void check_term_sources(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto* entry : terms::term_entries(doc)) {
        if (entry->term.source.empty()) continue;
        std::string source(utf8::trim(model::plain_text(entry->term.source)));
        if (auto problem = find_problem(source)) {
            SourceLocation at = entry->term.source_location.known() ? entry->term.source_location : entry->location;
            sink.report("TRM-07", at, {{"source", source}, {"problem", problem->zh, problem->en}});
        }
    }
}

}  // namespace bzc::checks
