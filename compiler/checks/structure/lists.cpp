#include "checks/check.h"
#include "checks/structure/structure_support.h"
#include "checks/text_context.h"

#include <cctype>
#include <optional>

// 列项 (7.5 of GB/T 1.1—2020; rules catalog §C.3): a list is introduced by
// a lead-in (引语) and has at least two items, it is nested at most two
// levels deep, and the punctuation of its items follows the lead-in: after
// "…：" the items end with "；" (or "，") and the last with "。"; after a
// complete sentence ending in "。" every item is a sentence ending in "。".
//
// The lists of 规范性引用文件, 符号和缩略语, 参考文献 and 索引 are entries, not
// 列项, and a 示例 may show anything; none of them is checked here.
namespace bzc::checks {

namespace {

using model::Block;
using model::Blocks;
using model::SectionKind;

struct Context {
    SectionKind element = SectionKind::Chapter;
    int depth = 0;  // lists around this place
};

// The last code point of a text and its byte offset, after trailing white
// space; closing quotes and brackets after a punctuation mark are skipped
// so that "……“甲”。" and "……称为“甲。”" both end in "。".
struct Ending {
    char32_t mark = 0;
    std::size_t offset = std::string::npos;  // of `mark`
    std::size_t end = 0;                     // just past the text
};

Ending ending_of(std::string_view text) {
    Ending e;
    std::size_t end = text.size();
    for (;;) {
        if (end == 0) return e;
        std::size_t start = utf8::previous_start(text, end);
        std::size_t p = start;
        char32_t c = utf8::decode(text, p);
        if (c == ' ' || c == '\t' || c == '\n' || c == 0x3000) {
            end = start;
            continue;
        }
        break;
    }
    e.end = end;
    std::size_t start = utf8::previous_start(text, end);
    std::size_t p = start;
    char32_t c = utf8::decode(text, p);
    if ((c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'）' || c == ')') && start > 0) {
        std::size_t before = utf8::previous_start(text, start);
        std::size_t q = before;
        char32_t b = utf8::decode(text, q);
        if (b == U'。' || b == U'；' || b == U'，' || b == U'：' || b == U'！' || b == U'？') {
            e.mark = b;
            e.offset = before;
            return e;
        }
    }
    e.mark = c;
    e.offset = start;
    return e;
}

bool is_semicolon_like(char32_t c) { return c == U'；' || c == U'，' || c == ';' || c == ','; }
bool is_full_stop_like(char32_t c) { return c == U'。' || c == '.' || c == U'！' || c == U'？'; }
bool is_colon(char32_t c) { return c == U'：' || c == ':'; }
bool is_mark(char32_t c) {
    return is_semicolon_like(c) || is_full_stop_like(c) || is_colon(c) || c == U'、' || c == '!' || c == '?';
}

// The beginning of the first text of an item, for messages.
std::string snippet(const Blocks& blocks) {
    for (const auto& block : blocks) {
        if (block.is<model::List>() && !block.as<model::List>().items.empty()) {
            return snippet(block.as<model::List>().items.front().blocks);
        }
        if (!block.is<model::Paragraph>()) continue;
        std::string text(utf8::trim(model::plain_text(block.as<model::Paragraph>().content)));
        if (text.empty()) continue;
        std::size_t pos = 0;
        for (int n = 0; n < 12 && pos < text.size(); ++n) utf8::decode(text, pos);
        return pos < text.size() ? text.substr(0, pos) + "……" : text;
    }
    return "……";
}

enum class Expect { Semicolon, FullStop };

// The punctuation of the items of `list`, introduced by a lead-in ending in
// `lead`; `last` is what the last item must end with.
void punctuation(const model::List& list, char32_t lead, Expect last, DiagnosticSink& sink) {
    bool colon = is_colon(lead);
    char32_t separator = 0;  // "；" or "，", as the first item that ends with one has it
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const auto& blocks = list.items[i].blocks;
        if (blocks.empty()) continue;
        bool is_last = i + 1 == list.items.size();
        Expect expect = colon ? (is_last ? last : Expect::Semicolon) : Expect::FullStop;
        const Block& final_block = blocks.back();
        if (final_block.is<model::List>()) {
            // The item goes on in a nested list with its own lead-in (the
            // item's text, "…包括："); its last item ends as this item would.
            if (blocks.size() < 2 || !blocks[blocks.size() - 2].is<model::Paragraph>()) continue;
            std::string inner = model::plain_text(blocks[blocks.size() - 2].as<model::Paragraph>().content);
            Ending e = ending_of(inner);
            if (is_colon(e.mark) || is_full_stop_like(e.mark)) {
                punctuation(final_block.as<model::List>(), e.mark, expect, sink);
            }
            continue;
        }
        if (!final_block.is<model::Paragraph>()) continue;
        FlatText flat(final_block.as<model::Paragraph>().content);
        Ending e = ending_of(flat.text());
        if (e.offset == std::string::npos) continue;
        if (expect == Expect::Semicolon && is_semicolon_like(e.mark) && !is_last) {
            // The items of one list end alike: all "；" or all "，".
            bool comma = e.mark == U'，' || e.mark == ',';
            if (!separator) separator = comma ? U'，' : U'；';
            if (comma == (separator == U'，')) continue;
            std::size_t p = e.offset;
            utf8::decode(flat.text(), p);
            std::string mark = flat.text().substr(e.offset, p - e.offset);
            std::string wanted = separator == U'，' ? "，" : "；";
            std::optional<Fix> fix;
            if (flat.text().find(mark) == e.offset) fix = Fix{mark, wanted};
            sink.report("NUM-13", flat.at(e.offset),
                        {{"expected", "“" + wanted + "”", "'" + wanted + "'"}, {"actual", "“" + mark + "”", "'" + mark + "'"},
                         {"reason", "同一列项的各项应使用相同的标点", "the items of one list end alike"}},
                        std::move(fix));
            continue;
        }
        if (expect == Expect::Semicolon) {
            if (is_semicolon_like(e.mark)) continue;
            // An item of several sentences ends with a full stop.
            if (is_full_stop_like(e.mark) && flat.text().find("。") < e.offset) continue;
        } else if (is_full_stop_like(e.mark)) {
            continue;
        }
        std::string expected = expect == Expect::Semicolon ? "；" : "。";
        DiagnosticArg expected_arg = expect == Expect::Semicolon
                                         ? DiagnosticArg{"expected", "“；”（或“，”）", "'；' (or '，')"}
                                         : DiagnosticArg{"expected", "“。”", "'。'"};
        DiagnosticArg reason = !colon ? DiagnosticArg{"reason", "引语是以“。”结尾的完整句子时，每一项都应是以“。”结尾的句子",
                                                      "after a lead-in that is a sentence ending in '。', every item is a sentence ending in '。'"}
                               : expect == Expect::Semicolon
                                   ? (is_last ? DiagnosticArg{"reason", "上一层次的列项在此之后还有下一项",
                                                              "the enclosing list goes on after this item"}
                                              : DiagnosticArg{"reason", "引语以“：”结尾时，除最后一项外各项以“；”或“，”结尾",
                                                              "after a lead-in ending in '：', every item but the last ends in '；' or '，'"})
                                   : DiagnosticArg{"reason", "引语以“：”结尾时，最后一项以“。”结尾",
                                                   "after a lead-in ending in '：', the last item ends in '。'"};
        if (is_mark(e.mark)) {
            std::size_t p = e.offset;
            utf8::decode(flat.text(), p);
            std::string mark = flat.text().substr(e.offset, p - e.offset);
            std::optional<Fix> fix;
            if (flat.text().find(mark) == e.offset) fix = Fix{mark, expected};
            sink.report("NUM-13", flat.at(e.offset),
                        {std::move(expected_arg), {"actual", "“" + mark + "”", "'" + mark + "'"}, std::move(reason)},
                        std::move(fix));
        } else {
            sink.report("NUM-13", flat.at(e.end),
                        {std::move(expected_arg), {"actual", "无标点", "no punctuation"}, std::move(reason)});
        }
    }
}

// A list marker typed by hand: "a）" / "a)", "1）" / "1)" or "——".
struct Marker {
    enum Series { Letter, Digit, Dash } series = Dash;
    int ordinal = 0;
    std::size_t length = 0;  // bytes
};

std::optional<Marker> marker_at(std::string_view text, std::size_t pos) {
    if (text.substr(pos).starts_with("——")) return Marker{Marker::Dash, 0, std::string_view("——").size()};
    if (pos >= text.size()) return std::nullopt;
    Marker m;
    std::size_t i = pos;
    char c = text[i];
    if (c >= 'a' && c <= 'z') {
        m.series = Marker::Letter;
        m.ordinal = c - 'a';
        ++i;
    } else if (c >= '1' && c <= '9') {
        m.series = Marker::Digit;
        m.ordinal = c - '1';
        ++i;
        if (i < text.size() && text[i] >= '0' && text[i] <= '9') m.ordinal = (c - '0') * 10 + (text[i++] - '0') - 1;
    } else {
        return std::nullopt;
    }
    if (text.substr(i).starts_with("）")) {
        i += std::string_view("）").size();
    } else if (i < text.size() && text[i] == ')') {
        ++i;
    } else {
        return std::nullopt;
    }
    // "a)" inside a word or a number is not a marker.
    if (pos > 0 && (std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '.')) return std::nullopt;
    m.length = i - pos;
    return m;
}

bool follows(const Marker& next, const Marker& first) {
    return next.series == first.series && (first.series == Marker::Dash || next.ordinal == first.ordinal + 1);
}

// Where a typed marker may stand: at the start of the text or after "：",
// "；", "，" or "。" (and white space).
template <class F> void marker_positions(std::string_view text, F&& f) {
    auto skip_space = [&](std::size_t p) {
        while (p < text.size() && (text[p] == ' ' || text[p] == '\n')) ++p;
        if (text.substr(p).starts_with("\u3000")) p += 3;
        return p;
    };
    if (!f(skip_space(0))) return;
    for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
        // ：；， are EF BC xx, 。 is E3 80 82: look at the lead byte first.
        auto lead = static_cast<unsigned char>(text[i]);
        if (lead != 0xEF && lead != 0xE3) continue;
        std::string_view three = text.substr(i, 3);
        if (three == "：" || three == "；" || three == "，" || three == "。") {
            if (!f(skip_space(i + 3))) return;
        }
    }
}

// NUM-14: items typed into a paragraph ("条件：a）……；b）……。"), or paragraphs
// starting with consecutive typed markers.
// Whether the text of a paragraph has a ")", "）" or "—" at all: every
// marker has one, and most paragraphs have none.
bool may_hold_markers(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Text) {
            for (std::size_t k = 0; k < in.text.size(); ++k) {
                char c = in.text[k];
                if (c == ')') return true;
                if (static_cast<unsigned char>(c) == 0xEF && in.text.compare(k, 3, "）") == 0) return true;
                if (static_cast<unsigned char>(c) == 0xE2 && in.text.compare(k, 3, "—") == 0) return true;
            }
        } else if (!in.children.empty() && may_hold_markers(in.children)) {
            return true;
        }
    }
    return false;
}

void typed_markers(const Blocks& blocks, std::size_t i, DiagnosticSink& sink) {
    const auto& paragraph = blocks[i].as<model::Paragraph>();
    if (!may_hold_markers(paragraph.content)) return;
    FlatText flat(paragraph.content);
    std::string_view text = flat.text();
    std::optional<Marker> first;
    std::size_t first_at = 0;
    bool found = false;
    marker_positions(text, [&](std::size_t pos) {
        auto m = marker_at(text, pos);
        if (!m) return true;
        if (!first) {
            if (m->ordinal != 0) return true;  // a list starts with a), 1) or a dash
            first = m;
            first_at = pos;
            return true;
        }
        if (follows(*m, *first)) {
            found = true;
            return false;
        }
        return true;
    });
    if (!found && first && first_at == 0 && i + 1 < blocks.size() && blocks[i + 1].is<model::Paragraph>()) {
        std::string next = std::string(utf8::trim(model::plain_text(blocks[i + 1].as<model::Paragraph>().content)));
        auto m = marker_at(next, 0);
        found = m && follows(*m, *first);
    }
    if (!found) return;
    // The paragraph, not the marker: typed items usually stand on lines of
    // their own, and a column inside text joined from several lines is not
    // reliable.
    sink.report("NUM-14", blocks[i].location, {{"marker", std::string(text.substr(first_at, first->length))}});
}

void visit(const Blocks& blocks, Context context, DiagnosticSink& sink) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& block = blocks[i];
        if (block.is<model::Paragraph>()) typed_markers(blocks, i, sink);
        if (block.is<model::List>()) {
            const auto& list = block.as<model::List>();
            const model::Paragraph* lead =
                i > 0 && blocks[i - 1].is<model::Paragraph>() ? &blocks[i - 1].as<model::Paragraph>() : nullptr;
            if (lead && utf8::trim(model::plain_text(lead->content)).empty()) lead = nullptr;
            // A list nested too deep is reported once, at its third level;
            // what lies deeper goes with it.
            if (context.depth == 2) sink.report("NUM-12", block.location, {{"depth", std::to_string(context.depth + 1)}});
            if (context.depth >= 2) continue;
            if (!lead) sink.report("NUM-10", block.location, {{"item", snippet(list.items.empty() ? Blocks{} : list.items.front().blocks)}});
            if (list.items.size() == 1 && context.element != SectionKind::Foreword) {
                sink.report("NUM-11", block.location, {{"item", snippet(list.items.front().blocks)}});
            }
            if (lead && context.depth == 0) {
                Ending e = ending_of(model::plain_text(lead->content));
                if (is_colon(e.mark) || is_full_stop_like(e.mark)) punctuation(list, e.mark, Expect::FullStop, sink);
            }
            Context inner = context;
            ++inner.depth;
            for (const auto& item : list.items) visit(item.blocks, inner, sink);
        } else if (block.is<model::Note>()) {
            visit(block.as<model::Note>().blocks, context, sink);
        } else if (block.is<model::Table>()) {
            for (const auto& note : block.as<model::Table>().notes) visit(note.blocks, context, sink);
        } else if (block.is<model::Figure>()) {
            for (const auto& note : block.as<model::Figure>().notes) visit(note.blocks, context, sink);
        }
        // A 示例 may show a list of any form: not checked.
    }
}

}  // namespace

void check_lists(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    for (const auto& element : doc.sections) {
        switch (element.kind) {
            case SectionKind::NormativeReferences:
            case SectionKind::SymbolsAndAbbreviations:
            case SectionKind::Bibliography:
            case SectionKind::Index: continue;
            default: break;
        }
        Context context;
        context.element = element.kind;
        auto walk = [&](const model::Section& s, auto& self) -> void {
            visit(s.blocks, context, sink);
            for (const auto& child : s.children) self(child, self);
        };
        walk(element, walk);
    }
}

}  // namespace bzc::checks
