#include "checks/terms/term_data.h"

#include "checks/typography/common.h"

#include "model/walk.h"
#include "support/resources.h"


namespace bzc::checks::terms {

const TermData& term_data() {
    static const TermData data = [] {
        TermData d;
        auto section = typography::read_data_section(embedded_resource("rules/terms.yaml"));
        for (const auto& [w, _] : section["definition-lead-exceptions"]) d.lead_exceptions.push_back(w);
        for (const auto& [w, _] : section["english-proper-words"]) d.proper_words.insert(w);
        for (const auto& [w, _] : section["english-function-words"]) d.function_words.insert(w);
        return d;
    }();
    return data;
}

std::string_view bare_term(std::string_view preferred) {
    std::size_t pos = 0;
    while (pos < preferred.size() && ((preferred[pos] >= '0' && preferred[pos] <= '9') || preferred[pos] == '.')) ++pos;
    if (pos > 0 && pos < preferred.size() && preferred[pos] == ' ') {
        while (pos < preferred.size() && preferred[pos] == ' ') ++pos;
        return preferred.substr(pos);
    }
    return preferred;
}

std::vector<const model::Section*> term_entries(const model::Document& doc) {
    std::vector<const model::Section*> entries;
    model::for_each_section(doc, [&](const model::Section& section, const model::Section*) {
        if (section.kind == model::SectionKind::TermEntry) entries.push_back(&section);
    });
    return entries;
}

}  // namespace bzc::checks::terms
