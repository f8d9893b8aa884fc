#include "checks/typography/common.h"

#include "support/resources.h"
#include "support/utf8.h"

#include <algorithm>

namespace bzc::checks::typography {

void TextRun::append(const model::Inlines& inlines) {
    auto add = [&](std::string_view text, SourceLocation location, bool editable) {
        if (text.empty()) return;
        pieces_.push_back({text_.size(), text_.size() + text.size(), location, editable});
        text_ += text;
    };
    for (const auto& in : inlines) {
        switch (in.kind) {
            case model::InlineKind::Text: add(in.text, in.location, true); break;
            case model::InlineKind::LineBreak: add("\n", in.location, false); break;
            case model::InlineKind::FootnoteReference: break;  // a superscript mark: no character of the sentence
            case model::InlineKind::Citation:
            case model::InlineKind::Math:
            case model::InlineKind::Code:
            case model::InlineKind::CrossReference: add(std::string_view(&opaque, 1), in.location, false); break;
            case model::InlineKind::Subscript:
            case model::InlineKind::Superscript:
                add(std::string_view(&fence, 1), in.location, false);
                append(in.children);
                add(std::string_view(&fence, 1), in.location, false);
                break;
            default: append(in.children); break;
        }
    }
}

const TextRun::Piece* TextRun::piece_at(std::size_t offset) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                               [](std::size_t value, const Piece& p) { return value < p.offset; });
    if (it == pieces_.begin()) return nullptr;
    --it;
    return offset < it->end ? &*it : nullptr;
}

bool TextRun::editable(std::size_t from, std::size_t to) const {
    const Piece* p = piece_at(from);
    return p && p->text && to <= p->end && p->location.known();
}

SourceLocation TextRun::at(std::size_t offset) const {
    const Piece* p = piece_at(offset);
    if (!p) return pieces_.empty() ? SourceLocation{} : pieces_.back().location;
    SourceLocation location = p->location;
    if (location.known() && offset > p->offset) {
        location.column += static_cast<std::uint32_t>(
            utf8::count_code_points(std::string_view(text_).substr(p->offset, offset - p->offset)));
    }
    return location;
}

bool generated(const model::Document& doc, const model::Section* element) {
    return element && element->kind == model::SectionKind::Foreword && doc.metadata.present &&
           element->location == doc.metadata.location;
}

char32_t code_point_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    return utf8::decode(text, pos);
}

bool is_chinese_punctuation(char32_t c) {
    if (c >= 0x3001 && c <= 0x303F) return true;  // 、。〈〉《》「」【】〔〕〖〗 …
    if (c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026) return true;  // ‘’“”…
    // Full-width forms of ASCII punctuation: ！＂＃…／ ：；＜＝＞？＠ ［＼］＾＿｀ ｛｜｝～
    return (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65);
}

bool is_full_width_alnum(char32_t c) {
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

namespace {

std::string_view strip_comment(std::string_view line) {
    // A comment starts at " #" outside quotes.
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        else if (!quoted && line[i] == '#' && (i == 0 || line[i - 1] == ' ')) return line.substr(0, i);
    }
    return line;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string unquote(std::string_view s) {
    s = trim_spaces(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
}

}  // namespace

DataSection read_data_section(std::string_view yaml) {
    DataSection out;
    std::size_t rules = yaml.find("\nrules:");
    bool in_rules = rules != std::string_view::npos || yaml.starts_with("rules:");
    std::size_t pos = 0;
    std::vector<std::pair<std::string, std::string>>* current = nullptr;
    while (pos < yaml.size()) {
        std::size_t end = yaml.find('\n', pos);
        if (end == std::string_view::npos) end = yaml.size();
        std::string_view line = yaml.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line[0] == '#') continue;
        if (line[0] != ' ' && line[0] != '-') {  // a top-level key
            std::string_view key = trim_spaces(strip_comment(line));
            if (key.ends_with(":")) key.remove_suffix(1);
            in_rules = key == "rules";
            current = in_rules ? nullptr : &out[std::string(key)];
            continue;
        }
        if (!current) continue;
        std::string_view item = trim_spaces(strip_comment(line));
        if (item.empty()) continue;
        if (item.starts_with("- ")) {
            current->emplace_back(unquote(item.substr(2)), std::string());
            continue;
        }
        // key: value, where the key may be quoted and contain ':'
        std::size_t colon = std::string_view::npos;
        if (item.front() == '"') {
            std::size_t close = item.find('"', 1);
            if (close != std::string_view::npos) colon = item.find(':', close);
        } else {
            colon = item.find(": ");
        }
        if (colon == std::string_view::npos) continue;
        current->emplace_back(unquote(item.substr(0, colon)), unquote(item.substr(colon + 1)));
    }
    return out;
}

const TypographyData& typography_data() {
    static const TypographyData data = [] {
        TypographyData d;
        DataSection section = read_data_section(embedded_resource("rules/typography.yaml"));
        for (const auto& [unit, _] : section["units"]) d.units.push_back(unit);
        std::sort(d.units.begin(), d.units.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        for (const auto& [half, full] : section["punctuation"]) {
            if (half.size() == 1) d.punctuation[half[0]] = full;
        }
        for (const auto& [mark, _] : section["quotation-marks"]) d.quotation_marks.push_back(mark);
        for (const auto& [sign, _] : section["range-signs-always"]) d.range_signs_always.push_back(sign);
        for (const auto& [sign, _] : section["range-signs-with-unit"]) d.range_signs_with_unit.push_back(sign);
        for (const auto& [letter, digit] : section["look-alike-digits"]) {
            if (letter.size() == 1 && digit.size() == 1) d.look_alike_digits[letter[0]] = digit[0];
        }
        return d;
    }();
    return data;
}

}  // namespace bzc::checks::typography
