#include "analysis/analysis.h"
#include "analysis/reference_text.h"
#include "analysis/reference_use.h"
#include "model/text_context.h"
#include "support/utf8.h"

#include <algorithm>
#include <optional>

// The reference model of a document (model/references.h): each citation of
// another document in the running text, classified by how the sentence uses
// it (GB/T 1.1—2020 9.5), and each entry of 规范性引用文件 and 参考文献 as
// written, with the flaws of its form (8.6, 8.13), and what the catalog
// says about every cited standard.
namespace bzc::analysis {

namespace {

using model::Citation;
using model::CitationUse;
using model::CitedKind;
using model::EntryFlaw;
using model::FlatText;
using model::ReferenceEntry;
using model::SectionKind;

constexpr char marker = FlatText::citation_marker;

bool starts(std::string_view text, std::size_t at, std::string_view what) { return text.substr(at).starts_with(what); }

// The Citation inlines of a run, in the order FlatText lays them out.
void citation_inlines(const model::Inlines& inlines, std::vector<const model::Inline*>& out) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case model::InlineKind::Citation: out.push_back(&in); break;
            case model::InlineKind::Text:
            case model::InlineKind::Code:
            case model::InlineKind::Math:
            case model::InlineKind::CrossReference:
            case model::InlineKind::LineBreak:
            case model::InlineKind::FootnoteReference: break;
            default: citation_inlines(in.children, out); break;
        }
    }
}

bool may_name_legal_document(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Text) {
            // 《title》, or the brackets and 令第 of a document number.
            for (std::string_view mark : {"《", "〔", "令第", "［", "["}) {
                if (in.text.find(mark) != std::string::npos) return true;
            }
        } else if (!in.children.empty() && may_name_legal_document(in.children)) {
            return true;
        }
    }
    return false;
}

struct Found {
    Citation citation;
    std::size_t start = 0;
    std::size_t end = 0;  // after the designation, its 《title》 and the part pointed at
    ReferenceUse use = ReferenceUse::Neutral;
};

// Text between two citations that makes them one series: "GB/T 1、GB/T 2
// 和GB/T 3的规定" uses all three as the last word says.
bool joins_series(std::string_view between) {
    between = utf8::trim(between);
    for (std::string_view word : {"、", "和", "及", "以及", "或", "与", "，"}) {
        if (between == word) return true;
    }
    return false;
}

class CitationCollector {
public:
    CitationCollector(std::vector<Citation>& out, std::optional<model::Designation> own) : out_(out), own_(std::move(own)) {}

    void run(const model::Inlines& inlines, const model::TextContext& context) {
        switch (context.element_kind()) {
            case SectionKind::NormativeReferences:  // entries, not citations
            case SectionKind::Bibliography:
            case SectionKind::Index: return;
            default: break;
        }
        std::vector<const model::Inline*> cited;
        citation_inlines(inlines, cited);
        if (cited.empty() && !may_name_legal_document(inlines)) return;
        FlatText flat(inlines, FlatText::Citations::AsMarker);
        const std::string& text = flat.text();
        std::vector<Found> found;
        std::size_t next = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != marker || next >= cited.size()) continue;
            Found f;
            f.citation.written = cited[next]->text;
            f.citation.designation = model::parse_designation(cited[next]->text);
            f.citation.location = cited[next]->location;
            f.start = i;
            f.end = i + 1;
            ++next;
            // "GB/T 13016《标准体系构建原则和要求》"
            std::size_t at = f.end;
            if (auto title = quoted_title(text, at)) {
                f.citation.title = std::string(title->inner);
                f.citation.title_location = flat.at(at);
                f.end = title->end;
            }
            read_part(text, flat, f);
            found.push_back(std::move(f));
        }
        find_legal_documents(text, flat, found);
        if (found.empty()) return;
        std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.start < b.start; });
        for (auto& f : found) f.use = reference_use(text, f.start, f.end);
        // A series takes the use of any member the words classify.
        for (std::size_t i = 0; i < found.size();) {
            std::size_t j = i;
            while (j + 1 < found.size() && found[j].end <= found[j + 1].start &&
                   joins_series(std::string_view(text).substr(found[j].end, found[j + 1].start - found[j].end))) {
                ++j;
            }
            ReferenceUse use = ReferenceUse::Neutral;
            for (std::size_t k = i; k <= j; ++k) {
                if (found[k].use == ReferenceUse::Informative) use = ReferenceUse::Informative;
                else if (found[k].use == ReferenceUse::Normative && use == ReferenceUse::Neutral) use = ReferenceUse::Normative;
            }
            for (std::size_t k = i; k <= j; ++k) found[k].use = use;
            i = j + 1;
        }
        for (auto& f : found) {
            // The document's own designation (in a marking example, say) cites nothing.
            if (f.citation.designation && own_ && f.citation.designation->undated() == own_->undated()) continue;
            f.citation.use = classify(f.use, context);
            f.citation.in_term_source = context.in_term_source;
            f.citation.in_table = context.in_table || context.in_figure;
            out_.push_back(std::move(f.citation));
        }
    }

private:
    static CitationUse classify(ReferenceUse use, const model::TextContext& context) {
        if (context.element_kind() == SectionKind::Foreword) return CitationUse::Foreword;
        if (context.in_term_source || context.informative()) return CitationUse::Informative;
        switch (use) {
            case ReferenceUse::Normative: return CitationUse::Normative;
            case ReferenceUse::Informative: return CitationUse::Informative;
            case ReferenceUse::Neutral: break;
        }
        // A mention in a provision makes the document part of it; the scope
        // and titles state no provisions, and a table cell or caption that
        // names a document without a verb (a list of standards) is data.
        if (context.in_title || context.in_table || context.in_figure || context.element_kind() == SectionKind::Scope) {
            return CitationUse::Informative;
        }
        return CitationUse::Normative;
    }

    // "的3.2", "中的表1", "第4章", "的附录A", and in a term's source "，3.1".
    static void read_part(const std::string& text, const FlatText& flat, Found& f) {
        std::size_t at = f.end;
        for (std::string_view joint : {"中的", "的", "中", "，", ","}) {
            if (starts(text, at, joint)) {
                at += joint.size();
                break;
            }
        }
        std::size_t end = at;
        std::string part = pointed_part(text, end);
        if (part.empty()) return;
        f.citation.part = std::move(part);
        f.citation.part_location = flat.at(at);
        f.end = end;
    }

    // Laws, regulations and policy documents: 《…条例》, 国管办发〔2021〕36号,
    // 国务院令第621号; a document number right after a title belongs to it.
    static void find_legal_documents(const std::string& text, const FlatText& flat, std::vector<Found>& found) {
        std::size_t taken_until = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            // Only 《 〔 (E3 …), ［ (EF …), 令 (E4 …) and [ can start what is looked for.
            auto lead = static_cast<unsigned char>(text[i]);
            if (i < taken_until || (lead != 0xE3 && lead != 0xEF && lead != 0xE4 && lead != '[')) continue;
            if (starts(text, i, "《")) {
                std::size_t at = i;
                auto title = quoted_title(text, at);
                if (!title) continue;
                std::string_view before = std::string_view(text).substr(0, i);
                before = utf8::trim(before);
                if (before.ends_with(marker) || !is_legal_title(title->inner)) {
                    taken_until = title->end;
                    continue;
                }
                Found f;
                f.citation.kind = CitedKind::Legal;
                f.citation.title = std::string(title->inner);
                f.start = i;
                f.end = title->end;
                // 《…》（国务院令第621号）
                for (std::string_view open : {"（", "("}) {
                    if (!starts(text, f.end, open)) continue;
                    std::size_t n = f.end + open.size();
                    auto number = document_number_at(text, n);
                    if (number && (starts(text, number->end, "）") || starts(text, number->end, ")"))) {
                        f.end = number->end + (starts(text, number->end, "）") ? std::string_view("）").size() : 1);
                    }
                    break;
                }
                f.citation.written = text.substr(f.start, f.end - f.start);
                f.citation.location = flat.at(f.start);
                f.citation.title_location = f.citation.location;
                taken_until = f.end;
                found.push_back(std::move(f));
                continue;
            }
            // A document number: found at its bracket or 令第, read from the
            // start of the Han run before it (国管办发〔…, 国务院令第…).
            bool bracket = starts(text, i, "〔") || starts(text, i, "［") || text[i] == '[' || starts(text, i, "令第");
            if (bracket) {
                std::size_t run = i;
                int han = 0;
                while (run > taken_until && han < 20) {
                    std::size_t p = utf8::previous_start(text, run);
                    std::size_t q = p;
                    if (!utf8::is_han(utf8::decode(text, q))) break;
                    run = p;
                    ++han;
                }
                if (han == 0) continue;
                auto number = document_number_at(text, run);
                if (!number || number->end <= i) continue;
                Found f;
                f.citation.kind = CitedKind::Legal;
                f.citation.written = text.substr(number->start, number->end - number->start);
                f.citation.title = f.citation.written;
                f.citation.location = flat.at(number->start);
                f.citation.title_location = f.citation.location;
                f.start = number->start;
                f.end = number->end;
                taken_until = f.end;
                found.push_back(std::move(f));
            }
        }
    }

    std::vector<Citation>& out_;
    std::optional<model::Designation> own_;  // the document's own number
};

// ------------------------------------------------------------------ entries

// A marker typed before an entry: "1．", "（1）", "a)", "——", "·", "[1]".
std::size_t typed_marker(std::string_view text, bool& bracketed) {
    bracketed = false;
    for (std::string_view dash : {"——", "—", "·", "•", "-"}) {
        if (text.starts_with(dash)) return dash.size();
    }
    auto digits = [&](std::size_t at) {
        std::size_t n = 0;
        while (at + n < text.size() && ((text[at + n] >= '0' && text[at + n] <= '9') || (text[at + n] >= 'a' && text[at + n] <= 'z' && n == 0))) {
            if (text[at + n] >= 'a' && text[at + n] <= 'z') return n + 1;
            ++n;
        }
        return n;
    };
    for (auto [open, close, bracket] : {std::tuple{"[", "]", true}, {"［", "］", true}, {"【", "】", true}, {"（", "）", false}, {"(", ")", false}}) {
        std::string_view o(open);
        std::string_view c(close);
        if (!text.starts_with(o)) continue;
        std::size_t n = digits(o.size());
        if (n == 0 || !text.substr(o.size() + n).starts_with(c)) continue;
        bracketed = bracket;
        return o.size() + n + c.size();
    }
    std::size_t n = digits(0);
    if (n == 0 || n > 3) return 0;
    // "1．", "1.", "1、", "1)", "a)" — but not the "1" of a title, nor a designation.
    for (std::string_view after : {"．", "、", ")", "）"}) {
        if (text.substr(n).starts_with(after)) return n + after.size();
    }
    if (text.substr(n).starts_with(".") && !(n + 1 < text.size() && text[n + 1] >= '0' && text[n + 1] <= '9')) return n + 1;
    return 0;
}

bool is_space_at(std::string_view text, std::size_t at, std::size_t& length) {
    if (at >= text.size()) return false;
    if (text[at] == ' ' || text[at] == '\t') {
        length = 1;
        return true;
    }
    if (text.substr(at).starts_with("\u3000")) {
        length = 3;
        return true;
    }
    return false;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    std::size_t n = 0;
    while (is_space_at(text, at, n)) at += n;
    return at;
}

void flaw(ReferenceEntry& e, EntryFlaw kind, std::string_view text, SourceLocation where) {
    if (e.flaws.empty()) {
        e.flaw_text = std::string(text);
        e.flaw_location = where;
    }
    e.flaws.push_back(kind);
}

// Where a second entry starts in what reads as one entry's title: lines of
// one paragraph run together (a soft line break between Chinese characters
// is nothing), "标准体系构建原则和要求GB/T 13017　……" or "……改进[2] GB/T
// 35778—2017　……": a designation right after the text of the title (or a
// typed number), followed by a separator. A designation a title names
// (质量管理体系　GB/T 19001—2016应用指南, …application of ISO 9001:2015 for…)
// or an adoption note in parentheses （ISO 9001:2015，IDT） is no entry.
// npos when there is none.
std::size_t second_entry_at(std::string_view title) {
    for (const auto& m : model::find_designations(title)) {
        if (m.offset == 0) continue;
        int depth = 0;
        std::string_view before = title.substr(0, m.offset);
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (before[i] == '(' || before.substr(i).starts_with("（")) ++depth;
            if (before[i] == ')' || before.substr(i).starts_with("）")) --depth;
        }
        if (depth > 0) continue;
        std::size_t n = 0;
        if (!is_space_at(title, m.offset + m.length, n)) continue;
        std::string_view typed = utf8::trim(before);
        bool numbered = typed.size() < before.size() && (typed.ends_with("]") || typed.ends_with("］") || typed.ends_with("】"));
        if (typed.size() == before.size() || numbered) return m.offset;
    }
    return std::string_view::npos;
}

// The title up to a second entry run into it, without the second entry's
// typed number ("[2]").
std::string_view cut_second_entry(std::string_view title) {
    std::size_t at = second_entry_at(title);
    if (at == std::string_view::npos) return title;
    std::string_view cut = utf8::trim(title.substr(0, at));
    for (auto [open, close] : {std::pair{"[", "]"}, {"［", "］"}, {"【", "】"}}) {
        if (!cut.ends_with(close)) continue;
        std::size_t o = cut.rfind(open);
        if (o == std::string_view::npos) break;
        std::string_view inner = cut.substr(o + std::string_view(open).size(), cut.size() - std::string_view(close).size() - o - std::string_view(open).size());
        if (!inner.empty() && inner.find_first_not_of("0123456789") == std::string_view::npos) cut = utf8::trim(cut.substr(0, o));
        break;
    }
    return cut;
}

// Reads one entry: bytes [begin, end) of a flat text.
ReferenceEntry read_entry(const FlatText& flat, std::size_t begin, std::size_t end, bool bibliography) {
    std::string_view all(flat.text());
    std::string_view line = all.substr(begin, end - begin);
    ReferenceEntry e;
    e.text = std::string(utf8::trim(line));
    std::size_t pos = skip_spaces(line, 0);
    e.location = flat.at(begin + pos);
    bool bracketed = false;
    if (std::size_t m = typed_marker(line.substr(pos), bracketed)) {
        std::string_view typed = line.substr(pos, m);
        if (bibliography && bracketed) {
            e.typed_number = std::string(typed);
            flaw(e, EntryFlaw::TypedNumber, typed, flat.at(begin + pos));
        } else {
            flaw(e, EntryFlaw::TypedMarker, typed, flat.at(begin + pos));
        }
        pos = skip_spaces(line, pos + m);
    }
    std::string_view rest = line.substr(pos);
    auto matches = model::find_designations(rest);
    std::size_t title_at = pos;
    if (!matches.empty() && matches.front().offset == 0) {
        const auto& m = matches.front();
        e.designation = m.designation;
        e.designation_text = std::string(rest.substr(0, m.length));
        std::size_t after = pos + m.length;
        std::size_t t = skip_spaces(line, after);
        std::string_view separator = line.substr(after, t - after);
        title_at = t;
        if (t < line.size() && separator != "\u3000" && !starts(line, t, "《")) {
            flaw(e, EntryFlaw::Separator, separator.empty() ? line.substr(t, 0) : separator, flat.at(begin + after));
        }
    } else {
        e.kind = CitedKind::Other;
    }
    std::string_view title = utf8::trim(line.substr(title_at));
    // REF-07 reports entries run together; the first one's title is what it is.
    if (e.designation) title = cut_second_entry(title);
    // End punctuation: ；。，、 or their ASCII forms.
    for (bool chopped = true; chopped && !title.empty();) {
        chopped = false;
        for (std::string_view p : {"；", "。", "，", "、", ";", ",", "."}) {
            if (title.ends_with(p)) {
                std::size_t at = static_cast<std::size_t>(title.data() - all.data()) + title.size() - p.size();
                if (e.designation || e.kind == CitedKind::Other) flaw(e, EntryFlaw::EndPunctuation, p, flat.at(at));
                title.remove_suffix(p.size());
                title = utf8::trim(title);
                chopped = true;
                break;
            }
        }
    }
    if (e.designation && title.starts_with("《")) {
        std::size_t at = 0;
        auto quoted = quoted_title(title, at);
        if (quoted && quoted->end == title.size()) {
            flaw(e, EntryFlaw::TitleQuotes, title, flat.at(static_cast<std::size_t>(title.data() - all.data())));
            title = quoted->inner;
        }
    }
    e.title = std::string(title);
    if (e.designation) {
        if (e.title.empty()) flaw(e, EntryFlaw::NoTitle, e.designation_text, e.location);
        e.corrected = e.designation_text + (e.title.empty() ? "" : "\u3000" + e.title);
    } else {
        std::string_view name = title;
        if (name.starts_with("《")) {
            std::size_t at = 0;
            if (auto quoted = quoted_title(name, at)) name = quoted->inner;
        }
        std::size_t paren = name.find("（");
        bool legal = is_legal_title(paren == std::string_view::npos ? name : utf8::trim(name.substr(0, paren)));
        // "餐饮服务食品安全操作规范（国家市场监督管理总局2018年发布）": issued by an authority.
        if (paren != std::string_view::npos) {
            std::string_view note = name.substr(paren);
            for (std::string_view word : {"发布", "公告", "印发"}) {
                if (note.find(word) != std::string_view::npos) legal = true;
            }
        }
        for (std::size_t i = 0; !legal && i < title.size(); ++i) {
            std::size_t at = i;
            if (document_number_at(title, at)) legal = true;
        }
        if (legal) e.kind = CitedKind::Legal;
        e.corrected = e.title;
    }
    return e;
}

// Entries of 规范性引用文件 or 参考文献: the items of its lists, and the lines
// of its paragraphs other than the lead-in of 规范性引用文件; also those of
// sub-clauses the element should not have (STR-09 says so).
void collect_entries(const model::Section& section, bool bibliography, std::vector<ReferenceEntry>& out, bool top = true) {
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
        const auto& block = section.blocks[b];
        if (block.is<model::List>()) {
            for (const auto& item : block.as<model::List>().items) {
                if (item.blocks.empty() || !item.blocks.front().is<model::Paragraph>()) continue;
                FlatText flat(item.blocks.front().as<model::Paragraph>().content);
                std::string_view text(flat.text());
                std::size_t cut = text.find('\n');
                ReferenceEntry e = read_entry(flat, 0, cut == std::string_view::npos ? text.size() : cut, bibliography);
                if (!e.text.empty()) out.push_back(std::move(e));
            }
            continue;
        }
        if (!block.is<model::Paragraph>()) continue;
        FlatText flat(block.as<model::Paragraph>().content);
        std::string_view text(flat.text());
        for (std::size_t start = 0; start < text.size();) {
            std::size_t cut = text.find('\n', start);
            if (cut == std::string_view::npos) cut = text.size();
            std::string_view line = utf8::trim(text.substr(start, cut - start));
            bool lead_in = !bibliography && top && b == 0 && start == 0;
            if (!line.empty()) {
                auto matches = model::find_designations(line);
                bool entry_like = !matches.empty() && matches.front().offset == 0;
                if (!lead_in || entry_like) out.push_back(read_entry(flat, start, cut, bibliography));
                if (lead_in && !entry_like) {
                    // The lead-in is a paragraph of its own; a second line is an entry.
                }
            }
            start = cut + 1;
        }
    }
    for (const auto& child : section.children) collect_entries(child, bibliography, out, false);
}

}  // namespace

void collect_citations(model::Document& doc) {
    auto& citations = doc.references.citations;
    citations.clear();
    CitationCollector collector(citations, model::parse_designation(doc.metadata.number));
    model::for_each_text(doc, [&](const model::Inlines& inlines, const model::TextContext& context) { collector.run(inlines, context); });
}

void collect_reference_entries(model::Document& doc, const catalog::Catalog& catalog) {
    auto& refs = doc.references;
    refs.normative.clear();
    refs.bibliography.clear();
    refs.normative_chapter = refs.bibliography_element = false;
    for (const auto& section : doc.sections) {
        if (section.kind == SectionKind::NormativeReferences) {
            refs.normative_chapter = true;
            collect_entries(section, false, refs.normative);
        } else if (section.kind == SectionKind::Bibliography) {
            refs.bibliography_element = true;
            collect_entries(section, true, refs.bibliography);
        }
    }
    for (auto* list : {&refs.normative, &refs.bibliography}) {
        for (auto& e : *list) {
            if (e.designation) e.catalog = catalog.match(*e.designation);
        }
    }
    for (auto& c : refs.citations) {
        if (c.designation && c.use != CitationUse::Foreword) c.catalog = catalog.match(*c.designation);
    }
}

}  // namespace bzc::analysis
