#include "model/references.h"

#include <algorithm>

namespace bzc::model {

bool ReferenceEntry::has(EntryFlaw flaw) const { return std::find(flaws.begin(), flaws.end(), flaw) != flaws.end(); }

namespace {

bool iso_iec(const std::string& code) {
    return code == "ISO" || code == "IEC" || code.starts_with("ISO/") || code.starts_with("IEC/") ||
           code.starts_with("ISO ") || code.starts_with("IEC ");
}

// Compares numbers component by component: 1.1 < 1.2 < 1.10 < 2, and
// ISO's 80000-2 < 80000-10; ITU's
// X.509 compares its letters as text.
int compare_numbers(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        if (a.empty()) return -1;
        if (b.empty()) return 1;
        std::size_t da = a.find_first_of(".-");
        std::size_t db = b.find_first_of(".-");
        std::string_view pa = a.substr(0, da);
        std::string_view pb = b.substr(0, db);
        bool na = !pa.empty() && std::all_of(pa.begin(), pa.end(), [](char c) { return c >= '0' && c <= '9'; });
        bool nb = !pb.empty() && std::all_of(pb.begin(), pb.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (na && nb) {
            std::string_view ta = pa.substr(std::min(pa.find_first_not_of('0'), pa.size()));
            std::string_view tb = pb.substr(std::min(pb.find_first_not_of('0'), pb.size()));
            if (ta.size() != tb.size()) return ta.size() < tb.size() ? -1 : 1;
            if (int c = ta.compare(tb)) return c < 0 ? -1 : 1;
        } else if (int c = pa.compare(pb)) {
            return c < 0 ? -1 : 1;
        }
        a = da == std::string_view::npos ? std::string_view{} : a.substr(da + 1);
        b = db == std::string_view::npos ? std::string_view{} : b.substr(db + 1);
    }
    return 0;
}

}  // namespace

std::string document_key(const Designation& d) { return d.undated() + (d.all_parts ? "（所有部分）" : ""); }

int reference_class(const std::optional<Designation>& d) {
    if (!d) return 6;
    switch (d->family) {
        case DesignationFamily::National: return 0;
        case DesignationFamily::Industry: return 1;
        case DesignationFamily::Local: return 2;
        case DesignationFamily::Group: return 3;
        case DesignationFamily::Enterprise: return 5;
        case DesignationFamily::International: return iso_iec(d->code) ? 4 : 5;
    }
    return 6;
}

bool reference_order_less(const std::optional<Designation>& a, const std::optional<Designation>& b) {
    int ca = reference_class(a);
    int cb = reference_class(b);
    if (ca != cb) return ca < cb;
    if (!a || !b) return false;  // other documents keep the author's order
    // GB, GB/T and GB/Z are one sequence; ISO, ISO/IEC and IEC too.
    if (ca != 0 && ca != 4 && a->code != b->code) return a->code < b->code;
    if (int c = compare_numbers(a->number, b->number)) return c < 0;
    if (a->code != b->code) return a->code < b->code;
    return a->year < b->year;
}

}  // namespace bzc::model
