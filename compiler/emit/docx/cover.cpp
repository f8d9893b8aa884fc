// The cover (catalog §F.2, §F.6): every item in a frame placed absolutely on
// the page at the template's positions — ICS/CCS/备案号, the code of the
// document where the logo goes, the banner of the family, the rule, the
// designation and 代替 line, the Chinese and English titles, the consistency
// mark, the draft stage with 本草案完成时间 and the patent note of drafts,
// the issue and implementation dates, the rule, the issuing body.

#include "emit/docx/document_writer.h"
#include "support/text_join.h"
#include "model/designation.h"
#include "support/code_list.h"
#include "support/resources.h"

#include <cmath>

namespace bzc::emit::docx {

namespace {

int mm(double v) { return static_cast<int>(std::lround(v * 1440.0 / 25.4)); }

// A frame: left edge and top edge from the page's top-left corner, width.
struct Frame {
    int x, y, w;
};

// Positions from the frames of 国家标准.dotx (catalog §F.2 [T]); the logo
// frame is widened to the right margin to hold a code written as text.
const Frame ics_frame{mm(24.2), mm(10), mm(90)};
const Frame logo_frame{mm(115), mm(13), mm(80)};
const Frame banner_frame{mm(25), mm(40), mm(170)};
const Frame number_frame{mm(25), mm(75), mm(170)};
const Frame title_frame{mm(25), mm(113), mm(170)};
const Frame issued_frame{mm(25), mm(250), mm(85)};
const Frame effective_frame{mm(110), mm(250), mm(85)};
const Frame issuer_frame{mm(25), mm(257), mm(170)};

std::string lookup(std::string_view list, std::string_view code) {
    std::string found;
    for_each_code(embedded_resource(list), [&](std::string_view c, std::string_view meaning) {
        if (found.empty() && c == code) found = std::string(meaning);
    });
    return found;
}

std::string strip_suffix(std::string text, std::string_view suffix) {
    if (text.size() > suffix.size() && std::string_view(text).ends_with(suffix)) text.erase(text.size() - suffix.size());
    return text;
}

// 中华人民共和国国家标准, ××省地方标准, 团体标准 … (catalog §F.6).
std::string banner(const std::optional<model::Designation>& d, const model::Metadata& m) {
    if (!d) return {};
    std::string issuer_place = strip_suffix(m.issuer, "市场监督管理局");
    switch (d->family) {
        case model::DesignationFamily::National:
            return d->code == "GB/Z" ? "中华人民共和国国家标准化指导性技术文件" : "中华人民共和国国家标准";
        case model::DesignationFamily::Industry: {
            std::string sector = lookup("rules/codes/industry.txt", d->code.substr(0, d->code.find('/')));
            return sector.empty() ? "中华人民共和国行业标准" : "中华人民共和国　" + sector + "行业标准";
        }
        case model::DesignationFamily::Local: {
            // DB43 is a province; DB4301, a city: named after the issuing body.
            std::string digits = d->code.substr(2, d->code.find('/') == std::string::npos ? std::string::npos : d->code.find('/') - 2);
            if (digits.size() == 2) {
                std::string province = lookup("rules/codes/provinces.txt", digits);
                if (!province.empty()) return province + "地方标准";
            }
            if (issuer_place != m.issuer) return issuer_place + "地方标准";
            return "地方标准";
        }
        case model::DesignationFamily::Group: return "团体标准";
        case model::DesignationFamily::Enterprise: return m.issuer.empty() ? "企业标准" : m.issuer + "企业标准";
        case model::DesignationFamily::International: return {};
    }
    return {};
}

// The code printed where the logo goes: GB, DB43, JB, T/CAGOA, Q/XXX.
std::string logo(const std::optional<model::Designation>& d) {
    if (!d || d->family == model::DesignationFamily::International) return {};
    std::string code = d->code;
    if (code.ends_with("/T") || code.ends_with("/Z")) code.erase(code.size() - 2);
    return code;
}

// The designation, or for a draft's placeholder (GB/T ××××—××××, DB43/T
// XXXX—XXXX) the designation it stands for, so that its family is known.
std::optional<model::Designation> designation_of(const std::string& number) {
    if (auto d = model::parse_designation(number)) return d;
    std::size_t space = number.find(' ');
    if (space == std::string::npos) return std::nullopt;
    std::string digits = number.substr(0, space);
    for (std::size_t i = space; i < number.size(); ++i) {
        if (number.compare(i, 2, "×") == 0) {
            digits += '0';
            ++i;
        } else {
            digits += number[i] == 'X' || number[i] == 'x' ? '0' : number[i];
        }
    }
    return model::parse_designation(digits);
}

}  // namespace

void DocumentWriter::cover() {
    const model::Metadata& m = doc_.metadata;
    auto designation = designation_of(m.number);
    auto framed = [&](const Frame& f, std::string_view style_id, std::string_view text, const RunFormat& format,
                      std::string_view align = {}, bool rule_above = false, std::string_view rule_space = "1") {
        x_.open("w:p");
        x_.open("w:pPr");
        x_.empty("w:pStyle", {{"w:val", style_id}});
        x_.empty("w:framePr", {{"w:w", num(f.w)}, {"w:wrap", "around"}, {"w:vAnchor", "page"}, {"w:hAnchor", "page"},
                               {"w:x", num(f.x)}, {"w:y", num(f.y)}});
        if (rule_above) {
            x_.open("w:pBdr");
            x_.empty("w:top", {{"w:val", "single"}, {"w:sz", "8"}, {"w:space", rule_space}, {"w:color", "auto"}});
            x_.close();
        }
        if (!align.empty()) x_.empty("w:jc", {{"w:val", align}});
        x_.close();
        run(text, format);
        x_.close();
    };
    RunFormat heiti = RunFormat().font("黑体");

    // ICS, CCS and 备案号, top left: 黑体 五号, labels in Times New Roman.
    if (!m.ics.empty()) framed(ics_frame, "Normal", "ICS " + join(m.ics, "；"), heiti, "left");
    if (!m.ccs.empty()) framed(ics_frame, "Normal", "CCS " + m.ccs, heiti, "left");
    if (!m.filing.empty()) framed(ics_frame, "Normal", "备案号：" + m.filing, heiti, "left");

    // Where the logo goes: the code as text.
    std::string code = logo(designation);
    if (!code.empty()) framed(logo_frame, "Normal", code, RunFormat().bolded().sized(56), "right");

    std::string title_banner = banner(designation, m);
    if (!title_banner.empty()) {
        // Distributed over the frame as in the template; a short banner (团体标准) centred.
        bool short_banner = title_banner.size() <= 4 * 3;
        framed(banner_frame, "BZCoverBanner", title_banner, {}, short_banner ? "center" : "");
    }

    // The rule, the designation under it and the 代替 line.
    framed(number_frame, "BZCoverNumber", m.number, {}, "", true);
    if (!m.replaces.empty()) framed(number_frame, "BZCoverReplaces", "代替 " + join(m.replaces, "、"), {});

    // Titles, consistency mark, draft stage.
    framed(title_frame, "BZCoverTitle", m.title, {});
    if (!m.title_en.empty()) framed(title_frame, "BZCoverTitleEn", m.title_en, RunFormat().english());
    if (!m.adoption.empty()) {
        std::string mark = m.adoption;
        if (!mark.starts_with("(") && !mark.starts_with("（")) mark = "(" + mark + ")";
        framed(title_frame, "Normal", mark, RunFormat().sized(sheet_.size("四号")), "center");
    }
    if (m.stage && *m.stage != model::Stage::Published) {
        framed(title_frame, "Normal", "（" + std::string(model::stage_name_zh(*m.stage)) + "）", RunFormat().sized(sheet_.size("小四")), "center");
        if (!m.draft_date.empty()) framed(title_frame, "Normal", "（本草案完成时间：" + m.draft_date + "）", {}, "center");
        if (*m.stage == model::Stage::CommentDraft || *m.stage == model::Stage::ReviewDraft) {
            // The patent note of drafts for comment and review (catalog §B.4 [V]).
            framed(title_frame, "Normal", "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。", {}, "center");
        }
    }

    // Dates; the lower rule and the issuing body.
    framed(issued_frame, "BZCoverIssued", (m.issued.empty() ? "××××-××-××" : m.issued) + "发布", {});
    framed(effective_frame, "BZCoverEffective", (m.effective.empty() ? "××××-××-××" : m.effective) + "实施", {});
    std::string issuer = m.issuer;
    if (issuer.empty() && designation && designation->family == model::DesignationFamily::National) {
        issuer = "国家市场监督管理总局　国家标准化管理委员会";
    }
    // The lower rule at 257 mm, the issuing body under it (4 pt apart:
    // LibreOffice drops a border set further from the text in a frame).
    framed(issuer_frame, "BZCoverIssuer", issuer.empty() ? "" : issuer + "　发布", {}, "", true, "4");
}

}  // namespace bzc::emit::docx
