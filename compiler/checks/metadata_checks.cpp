#include "checks/check.h"
#include "model/designation.h"
#include "support/utf8.h"

#include <charconv>

namespace bzc::checks {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view s) {
    int value = 0;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

// YYYY-MM-DD naming a real day (GB/T 7408 digits, as on the cover).
bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return false;
    int year = to_int(s.substr(0, 4)), month = to_int(s.substr(5, 2)), day = to_int(s.substr(8, 2));
    if (year < 1949 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

// ICS: NN.NNN or NN.NNN.NN
bool is_valid_ics(std::string_view s) {
    if (s.size() != 6 && s.size() != 9) return false;
    if (!all_digits(s.substr(0, 2)) || s[2] != '.' || !all_digits(s.substr(3, 3))) return false;
    return s.size() == 6 || (s[6] == '.' && all_digits(s.substr(7, 2)));
}

// CCS: one capital letter and two digits, "A 00" (the space is optional).
bool is_valid_ccs(std::string_view s) {
    if (s.empty() || s[0] < 'A' || s[0] > 'Z') return false;
    s.remove_prefix(1);
    if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
    return s.size() == 2 && all_digits(s);
}

// Drafts carry placeholder numbers before one is assigned: DB43/T ××××—××××.
bool is_placeholder(std::string_view number) {
    return number.find("×") != std::string_view::npos || number.find("XXXX") != std::string_view::npos ||
           number.find("xxxx") != std::string_view::npos;
}

void check_number(const model::Metadata& m, DiagnosticSink& sink) {
    if (m.number.empty() || is_placeholder(m.number)) return;
    auto d = model::parse_designation(m.number);
    if (!d || d->year.empty() || d->all_parts || d->family == model::DesignationFamily::International) {
        sink.report("META-01", m.where("number"), {{"value", m.number}});
        return;
    }
    if (!d->deviations.empty() || d->canonical() != utf8::trim(m.number)) {
        sink.report("META-02", m.where("number"), {{"value", m.number}, {"expected", d->canonical()}});
    }
}

void check_filing(const model::Metadata& m, DiagnosticSink& sink) {
    if (m.filing.empty() || is_placeholder(m.filing)) return;
    std::string_view f = m.filing;
    static constexpr std::string_view dash = "—";
    std::size_t pos = f.find(dash);
    std::size_t width = dash.size();
    if (pos == std::string_view::npos) {
        pos = f.find('-');
        width = 1;
    }
    if (pos == std::string_view::npos || !all_digits(f.substr(0, pos)) || f.substr(pos + width).size() != 4 ||
        !all_digits(f.substr(pos + width))) {
        sink.report("META-08", m.where("filing"), {{"value", m.filing}});
    }
}

void check_adoption(const model::Metadata& m, DiagnosticSink& sink) {
    if (m.adoption.empty()) return;
    std::string_view a = m.adoption;
    std::size_t comma = a.rfind(',');
    std::size_t width = 1;
    std::size_t full = a.rfind("，");
    if (full != std::string_view::npos && (comma == std::string_view::npos || full > comma)) {
        comma = full;
        width = std::string_view("，").size();
    }
    bool ok = false;
    if (comma != std::string_view::npos) {
        std::string_view degree = utf8::trim(a.substr(comma + width));
        std::string_view document = utf8::trim(a.substr(0, comma));
        // A leading "(" of the printed form "(ISO 9001:2015, MOD)" is tolerated.
        if (document.starts_with("(") || document.starts_with("（")) document.remove_prefix(document[0] == '(' ? 1 : 3);
        if (degree.ends_with(")")) degree.remove_suffix(1);
        if (degree.ends_with("）")) degree.remove_suffix(3);
        ok = (degree == "IDT" || degree == "MOD" || degree == "NEQ") && model::parse_designation(document).has_value();
    }
    if (!ok) sink.report("META-10", m.where("adoption"), {{"value", m.adoption}});
}

}  // namespace

void check_metadata(const model::Document& doc, DiagnosticSink& sink) {
    const auto& m = doc.metadata;
    if (!m.present || m.unreadable) return;  // FM-01/FM-03 … already said the cover data is missing or unreadable
    // A field written with a value of the wrong type was reported by the reader (FM-05).
    auto missing = [&](const char* field) { return !m.field_locations.count(field); };
    if (m.number.empty() && missing("number")) sink.report("FM-06", m.location, {{"field", "number"}, {"meaning", "标准编号", "the document number"}});
    if (m.title.empty() && missing("title")) sink.report("FM-06", m.location, {{"field", "title"}, {"meaning", "标准名称", "the title"}});
    check_number(m, sink);
    for (const auto& replaced : m.replaces) {
        auto d = model::parse_designation(replaced);
        if (!d || d->year.empty()) sink.report("META-09", m.where("replaces"), {{"value", replaced}});
    }
    for (const auto& date_field : {std::pair{"issued", &m.issued}, std::pair{"effective", &m.effective},
                                   std::pair{"draft-date", &m.draft_date}, std::pair{"reviewed", &m.reviewed}}) {
        const std::string& value = *date_field.second;
        if (!value.empty() && !is_placeholder(value) && !is_valid_date(value)) {
            sink.report("META-03", m.where(date_field.first), {{"field", date_field.first}, {"value", value}});
        }
    }
    if (is_valid_date(m.issued) && is_valid_date(m.effective) && m.effective <= m.issued) {
        sink.report("META-07", m.where("effective"), {{"effective", m.effective}, {"issued", m.issued}});
    }
    for (const auto& ics : m.ics) {
        if (!is_valid_ics(ics)) sink.report("META-04", m.where("ics"), {{"value", ics}});
    }
    if (!m.ccs.empty() && !is_valid_ccs(m.ccs)) sink.report("META-05", m.where("ccs"), {{"value", m.ccs}});
    if (!m.stage_text.empty() && !m.stage) sink.report("META-06", m.where("stage"), {{"value", m.stage_text}});
    check_filing(m, sink);
    check_adoption(m, sink);
}

}  // namespace bzc::checks
