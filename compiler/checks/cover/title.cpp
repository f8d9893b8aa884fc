#include "checks/check.h"
#include "checks/cover/cover_common.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace {

constexpr std::string_view ideographic_space = "\u3000";

bool is_ascii_space(char c) { return c == ' ' || c == '\t'; }

// 第N部分 in a title: where it starts and ends, and N as written.
struct PartMark {
    std::size_t begin = std::string::npos, end = 0;
    std::string written;  // 10, １０ or 十
    std::string digits;   // 10, or empty when written in Chinese numerals
};

PartMark find_part(std::string_view title) {
    static constexpr std::string_view di = "第", bufen = "部分";
    PartMark mark;
    for (std::size_t at = title.find(di); at != std::string_view::npos; at = title.find(di, at + di.size())) {
        std::size_t pos = at + di.size();
        std::string written, digits;
        bool chinese = false;
        while (pos < title.size()) {
            std::size_t next = pos;
            char32_t c = utf8::decode(title, next);
            char32_t half = c >= 0xFF10 && c <= 0xFF19 ? c - 0xFEE0 : c;
            if (half >= '0' && half <= '9') {
                digits += static_cast<char>(half);
            } else if (std::u32string_view(U"一二三四五六七八九十百零〇").find(c) != std::u32string_view::npos) {
                chinese = true;
            } else {
                break;
            }
            written += title.substr(pos, next - pos);
            pos = next;
        }
        if (written.empty() || !title.substr(pos).starts_with(bufen)) continue;
        mark.begin = at;
        mark.end = pos + bufen.size();
        mark.written = written;
        mark.digits = chinese ? "" : digits;
        return mark;
    }
    return mark;
}

void report_separator(const model::Metadata& m, DiagnosticSink& sink, std::string text, std::string expected, bool colon) {
    sink.report("COV-08", m.where("title"),
                {{"text", text},
                 {"expected", expected},
                 {"why", colon ? "（部分编号之后用全角冒号）" : "（各要素之间空一个全角空格）",
                  colon ? " (a full-width colon follows the part number)" : " (elements are separated by one full-width space)"}},
                Fix{text, expected});
}

// The characters around position `pos`: the code point before and after.
std::string char_before(std::string_view s, std::size_t pos) {
    std::size_t start = utf8::previous_start(s, pos);
    return std::string(s.substr(start, pos - start));
}
std::string char_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return {};
    std::size_t next = pos;
    utf8::decode(s, next);
    return std::string(s.substr(pos, next - pos));
}

void check_separators(const model::Metadata& m, std::string_view title, const PartMark& part, DiagnosticSink& sink) {
    // Half-width spaces between Chinese characters, and doubled full-width ones.
    for (std::size_t pos = 0; pos < title.size();) {
        if (is_ascii_space(title[pos]) || title.substr(pos).starts_with("\u00A0") || title.substr(pos).starts_with(ideographic_space)) {
            std::size_t end = pos;
            int ideographic = 0;
            bool other = false;
            while (end < title.size()) {
                if (is_ascii_space(title[end])) { ++end; other = true; }
                else if (title.substr(end).starts_with("\u00A0")) { end += 2; other = true; }
                else if (title.substr(end).starts_with(ideographic_space)) { end += 3; ++ideographic; }
                else break;
            }
            std::string before = char_before(title, pos), after = char_at(title, end);
            bool chinese_before = !before.empty() && static_cast<unsigned char>(before[0]) >= 0x80;
            bool chinese_after = !after.empty() && static_cast<unsigned char>(after[0]) >= 0x80;
            if (chinese_before && chinese_after && (other || ideographic > 1)) {
                report_separator(m, sink, before + std::string(title.substr(pos, end - pos)) + after,
                                 before + std::string(ideographic_space) + after, false);
            }
            pos = end;
            continue;
        }
        ++pos;
    }
    if (part.begin == std::string::npos) return;
    // 第N部分 begins an element: a full-width space before it …
    if (part.begin > 0) {
        std::string before = char_before(title, part.begin);
        bool separated = before == ideographic_space || before == " " || before == "\t" || before == "\u00A0";
        if (!separated) {
            report_separator(m, sink, before + "第", before + std::string(ideographic_space) + "第", false);
        }
    }
    // … and a full-width colon after it.
    std::string after = char_at(title, part.end);
    if (after.empty() || after == "：") return;
    std::string_view rest = title.substr(part.end);
    std::size_t skip = 0;
    while (skip < rest.size() && (is_ascii_space(rest[skip]) || rest.substr(skip).starts_with(ideographic_space))) {
        skip += is_ascii_space(rest[skip]) ? 1 : ideographic_space.size();
    }
    if (skip < rest.size() && rest[skip] == ':') ++skip;
    while (skip < rest.size() && is_ascii_space(rest[skip])) ++skip;
    if (skip == rest.size()) return;
    std::string text = "部分" + std::string(rest.substr(0, skip)) + char_at(rest, skip);
    report_separator(m, sink, text, "部分：" + char_at(rest, skip), true);
}

// 第N部分 in the title needs the part number N in the designation, written
// in Arabic digits. A part number missing from the title is STR-04's.
void check_part_number(const model::Metadata& m, const PartMark& part, DiagnosticSink& sink) {
    if (part.begin == std::string::npos) return;
    auto d = cover::read_number(m.number);
    if (!d || d->number.empty()) return;
    std::string number_part = d->part();
    std::string written(std::string_view(m.title).substr(part.begin, part.end - part.begin));
    auto report = [&](std::string zh, std::string en) { sink.report("COV-09", m.where("title"), {{"problem", zh, en}}); };
    if (number_part.empty()) {
        std::string n = part.digits.empty() ? "N" : part.digits;
        report("文件名称中有“" + written + "”，但编号“" + m.number + "”没有部分号（应如“" + d->code + " " + d->number + "." + n + "”）",
               "the title has '" + written + "' but '" + m.number + "' has no part number (such as '" + d->code + " " + d->number +
                   "." + n + "')");
        return;
    }
    if (part.digits.empty() || part.digits != part.written) {
        report("“" + written + "”应写作“第" + number_part + "部分”（阿拉伯数字）",
               "write '第" + number_part + "部分' (Arabic digits) for '" + written + "'");
    }
    // A different N is STR-04's: the title lacks 第N部分 for the number's N.
}

}  // namespace

// The Chinese title (6.1, §A.2): it does not end in 标准 (COV-07), its
// elements are separated by one full-width space and 第N部分 is followed by a
// full-width colon (COV-08), and a 第N部分 goes with a part number in the
// designation (COV-09).
void check_cover_title(const model::Document& doc, DiagnosticSink& sink) {
    const auto& m = doc.metadata;
    if (!m.present || m.unreadable || m.title.empty()) return;
    std::string_view title = m.title;
    for (const auto& ending : cover::cover_data().title_forbidden_endings) {
        // A title about standards themselves (标准编写规则　第10部分：产品标准)
        // names 标准 as its subject, not as the kind of document.
        bool about_standards = title.substr(0, title.size() - ending.size()).find("标准") != std::string_view::npos;
        if (title.ends_with(ending) && !about_standards) {
            sink.report("COV-07", m.where("title"), {{"title", m.title}, {"ending", ending}});
            break;
        }
    }
    PartMark part = find_part(title);
    check_separators(m, title, part, sink);
    check_part_number(m, part, sink);
}

}  // namespace bzc::checks
