#include "checks/check.h"
#include "checks/cover/cover_common.h"

namespace bzc::checks {

namespace {

std::string stage_zh(model::Stage stage) { return std::string(model::stage_name_zh(stage)); }

std::string stage_en(model::Stage stage) {
    switch (stage) {
        case model::Stage::WorkingDraft: return "working draft";
        case model::Stage::CommentDraft: return "draft for comments";
        case model::Stage::ReviewDraft: return "draft for review";
        case model::Stage::ApprovalDraft: return "draft for approval";
        case model::Stage::Published: return "published standard";
    }
    return "draft";
}

DiagnosticArg stage_arg(model::Stage stage) { return {"stage", stage_zh(stage), stage_en(stage)}; }

}  // namespace

// Cover items that become due as a draft moves on (8.1, §F.2, §D.6): the
// completion date of the review and approval drafts (COV-04), the ICS and
// CCS codes from the review draft (COV-06), the filing number of a published
// industry or local standard (COV-03), and on a published standard its dates
// (COV-05) and no placeholders (COV-16). Without a stage nothing is due.
void check_cover_stage_fields(const model::Document& doc, DiagnosticSink& sink) {
    const auto& m = doc.metadata;
    if (!m.present || m.unreadable || !m.stage) return;
    const model::Stage stage = *m.stage;
    SourceLocation at_stage = m.where("stage");

    // Due once a draft is circulated for review; earlier drafts change daily.
    bool reviewed_draft = stage == model::Stage::ReviewDraft || stage == model::Stage::ApprovalDraft;
    if (reviewed_draft && m.draft_date.empty()) sink.report("COV-04", at_stage, {stage_arg(stage)});

    if (stage >= model::Stage::ReviewDraft) {
        if (m.ics.empty()) sink.report("COV-06", at_stage, {stage_arg(stage), {"what", "ICS号", "ICS code"}, {"field", "ics"}});
        if (m.ccs.empty()) sink.report("COV-06", at_stage, {stage_arg(stage), {"what", "CCS号", "CCS code"}, {"field", "ccs"}});
    }

    // The filing number is assigned when the standard is published.
    if (stage == model::Stage::Published && m.filing.empty()) {
        auto d = cover::read_number(m.number);
        if (d && (d->family == model::DesignationFamily::Industry || d->family == model::DesignationFamily::Local)) {
            bool local = d->family == model::DesignationFamily::Local;
            sink.report("COV-03", at_stage,
                        {{"kind", local ? "地方标准" : "行业标准", local ? "a local standard" : "an industry standard"}, stage_arg(stage)});
        }
    }

    if (stage != model::Stage::Published) return;
    if (m.issued.empty()) sink.report("COV-05", at_stage, {{"what", "发布日期", "publication date"}, {"field", "issued"}});
    if (m.effective.empty()) sink.report("COV-05", at_stage, {{"what", "实施日期", "implementation date"}, {"field", "effective"}});
    struct Field {
        const char* key;
        const std::string* value;
        const char* zh;
        const char* en;
    };
    for (const auto& f : {Field{"number", &m.number, "标准编号", "number"}, Field{"issued", &m.issued, "发布日期", "publication date"},
                          Field{"effective", &m.effective, "实施日期", "implementation date"},
                          Field{"filing", &m.filing, "备案号", "filing number"}}) {
        if (cover::is_placeholder(*f.value)) {
            sink.report("COV-16", m.where(f.key), {{"what", f.zh, f.en}, {"field", f.key}, {"value", *f.value}});
        }
    }
}

}  // namespace bzc::checks
