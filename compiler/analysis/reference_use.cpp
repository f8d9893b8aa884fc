#include "analysis/reference_use.h"

namespace bzc::analysis {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

bool chop(std::string_view& text, std::string_view suffix) {
    if (!text.ends_with(suffix)) return false;
    text.remove_suffix(suffix.size());
    return true;
}

void trim_right(std::string_view& text) {
    for (bool changed = true; changed;) {
        changed = false;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
            text.remove_suffix(1);
            changed = true;
        }
        changed = chop(text, "\u3000") || changed;
    }
}

}  // namespace

ReferenceUse reference_use(std::string_view text, std::size_t start, std::size_t end) {
    std::string_view before = text.substr(0, start);
    trim_right(before);
    // The object word of a pointer into this document: 按表1, 见公式(3).
    for (std::string_view object : {"表", "图", "公式(", "公式（", "式(", "式（", "(", "（"}) {
        if (chop(before, object)) break;
    }
    trim_right(before);
    if (before.ends_with("见")) return ReferenceUse::Informative;  // 见, 参见, 详见
    for (std::string_view verb : {"按", "按照", "依照", "依据", "根据", "符合", "满足", "执行", "遵守", "遵循", "采用",
                                  "使用"}) {
        if (before.ends_with(verb)) return ReferenceUse::Normative;
    }
    std::size_t after = end;
    while (after < text.size() && (digit(text[after]) || text[after] == '.' || text[after] == ')' || text[after] == ' ')) ++after;
    if (text.substr(after).starts_with("）")) after += std::string_view("）").size();
    std::string_view rest = text.substr(after);
    // "GB/T 3101—1993的3.2的规定": a part of the document may stand between.
    for (std::string_view tail : {"的规定", "的要求", "规定的", "要求的", "中规定的", "中的规定"}) {
        if (rest.starts_with(tail)) return ReferenceUse::Normative;
    }
    return ReferenceUse::Neutral;
}

}  // namespace bzc::analysis
