#include "checks/wording/wording_text.h"
#include "support/text_join.h"

#include "model/designation.h"
#include "support/utf8.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>

namespace bzc::checks::wording {

namespace {

// The statements of a 前言 in the order of rules catalog B.4.
enum class Kind { Other, Basis, Part, Replacement, Adoption, Patent, Proposer, Owner, Units, Drafters, History };

int rank(Kind k) { return static_cast<int>(k); }

DiagnosticArg kind_arg(std::string name, Kind k) {
    switch (k) {
        case Kind::Basis: return {name, "起草依据", "drafting basis"};
        case Kind::Part: return {name, "与其他文件的关系", "relation to other documents"};
        case Kind::Replacement: return {name, "代替关系", "replacement statement"};
        case Kind::Adoption: return {name, "与国际文件的关系", "adoption statement"};
        case Kind::Patent: return {name, "专利说明", "patent notice"};
        case Kind::Proposer: return {name, "提出信息", "proposer"};
        case Kind::Owner: return {name, "归口信息", "owner"};
        case Kind::Units: return {name, "起草单位", "drafting bodies"};
        case Kind::Drafters: return {name, "起草人", "drafters"};
        case Kind::History: return {name, "历次版本发布情况", "edition history"};
        default: return {name, "", ""};
    }
}

struct Statement {
    Kind kind = Kind::Other;
    const FlatText* flat = nullptr;
    Span span;        // in flat->text()
    std::string raw;  // the sentence as written
    Folded folded;

    bool generated = false;  // written by bzc from the cover data: point at the cover data
    SourceLocation generated_at;

    SourceLocation at(std::size_t offset_in_sentence = 0) const {
        return generated ? generated_at : flat->at(span.begin + offset_in_sentence);
    }
    // The raw text for the folded bytes [from, to).
    std::string raw_of(std::size_t from, std::size_t to) const {
        std::size_t a = folded.original(from, raw.size());
        std::size_t b = to >= folded.text.size() ? raw.size() : folded.original(to, raw.size());
        return raw.substr(a, b - a);
    }
};

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Where a missing statement belongs: at the first statement that comes
// after it in the prescribed order, else at the last statement, else at
// the 前言 itself.
struct Placement {
    const model::Section& foreword;
    const std::vector<Statement>& statements;

    SourceLocation missing(Kind k) const {
        const Statement* last = nullptr;
        for (const auto& s : statements) {
            if (s.kind == Kind::Other) continue;
            if (static_cast<int>(s.kind) > static_cast<int>(k)) return s.at();
            last = &s;
        }
        // After the last statement: at the start of its paragraph.
        if (last) return last->generated ? last->generated_at : last->flat->at(0);
        return foreword.location;
    }
};

Kind classify(std::string_view f) {
    if (contains(f, "专利")) return Kind::Patent;
    if (contains(f, "GB/T1.1") && contains(f, "起草")) return Kind::Basis;
    if (f.starts_with("本文件起草单位") || f.starts_with("本文件主要起草单位")) return Kind::Units;
    if (f.starts_with("本文件主要起草人") || f.starts_with("本文件起草人")) return Kind::Drafters;
    if (f.starts_with("本文件代替") || f.starts_with("本文件部分代替") || f.starts_with("本文件替代")) return Kind::Replacement;
    if (f.starts_with("本文件") && (contains(f, "等同采用") || contains(f, "修改采用") || contains(f, "非等效") ||
                                   (f.starts_with("本文件参考") && contains(f, "起草")))) {
        return Kind::Adoption;
    }
    if (f.starts_with("本文件由") && contains(f, "提出")) return Kind::Proposer;
    if (f.starts_with("本文件由") && contains(f, "归口")) return Kind::Owner;
    if (f.starts_with("本文件是") && contains(f, "部分")) return Kind::Part;
    if (contains(f, "历次版本") || contains(f, "首次发布") || f.starts_with("本次为第")) return Kind::History;
    return Kind::Other;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += "“" + n + "”";
    return out;
}

// ------------------------------------------------------- drafting basis

void check_basis(const std::vector<const Statement*>& found, const Placement& place, DiagnosticSink& sink) {
    std::string expected(fixed::drafting_basis);
    if (found.empty()) {
        sink.report("FIX-08", place.missing(Kind::Basis), {{"expected", expected}});
        return;
    }
    const Statement& s = *found.front();
    std::size_t diff = first_difference(s.folded.text, folded(expected));
    if (diff == std::string_view::npos) return;
    if (is_2009_drafting_basis(s.folded.text)) {
        sink.report("FIX-09", s.at(), {{"found", s.raw}, {"expected", expected}}, Fix{s.raw, expected});
        return;
    }
    std::size_t at = s.folded.original(diff, s.raw.size());
    sink.report("FIX-10", s.at(at), {{"found", excerpt(s.raw, at)}, {"expected", expected}});
}

// -------------------------------------------------------- patent notice

void check_patent(const std::vector<const Statement*>& found, const Placement& place, DiagnosticSink& sink) {
    std::string expected(fixed::patent_notice);
    if (found.empty()) {
        sink.report("FIX-11", place.missing(Kind::Patent), {{"problem", "缺少专利说明", "lacks the patent notice"}, {"expected", expected}});
        return;
    }
    // Its two sentences: 请注意……可能涉及专利。 and 本文件的发布机构不承担识别专利的责任。
    auto parts = sentences(expected);
    std::string first(std::string_view(expected).substr(parts[0].begin, parts[0].end - parts[0].begin));
    std::string second(std::string_view(expected).substr(parts[1].begin, parts[1].end - parts[1].begin));
    const Statement* notice = nullptr;
    const Statement* disclaimer = nullptr;
    for (const Statement* s : found) {
        if (contains(s->folded.text, "发布机构")) {
            if (!disclaimer) disclaimer = s;
        } else if (!notice) {
            notice = s;
        }
    }
    auto missing = [&](const std::string& sentence, SourceLocation where) {
        sink.report("FIX-11", where,
                    {{"problem", "的专利说明缺少“" + sentence + "”", "'s patent notice lacks “" + sentence + "”"}, {"expected", expected}});
    };
    auto compare = [&](const Statement& s, const std::string& want) {
        std::string text = s.folded.text;
        std::size_t these = text.find("识别这些专利");
        if (these != std::string::npos) {
            std::size_t from = s.folded.original(these, s.raw.size());
            std::string original = s.raw_of(these, these + std::string_view("识别这些专利").size());
            sink.report("FIX-12", s.at(from), {{"found", original}}, Fix{original, "识别专利"});
            text.erase(these + std::string_view("识别").size(), std::string_view("这些").size());
        }
        std::size_t diff = first_difference(text, folded(want));
        if (diff == std::string_view::npos) return;
        // Back to an index of s.folded, which still holds 这些.
        if (these != std::string::npos && diff >= these + std::string_view("识别").size()) diff += std::string_view("这些").size();
        std::size_t at = s.folded.original(diff, s.raw.size());
        std::string from = excerpt(s.raw, at);
        sink.report("FIX-11", s.at(at),
                    {{"problem", "的专利说明与规定的表述不一致（自“" + from + "”起）",
                      "'s patent notice departs from the fixed wording (from “" + from + "”)"},
                     {"expected", expected}});
    };
    if (notice) compare(*notice, first);
    else missing(first, disclaimer->at());
    if (disclaimer) compare(*disclaimer, second);
    else missing(second, notice->at());
}

// --------------------------------------------------- proposer and owner

struct Bodies {
    std::optional<std::string> proposer;  // raw text
    std::optional<std::string> owner;
};

// 本文件由A提出。/由B归口。/由A提出并归口。/由A提出，由B归口。
Bodies bodies_of(const Statement& s) {
    Bodies b;
    const std::string& f = s.folded.text;
    std::size_t begin = std::string_view("本文件由").size();
    std::size_t end = f.size();
    while (end > begin && (f[end - 1] == '.' || f[end - 1] == ';')) --end;
    std::string_view body = std::string_view(f).substr(begin, end - begin);
    auto raw = [&](std::size_t from, std::size_t to) { return std::string(utf8::trim(s.raw_of(begin + from, begin + to))); };
    if (body.ends_with("提出并归口")) {
        b.proposer = b.owner = raw(0, body.size() - std::string_view("提出并归口").size());
        return b;
    }
    for (std::string_view joint : {std::string_view("提出,并由"), std::string_view("提出,由"), std::string_view("提出;由")}) {
        std::size_t at = body.find(joint);
        if (at != std::string_view::npos && body.ends_with("归口")) {
            b.proposer = raw(0, at);
            b.owner = raw(at + joint.size(), body.size() - std::string_view("归口").size());
            return b;
        }
    }
    if (body.ends_with("提出")) b.proposer = raw(0, body.size() - std::string_view("提出").size());
    else if (body.ends_with("归口")) b.owner = raw(0, body.size() - std::string_view("归口").size());
    return b;
}

void check_bodies(const std::vector<const Statement*>& found, const Placement& place, const model::Metadata& m,
                  DiagnosticSink& sink) {
    const Statement* proposer_at = nullptr;
    const Statement* owner_at = nullptr;
    std::string proposer, owner;
    for (const Statement* s : found) {
        Bodies b = bodies_of(*s);
        if (b.proposer && !proposer_at) proposer_at = s, proposer = *b.proposer;
        if (b.owner && !owner_at) owner_at = s, owner = *b.owner;
    }
    auto check = [&](const std::string& cover, const Statement* at, const std::string& text, std::string_view verb,
                     std::string_view verb_en, Kind kind) {
        if (cover.empty()) return;
        if (!at) {
            std::string sentence = "本文件由" + cover + std::string(verb) + "。";
            sink.report("FIX-13", place.missing(kind),
                        {{"detail", "缺少“" + sentence + "”", "“" + sentence + "” is missing"}});
        } else if (folded(text) != folded(cover)) {
            sink.report("FIX-13", at->at(),
                        {{"detail", "前言写作由“" + text + "”" + std::string(verb) + "，封面数据为“" + cover + "”",
                          "the foreword names “" + text + "” as " + std::string(verb_en) + ", the cover data “" + cover + "”"}});
        }
    };
    check(m.proposer, proposer_at, proposer, "提出", "proposer", Kind::Proposer);
    check(m.owner, owner_at, owner, "归口", "owner", Kind::Owner);
}

// ------------------------------------------------ drafting bodies, drafters

std::vector<std::string> names_of(const Statement& s) {
    std::vector<std::string> names;
    std::string_view raw = s.raw;
    std::size_t colon = raw.find("：");
    std::size_t skip = std::string_view("：").size();
    if (colon == std::string_view::npos) colon = raw.find(':'), skip = 1;
    if (colon == std::string_view::npos) return names;
    std::string_view list = raw.substr(colon + skip);
    for (std::string_view end : {"。", "；", ".", ";"}) {
        list = utf8::trim(list);
        if (list.ends_with(end)) list.remove_suffix(end.size());
    }
    std::size_t pos = 0, start = 0;
    auto add = [&](std::size_t to) {
        std::string_view name = utf8::trim(list.substr(start, to - start));
        if (!name.empty()) names.emplace_back(name);
    };
    while (pos < list.size()) {
        std::size_t at = pos;
        char32_t c = utf8::decode(list, pos);
        if (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';') {
            add(at);
            start = pos;
        }
    }
    add(list.size());
    return names;
}

void check_names(const std::vector<const Statement*>& found, const std::vector<std::string>& cover, Kind kind,
                 const Placement& place, DiagnosticSink& sink) {
    if (cover.empty()) return;
    bool units = kind == Kind::Units;
    DiagnosticArg what = kind_arg("what", kind);
    if (found.empty()) {
        std::string sentence = std::string(units ? "本文件起草单位：" : "本文件主要起草人：") + join(cover, "、") + "。";
        sink.report("FIX-14", place.missing(kind), {what, {"detail", "缺少“" + sentence + "”", "“" + sentence + "” is missing"}});
        return;
    }
    const Statement& s = *found.front();
    std::vector<std::string> written = names_of(s);
    std::vector<std::string> cover_f, written_f;
    for (const auto& n : cover) cover_f.push_back(folded(n));
    for (const auto& n : written) written_f.push_back(folded(n));
    if (cover_f == written_f) return;
    std::vector<std::string> missing, extra;
    for (std::size_t i = 0; i < cover.size(); ++i) {
        if (std::find(written_f.begin(), written_f.end(), cover_f[i]) == written_f.end()) missing.push_back(cover[i]);
    }
    for (std::size_t i = 0; i < written.size(); ++i) {
        if (std::find(cover_f.begin(), cover_f.end(), written_f[i]) == cover_f.end()) extra.push_back(written[i]);
    }
    std::string zh, en;
    if (!missing.empty()) {
        zh += "缺少封面数据中的" + quoted_list(missing);
        en += "the cover data's " + quoted_list(missing) + " are missing";
    }
    if (!extra.empty()) {
        zh += std::string(zh.empty() ? "" : "；") + "封面数据中没有" + quoted_list(extra);
        en += std::string(en.empty() ? "" : "; ") + quoted_list(extra) + " are not in the cover data";
    }
    if (zh.empty()) {
        zh = "顺序与封面数据不同（封面数据为“" + join(cover, "、") + "”）";
        en = "the order differs from the cover data (“" + join(cover, "、") + "”)";
    }
    sink.report("FIX-14", s.at(), {what, {"detail", zh, en}});
}

// ------------------------------------------------------------- 代替

std::string canonical_or_folded(std::string_view text) {
    auto d = model::parse_designation(text);
    return d ? d->canonical() : folded(text);
}

// The documents a replacement sentence names before its first "，" (outside 《》).
std::vector<std::string> replaced_in(const Statement& s) {
    std::string_view raw = s.raw;
    std::size_t pos = 0, end = raw.size();
    int depth = 0;
    while (pos < raw.size()) {
        std::size_t at = pos;
        char32_t c = utf8::decode(raw, pos);
        if (c == U'《') ++depth;
        else if (c == U'》' && depth > 0) --depth;
        else if (c == U'，' && depth == 0) {
            end = at;
            break;
        }
    }
    std::vector<std::string> out;
    for (const auto& m : model::find_designations(raw.substr(0, end))) out.push_back(m.designation.canonical());
    return out;
}

void check_replacement(const std::vector<const Statement*>& found, const Placement& place, const model::Metadata& m,
                       DiagnosticSink& sink) {
    if (found.empty()) {
        if (m.replaces.empty()) return;
        std::string sentence = "本文件代替" + join(m.replaces, "、") + "……";
        sink.report("FIX-15", place.missing(Kind::Replacement),
                    {{"detail", "封面数据注明代替" + join(m.replaces, "、") + "，前言缺少“" + sentence + "”段",
                      "the cover data replaces " + join(m.replaces, "、") + ", the foreword lacks the paragraph “" + sentence + "”"}});
        return;
    }
    const Statement& s = *found.front();
    if (m.replaces.empty()) {
        sink.report("FIX-15", s.at(),
                    {{"detail", "前言写有代替关系，封面数据却没有代替（replaces）",
                      "the foreword states a replacement, but the cover data has no replaces"}});
        return;
    }
    std::vector<std::string> named = replaced_in(s);
    std::vector<std::string> cover;
    for (const auto& r : m.replaces) cover.push_back(canonical_or_folded(r));
    for (std::size_t i = 0; i < cover.size(); ++i) {
        if (std::find(named.begin(), named.end(), cover[i]) == named.end() && !contains(s.folded.text, folded(m.replaces[i]))) {
            sink.report("FIX-15", s.at(),
                        {{"detail", "代替段没有写出封面数据所列的被代替文件“" + m.replaces[i] + "”",
                          "the replacement statement does not name “" + m.replaces[i] + "”, which the cover data replaces"}});
        }
    }
    for (const auto& n : named) {
        if (std::find(cover.begin(), cover.end(), n) == cover.end()) {
            sink.report("FIX-15", s.at(),
                        {{"detail", "代替段写出的“" + n + "”不在封面数据的代替（replaces）中",
                          "the replacement statement names “" + n + "”, which is not in the cover data's replaces"}});
        }
    }
}

// A revision: the main technical changes after the replacement statement
// (in it, or in a sentence of their own), and the edition history.
void check_revision(const std::vector<Statement>& statements, const Placement& place, const model::Metadata& m,
                    DiagnosticSink& sink) {
    if (m.replaces.empty()) return;
    const Statement* replacement = nullptr;
    bool changes = false, history = false;
    for (const auto& s : statements) {
        if (s.kind == Kind::Replacement && !replacement) replacement = &s;
        if (s.kind == Kind::History) history = true;
        if (contains(s.folded.text, "技术变化") || contains(s.folded.text, "主要变化") || contains(s.folded.text, "技术差异")) {
            changes = true;
        }
    }
    std::string replaced = join(m.replaces, "、");
    // Both need the author's words, so a 前言 generated from the cover data lacks them.
    bool generated = place.foreword.location == m.location;
    std::string zh_tail = generated ? "（前言是由封面数据生成的，请在源文件中写出“# 前言”）" : "";
    std::string en_tail = generated ? " (the foreword was generated from the cover data: write it out under '# 前言')" : "";
    if (replacement && !changes) {
        sink.report("FIX-18", replacement->at(),
                    {{"replaced", replaced},
                     {"detail", "没有列出与其相比的主要技术变化（“……主要技术变化如下：”）" + zh_tail,
                      "does not list the main technical changes (……主要技术变化如下：)" + en_tail}});
    }
    if (!history) {
        sink.report("FIX-18", place.missing(Kind::History),
                    {{"replaced", replaced},
                     {"detail", "缺少历次版本发布情况（“本文件及其所代替文件的历次版本发布情况为：”）" + zh_tail,
                      "lacks the edition history (本文件及其所代替文件的历次版本发布情况为：)" + en_tail}});
    }
}

// ------------------------------------------------------------ adoption

std::string degree_of(std::string_view f) {
    if (contains(f, "等同采用")) return "IDT";
    if (contains(f, "修改采用")) return "MOD";
    if (contains(f, "非等效") || (f.starts_with("本文件参考") && contains(f, "起草"))) return "NEQ";
    return {};
}

void check_adoption(const std::vector<const Statement*>& found, const Placement& place, const model::Metadata& m,
                    DiagnosticSink& sink) {
    // "ISO 9001:2015, MOD", also in parentheses as printed on the cover.
    std::string_view mark_text = utf8::trim(m.adoption);
    for (auto [open, close] : {std::pair{"(", ")"}, std::pair{"（", "）"}}) {
        if (mark_text.starts_with(open) && mark_text.ends_with(close)) {
            mark_text = utf8::trim(mark_text.substr(std::strlen(open), mark_text.size() - std::strlen(open) - std::strlen(close)));
        }
    }
    std::string document(mark_text), degree;
    for (std::string_view comma_text : {",", "，"}) {
        auto comma = mark_text.rfind(comma_text);
        if (comma == std::string_view::npos) continue;
        std::string mark(utf8::trim(mark_text.substr(comma + comma_text.size())));
        if (mark == "IDT" || mark == "MOD" || mark == "NEQ") {
            degree = mark;
            document = std::string(utf8::trim(mark_text.substr(0, comma)));
            break;
        }
    }
    if (found.empty()) {
        if (m.adoption.empty()) return;
        sink.report("FIX-16", place.missing(Kind::Adoption),
                    {{"detail", "封面数据的一致性程度标识为“" + m.adoption + "”，前言缺少采标陈述（如“本文件等同采用……”）",
                      "the cover data's degree of correspondence is “" + m.adoption +
                          "”, the foreword lacks the adoption statement (such as 本文件等同采用……)"}});
        return;
    }
    const Statement& s = *found.front();
    if (m.adoption.empty()) {
        sink.report("FIX-16", s.at(),
                    {{"detail", "前言写有采标陈述，封面数据却没有一致性程度标识（adoption）",
                      "the foreword states an adoption, but the cover data has no adoption mark"}});
        return;
    }
    std::string written = degree_of(s.folded.text);
    if (!degree.empty() && !written.empty() && written != degree) {
        sink.report("FIX-16", s.at(),
                    {{"detail", "前言的采标陈述为" + written + "，封面数据为" + degree,
                      "the foreword states " + written + ", the cover data " + degree}});
    }
    auto wanted = model::parse_designation(document);
    bool named = false;
    if (wanted) {
        for (const auto& d : model::find_designations(s.raw)) named = named || d.designation.canonical() == wanted->canonical();
    } else {
        named = contains(s.folded.text, folded(document));
    }
    if (!named) {
        sink.report("FIX-16", s.at(),
                    {{"detail", "采标陈述没有写出封面数据所列的国际文件“" + document + "”",
                      "the adoption statement does not name “" + document + "” of the cover data"}});
    }
}

}  // namespace

// The statements of the 前言 (8.3; rules catalog B.4), written by the author
// or generated from the cover data: the fixed sentences, their agreement
// with the cover data, and their order.
void check_foreword(const model::Document& doc, DiagnosticSink& sink) {
    const model::Section* foreword = nullptr;
    for (const auto& s : doc.sections) {
        if (s.kind == model::SectionKind::Foreword) {
            foreword = &s;
            break;
        }
    }
    if (!foreword) return;
    std::deque<FlatText> flats;  // stable addresses
    std::vector<Statement> statements;
    for (const auto& block : foreword->blocks) {
        if (!block.is<model::Paragraph>()) continue;
        const FlatText& flat = flats.emplace_back(block.as<model::Paragraph>().content);
        for (const Span& span : sentences(flat.text())) {
            Statement s;
            s.flat = &flat;
            s.span = span;
            s.raw = flat.text().substr(span.begin, span.end - span.begin);
            s.folded = fold(s.raw);
            s.kind = classify(s.folded.text);
            s.generated = foreword->location == doc.metadata.location;
            s.generated_at = foreword->location;
            statements.push_back(std::move(s));
        }
    }
    auto of = [&](std::initializer_list<Kind> kinds) {
        std::vector<const Statement*> out;
        for (const auto& s : statements) {
            if (std::find(kinds.begin(), kinds.end(), s.kind) != kinds.end()) out.push_back(&s);
        }
        return out;
    };
    const model::Metadata& m = doc.metadata;
    Placement place{*foreword, statements};
    check_basis(of({Kind::Basis}), place, sink);
    check_patent(of({Kind::Patent}), place, sink);
    check_bodies(of({Kind::Proposer, Kind::Owner}), place, m, sink);
    check_names(of({Kind::Units}), m.drafting_units, Kind::Units, place, sink);
    check_names(of({Kind::Drafters}), m.drafters, Kind::Drafters, place, sink);
    check_replacement(of({Kind::Replacement}), place, m, sink);
    check_revision(statements, place, m, sink);
    check_adoption(of({Kind::Adoption}), place, m, sink);

    // Order: the first statement that belongs before one already seen.
    const Statement* latest = nullptr;
    for (const auto& s : statements) {
        if (s.kind == Kind::Other) continue;
        if (latest && rank(s.kind) < rank(latest->kind)) {
            sink.report("FIX-17", s.at(), {kind_arg("this", s.kind), kind_arg("previous", latest->kind)});
            break;
        }
        if (!latest || rank(s.kind) > rank(latest->kind)) latest = &s;
    }
}

}  // namespace bzc::checks::wording
