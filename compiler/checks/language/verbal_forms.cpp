#include "checks/language/language_checks.h"

namespace bzc::checks::language {

namespace {

bool is_clause_end(char32_t c) {
    switch (c) {
        case U'，': case U'。': case U'；': case U'：': case U'！': case U'？': case U'\n': return true;
        default: return false;
    }
}

// 需要 states a requirement in "设备需要定期校准", not in "满足需要",
// "需要的资料", "需要时" or "需要更换部件的，……" (a condition).
bool need_is_requirement(std::string_view text, const Token& t) {
    std::size_t after = t.offset + t.length;
    if (after >= text.size()) return false;
    std::size_t p = after;
    char32_t next = utf8::decode(text, p);
    if (is_clause_end(next) || next == U'的' || next == U'时' || next == U'、' || next == U'）' || next == U'与' ||
        next == U'和' || next == U'及' || next == U'或' || next == U'而') {
        return false;
    }
    switch (utf8::decode_before(text, t.offset)) {
        case U'如': case U'若': case U'倘': case U'有': case U'因': case U'视': case U'按': case U'据': case U'所':
        case U'的': case U'不': case U'无': case U'未': case U'确': return false;
        default: break;
    }
    // The clause ends in 的/时/者: "需要……的，" is a condition, not a requirement.
    char32_t last = 0;
    p = after;
    while (p < text.size()) {
        std::size_t q = p;
        char32_t c = utf8::decode(text, q);
        if (is_clause_end(c)) break;
        last = c;
        p = q;
    }
    return !(last == U'的' || last == U'时' || last == U'者');
}

// 能 granting a permission: "经批准，车辆能在……维修", "经同意后才能使用".
// Elsewhere 能 states an ability (设备应能自动停机), which is right.
bool can_means_may(std::string_view text, const Token& t) {
    char32_t before = utf8::decode_before(text, t.offset);
    if (before == U'应' || before == U'宜' || before == U'可') return false;
    std::size_t begin = t.offset;
    while (begin > 0) {
        std::size_t p = utf8::previous_start(text, begin);
        std::size_t q = p;
        char32_t c = utf8::decode(text, q);
        if (c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U'\n') break;
        begin = p;
    }
    std::string_view before_text = text.substr(begin, t.offset - begin);
    for (std::string_view grant : {"批准", "同意", "许可", "授权", "允许"}) {
        if (before_text.find(grant) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

// Verbal forms (附录C): substitutes for 应/不应 in provisions, requirements
// in informative text, recommendations and permissions in notes. 范围 is
// the wording family's (SCP-04, SCP-05); titles are not clauses.
void verbal_forms(const Run& run, const Token& t, DiagnosticSink& sink) {
    if (t.quoted || run.place == Place::Scope || run.context.in_title) return;
    // The lists of the 前言 (technical changes, parts, editions) describe
    // other text: "删除了检测机构应具备资质的要求" states no requirement.
    if (run.context.in_list_item && run.context.element_kind() == model::SectionKind::Foreword) return;
    const std::string& text = run.text();
    auto report = [&](std::string_view rule, DiagnosticArgs args, std::optional<Fix> fix = {}) {
        args.push_back({"word", std::string(t.form(text))});
        sink.report(rule, run.flat.at(t.offset), std::move(args), std::move(fix));
    };
    if (run.place == Place::Provision) {
        switch (t.word_class) {
            case WordClass::Must: report("VRB-01", {}, Fix{std::string(t.form(text)), "应"}); break;
            case WordClass::Ought: report("VRB-02", {}, Fix{std::string(t.form(text)), "应"}); break;
            case WordClass::Urge: report("VRB-02", {}); break;
            case WordClass::Cannot: report("VRB-03", {}); break;
            case WordClass::NotPermitted: report("VRB-04", {}); break;
            case WordClass::Need:
                if (need_is_requirement(text, t)) report("VRB-05", {});
                break;
            case WordClass::Can:
                if (can_means_may(text, t)) report("VRB-09", {});
                break;
            default: break;
        }
        return;
    }
    if (is_requirement(t.word_class)) {
        if (run.place == Place::InformativeAnnex) report("VRB-07", {});
        else report("VRB-06", {element_arg(run.context)});
        return;
    }
    bool recommendation = t.word_class == WordClass::Recommendation;
    if (!recommendation && t.word_class != WordClass::Permission) return;
    // 引言 and informative annexes may recommend and permit; the foreword,
    // notes, examples, footnotes and definitions state.
    const TextContext& c = run.context;
    bool stating = c.in_note || c.in_example || c.in_footnote || c.in_definition ||
                   c.element_kind() == model::SectionKind::Foreword;
    if (run.place != Place::Informative || !stating) return;
    report("VRB-08", {element_arg(c), recommendation ? DiagnosticArg{"kind", "推荐", "recommendation"}
                                                      : DiagnosticArg{"kind", "允许", "permission"}});
}

}  // namespace bzc::checks::language
