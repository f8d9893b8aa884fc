#include "explanation/report_structure.h"

#include "support/resources.h"

#include <stdexcept>

namespace bzc::explanation {
namespace {

std::string trim(std::string_view s) {
    auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view s, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto end = s.find(separator, start);
        out.push_back(trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

ContentKind content_kind(const std::string& word) {
    if (word == "text") return ContentKind::Text;
    if (word == "text?") return ContentKind::OptionalText;
    if (word == "plan") return ContentKind::Plan;
    if (word == "statistics") return ContentKind::Statistics;
    if (word == "basis") return ContentKind::Basis;
    if (word == "structure") return ContentKind::Structure;
    if (word == "contents") return ContentKind::Contents;
    if (word == "terms") return ContentKind::Terms;
    if (word == "changes") return ContentKind::Changes;
    if (word == "adoption") return ContentKind::Adoption;
    if (word == "patent") return ContentKind::Patent;
    // The file is compiled into bzc and covered by the unit tests, so a bad word is a bug of bzc.
    throw std::logic_error("explanation-structures.txt: unknown content '" + word + "'");
}

// Parsed once: the data never changes during a run.
const std::vector<ReportStructure>& all_structures() {
    static const std::vector<ReportStructure> structures = [] {
        std::vector<ReportStructure> out;
        std::string_view text = embedded_resource("rules/codes/explanation-structures.txt");
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string line = trim(text.substr(start, end - start));
            start = end + 1;
            if (line.empty() || line[0] == '#') continue;
            auto fields = split(line, '|');
            if (fields.size() != 4) throw std::logic_error("explanation-structures.txt: bad line '" + line + "'");
            if (out.empty() || out.back().family != fields[0]) out.push_back({fields[0], {}});
            ReportSectionSpec spec{fields[1], fields[2], {}};
            for (const auto& word : split(fields[3], ' '))
                if (!word.empty()) spec.contents.push_back(content_kind(word));
            out.back().sections.push_back(std::move(spec));
        }
        return out;
    }();
    return structures;
}

}  // namespace

bool ReportSectionSpec::requires_text() const {
    for (auto c : contents)
        if (c == ContentKind::Text) return true;
    return false;
}

bool ReportSectionSpec::takes_text() const {
    for (auto c : contents)
        if (c == ContentKind::Text || c == ContentKind::OptionalText) return true;
    return false;
}

const ReportSectionSpec* ReportStructure::find(std::string_view key) const {
    for (const auto& s : sections)
        if (s.key == key || s.title == key) return &s;
    return nullptr;
}

std::optional<ReportStructure> report_structure(std::string_view family) {
    for (const auto& s : all_structures())
        if (s.family == family) return s;
    return std::nullopt;
}

std::string default_structure_name(std::optional<model::DesignationFamily> family) {
    if (!family) return "national";
    switch (*family) {
        case model::DesignationFamily::Local: return "local";
        case model::DesignationFamily::Group:
        case model::DesignationFamily::Enterprise: return "group";
        default: return "national";
    }
}

std::vector<std::string> report_structure_names() {
    std::vector<std::string> names;
    for (const auto& s : all_structures()) names.push_back(s.family);
    return names;
}

}  // namespace bzc::explanation
