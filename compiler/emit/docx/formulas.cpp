// Formulas (catalog §C.5): display formulas centred on a centre tab with
// their number (1) or (A.1) on a right tab after a dotted leader (the tabs
// of 标准文件_正文公式 and 标准文件_附录公式), the 式中 lines under them, and
// math in running text. The math itself is the OMML pandoc made of the TeX
// (math_conversion.h); a formula without OMML shows its TeX source in a
// monospaced font.

#include "emit/docx/document_writer.h"
#include "support/utf8.h"

#include <algorithm>
#include <cmath>

namespace bzc::emit::docx {

namespace {

// Estimated widths, in ems of the body font (one Chinese character), of
// what a 式中 symbol prints. Word does the real layout; the estimate only
// places the tab stop the dashes align on, so it errs on the wide side.
constexpr double script_scale = 0.7;

double text_width(std::string_view text) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::decode(text, i);
        width += c >= 0x2e80 ? 1.0 : 0.5;  // CJK and full-width forms take a whole em
    }
    return width;
}

// A small reading of TeX for its width: groups, scripts at a smaller size,
// fractions as wide as their wider part, font and sizing commands that
// print nothing themselves.
class TexWidth {
public:
    explicit TexWidth(std::string_view tex) : tex_(tex) {}
    double total() { return sequence(1.0, false); }

private:
    double sequence(double scale, bool in_group) {
        double width = 0;
        while (i_ < tex_.size()) {
            char c = tex_[i_];
            if (c == '}') {
                ++i_;
                if (in_group) break;
                continue;
            }
            if (c == '_' || c == '^') {
                ++i_;
                width += atom(scale * script_scale);
            } else {
                width += atom(scale);
            }
        }
        return width;
    }

    double atom(double scale) {
        while (i_ < tex_.size() && (tex_[i_] == ' ' || tex_[i_] == '\t' || tex_[i_] == '\n')) ++i_;
        if (i_ >= tex_.size()) return 0;
        char c = tex_[i_];
        if (c == '{') {
            ++i_;
            return sequence(scale, true);
        }
        if (c == '\\') return command(scale);
        if (std::string_view("=+-<>").find(c) != std::string_view::npos) {
            ++i_;
            return 0.9 * scale;  // binary operators and relations have space around them
        }
        char32_t code_point = utf8::decode(tex_, i_);
        if (code_point >= 0x2e80) return scale;
        if (utf8::is_ascii_alpha(code_point) || utf8::is_ascii_digit(code_point)) return 0.5 * scale;
        return code_point < 0x80 ? 0.35 * scale : 0.55 * scale;  // punctuation; Greek and other letters
    }

    double command(double scale) {
        std::size_t start = ++i_;
        while (i_ < tex_.size() && ((tex_[i_] >= 'a' && tex_[i_] <= 'z') || (tex_[i_] >= 'A' && tex_[i_] <= 'Z'))) ++i_;
        std::string_view name = tex_.substr(start, i_ - start);
        if (name.empty()) {  // \, \; \{ \% …
            if (i_ >= tex_.size()) return 0;
            char c = tex_[i_++];
            return std::string_view(",;:! ").find(c) != std::string_view::npos ? 0.2 * scale : 0.5 * scale;
        }
        static constexpr std::string_view silent[] = {"mathrm", "mathit",  "mathbf", "mathsf",       "mathtt",    "mathcal",
                                                      "mathbb", "boldsymbol", "bm", "text",         "textrm",    "operatorname",
                                                      "left",   "right",   "displaystyle", "textstyle", "limits", "nolimits"};
        if (std::find(std::begin(silent), std::end(silent), name) != std::end(silent)) return 0;
        if (name == "frac" || name == "dfrac" || name == "tfrac") {
            double numerator = atom(scale);
            return std::max(numerator, atom(scale)) + 0.2 * scale;
        }
        return 0.7 * scale;  // a Greek letter, a symbol, the sign of \sqrt (its argument is the next atom)
    }

    std::string_view tex_;
    std::size_t i_ = 0;
};

double inline_width(const model::Inlines& list, double scale) {
    double width = 0;
    for (const auto& in : list) {
        switch (in.kind) {
            case model::InlineKind::Text:
            case model::InlineKind::Code:
            case model::InlineKind::Citation: width += scale * text_width(in.text); break;
            case model::InlineKind::CrossReference: width += scale * text_width(in.resolved_text); break;
            case model::InlineKind::Math: width += scale * TexWidth(in.text).total(); break;
            case model::InlineKind::Emphasis:
            case model::InlineKind::Strong: width += inline_width(in.children, scale); break;
            case model::InlineKind::Subscript:
            case model::InlineKind::Superscript: width += inline_width(in.children, scale * script_scale); break;
            case model::InlineKind::FootnoteReference: width += scale * script_scale * text_width(in.resolved_text); break;
            case model::InlineKind::LineBreak: break;
        }
    }
    return width;
}

}  // namespace

// A display formula: centred on the style's centre tab, its number on the
// right tab with a dotted leader.
void DocumentWriter::formula(const model::Formula& f, const BlockContext& c) {
    begin_paragraph(ParagraphFormat(c.annex ? "BZAnnexFormula" : "BZFormula"));
    tab();
    math(MathStyle::Display, f.tex, {});
    tab();
    int bookmark = bookmark_start(&f);
    run(f.number, {});
    bookmark_end(bookmark);
    end_paragraph();
    where_lines(f);
}

// 式中： on its own line, indented two characters like a paragraph; then a
// line for each symbol, two characters in, its —— on a tab stop shared by
// all the lines so that the dashes align, and the explanation hanging after
// the dash, so that its wrapped lines start where its first line does
// (catalog §C.5 [V 43b]).
void DocumentWriter::where_lines(const model::Formula& f) {
    if (f.where.empty()) return;
    begin_paragraph(ParagraphFormat("BZParagraph").kept_with_next());
    run("式中：", {});
    end_paragraph();
    const int em = sheet_.size("五号") * 10;  // twips of one character of the body text
    double widest = 0;
    for (const auto& item : f.where) widest = std::max(widest, inline_width(item.symbol, 1.0));
    // Half a character of room after the widest symbol, in whole half characters.
    const int symbols = std::max(em, static_cast<int>(std::ceil((widest + 0.5) * 2)) * em / 2);
    const int indent = 2 * em, dash = 2 * em;
    ParagraphFormat line("BZParagraph");
    line.left = indent + symbols + dash;
    line.hanging = symbols + dash;
    line.tab_stops = {indent + symbols};
    line.off_grid = true;
    for (const auto& item : f.where) {
        begin_paragraph(line);
        inlines(item.symbol, {});
        tab();
        run("——", {});
        inlines(item.explanation, {});
        end_paragraph();
    }
}

// Math in a paragraph: a mark numbering the use, which place_math()
// replaces. The marks are control characters, which the text of the XML
// never holds (XmlOut drops them).
constexpr char math_mark_begin = '\x01', math_mark_end = '\x02';

void DocumentWriter::math(MathStyle style, const std::string& tex, const RunFormat& f) {
    x_.raw(std::string(1, math_mark_begin) + std::to_string(math_uses_.size()) + math_mark_end);
    math_uses_.push_back({style, tex, f});
}

std::string DocumentWriter::place_math(std::string_view part, const MathConversion& conversion) {
    std::string out;
    out.reserve(part.size() + part.size() / 4);
    XmlOut writer = std::move(x_);
    for (std::size_t at = 0;;) {
        std::size_t mark = part.find(math_mark_begin, at);
        out.append(part.substr(at, mark == std::string_view::npos ? mark : mark - at));
        if (mark == std::string_view::npos) break;
        std::size_t end = part.find(math_mark_end, mark);
        if (end == std::string_view::npos) {  // not a mark of math(): kept as it is
            out.append(part.substr(mark));
            break;
        }
        std::size_t use = 0;
        for (std::size_t i = mark + 1; i < end; ++i) use = use * 10 + static_cast<std::size_t>(part[i] - '0');
        x_ = XmlOut::fragment();
        converted_math(conversion, use);
        out += x_.finish();
        at = end + 1;
    }
    x_ = std::move(writer);
    return out;
}

// The m:oMath of a use, or its TeX source when it has none.
void DocumentWriter::converted_math(const MathConversion& conversion, std::size_t use) {
    const MathUse& m = math_uses_.at(use);
    pugi::xml_node converted = conversion.find(m.style, m.tex);
    if (!converted) {
        RunFormat source = m.format;
        source.tex = true;
        run(m.tex, source);
        return;
    }
    omml(converted, m.format);
}

// Copies pandoc's OMML element by element (XmlOut escapes the text again).
// In small text (notes, tables) each math run gets the size of the text
// around it: math takes its size from its runs, not from the paragraph.
void DocumentWriter::omml(pugi::xml_node node, const RunFormat& f) {
    std::string_view name = node.name();
    AttributeList attributes;
    for (pugi::xml_attribute a : node.attributes()) attributes.emplace_back(a.name(), a.value());
    bool sized = f.size != 0 && name == "m:r";
    if (!node.first_child() && !sized) {
        x_.empty(name, attributes);
        return;
    }
    x_.open(name, attributes);
    auto run_size = [&] {
        x_.open("w:rPr");
        x_.empty("w:sz", {{"w:val", num(f.size)}});
        x_.empty("w:szCs", {{"w:val", num(f.size)}});
        x_.close();
        sized = false;
    };
    for (pugi::xml_node child : node.children()) {
        std::string_view child_name = child.name();
        // A run's properties: m:rPr, then w:rPr, then its text.
        if (sized && child_name == "w:rPr") sized = false;  // the run names its own
        if (sized && child_name != "m:rPr") run_size();
        if (child.type() == pugi::node_element) omml(child, f);
        else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) x_.text(child.value());
    }
    if (sized) run_size();
    x_.close();
}

}  // namespace bzc::emit::docx
