#include "checks/check.h"
#include "checks/cover/cover_common.h"

namespace bzc::checks {

namespace {

// The digits of a local code: DB43/T → 43, DB4301/T → 4301.
std::string local_digits(const model::Designation& d) {
    std::string digits;
    for (char c : d.code)
        if (c >= '0' && c <= '9') digits += c;
    return digits;
}

// What identifies the issuer of a designation: GB for every national
// standard (GB, GB/T, GB/Z), the letters of an industry code, the area code
// of a local standard, the code of a group or enterprise.
std::string issuer_key(const model::Designation& d) {
    switch (d.family) {
        case model::DesignationFamily::National: return "GB";
        case model::DesignationFamily::Industry: return d.code.substr(0, d.code.find('/'));
        case model::DesignationFamily::Local: return "DB" + local_digits(d);
        default: return d.code;
    }
}

// The province a name belongs to, for the hint: 湖南省市场监督管理局 → 43.
const cover::Province* province_named_in(std::string_view text) {
    for (const auto& p : cover::provinces()) {
        if (text.find(p.name) != std::string_view::npos) return &p;
    }
    return nullptr;
}

// 湖南省 → 湖南, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西: how the issuer's name starts.
std::string short_name(const std::string& name) {
    for (std::string_view three : {"内蒙古", "黑龙江"}) {
        if (name.starts_with(three)) return std::string(three);
    }
    return name.substr(0, std::min<std::size_t>(name.size(), 6));  // two Han characters
}

}  // namespace

// The designation on the cover beyond its syntax (META-01/02): a real
// province code (COV-01), local standards are recommended (COV-02), the
// replaced documents come from the same issuer (COV-14), the issuer matches
// the kind of document (COV-15).
void check_cover_number(const model::Document& doc, DiagnosticSink& sink) {
    const auto& m = doc.metadata;
    if (!m.present || m.unreadable || m.number.empty()) return;
    auto d = cover::read_number(m.number);
    if (!d) return;  // META-01
    SourceLocation at = m.where("number");

    const cover::Province* province = nullptr;
    if (d->family == model::DesignationFamily::Local) {
        std::string digits = local_digits(*d);
        province = cover::find_province(digits.substr(0, 2));
        if (!province) {
            const cover::Province* named = province_named_in(m.issuer);
            std::string zh, en;
            if (named) {
                zh = "（发布机构“" + m.issuer + "”的代码为" + named->code + "）";
                en = " (the code of the issuer '" + m.issuer + "' is " + named->code + ")";
            }
            sink.report("COV-01", at, {{"number", m.number}, {"code", digits.substr(0, 2)}, {"known", zh, en}});
        }
        bool food_safety = d->code.starts_with("DBS");
        if (!food_safety && !d->code.ends_with("/T")) {
            std::string expected = "DB" + digits + "/T";
            sink.report("COV-02", at, {{"number", m.number}, {"expected", expected}});
        }
    }

    for (const auto& replaced : m.replaces) {
        auto r = cover::read_number(replaced);
        if (!r) continue;  // META-09
        if (issuer_key(*r) != issuer_key(*d)) {
            sink.report("COV-14", m.where("replaces"), {{"replaced", replaced}, {"number", m.number}});
        }
    }

    if (m.issuer.empty()) return;
    if (d->family == model::DesignationFamily::National) {
        const auto& expected = cover::cover_data().national_issuers;
        for (const auto& name : expected) {
            if (m.issuer.find(name) != std::string::npos) continue;
            std::string list;
            for (const auto& n : expected) list += (list.empty() ? "" : "　") + n;
            sink.report("COV-15", m.where("issuer"),
                        {{"issuer", m.issuer},
                         {"number", m.number},
                         {"expected", "国家标准的发布机构为“" + list + "”", "national standards are issued by '" + list + "'"}});
            break;
        }
    } else if (province && local_digits(*d).size() == 2) {
        std::string start = short_name(province->name);
        if (m.issuer.find(start) == std::string::npos) {
            sink.report("COV-15", m.where("issuer"),
                        {{"issuer", m.issuer},
                         {"number", m.number},
                         {"expected", "代码" + province->code + "为" + province->name + "，地方标准由" + province->name + "的标准化行政主管部门发布",
                          "code " + province->code + " is " + province->name + ", whose market regulator issues its local standards"}});
        }
    }
}

}  // namespace bzc::checks
