#include "checks/typography/common.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace typography {

// Full-width Latin letters and digits in running text (TYP-05: Ａ１ → A1).
// Those in designations are TYP-02's. They are EF BC 90–99, EF BC A1–BA and
// EF BD 81–9A in UTF-8.
void scan_full_width(const TextRun& run, DiagnosticSink& sink) {
    const std::string& text = run.text();
    std::size_t pos = 0;
    while (pos < text.size()) {
        pos = text.find('\xEF', pos);
        if (pos == std::string::npos) break;
        std::size_t start = pos, end = pos;
        std::string expected;
        while (end < text.size()) {
            std::size_t next = end;
            char32_t c = utf8::decode(text, next);
            if (!is_full_width_alnum(c)) break;
            expected += static_cast<char>(to_half_width(c));
            end = next;
        }
        if (end == start) {
            pos = start + 1;
            continue;
        }
        pos = end;
        if (!run.editable(start, end)) continue;
        std::string written = text.substr(start, end - start);
        sink.report("TYP-05", run.at(start), {{"text", written}, {"expected", expected}}, Fix{written, expected});
    }
}

}  // namespace typography

}  // namespace bzc::checks
