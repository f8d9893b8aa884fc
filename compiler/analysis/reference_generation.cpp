#include "analysis/analysis.h"
#include "model/fixed_wording.h"
#include "support/utf8.h"

#include <algorithm>
#include <map>

// `references: auto` in the cover data: the list of 规范性引用文件 is written
// from the normative citations and 参考文献 completed from the informative
// ones, so that list and text cannot disagree (GB/T 1.1—2020 8.6, 8.13).
// Titles come from the catalog, or from a 《title》 written at a citation.
namespace bzc::analysis {

namespace {

using model::Citation;
using model::CitationUse;
using model::CitedKind;
using model::SectionKind;

struct Listed {
    std::optional<model::Designation> designation;
    std::string designation_text;  // as printed: canonical form
    std::string title;
    SourceLocation where;          // the first citation
    std::string key;               // GB/T 1.1 for standards, the title for laws
};

model::ListItem item_for(const Listed& l) {
    model::Inlines content;
    if (l.designation) {
        model::Inline cite;
        cite.kind = model::InlineKind::Citation;
        cite.text = l.designation_text;
        cite.location = l.where;
        content.push_back(std::move(cite));
        if (!l.title.empty()) content.push_back(model::text_inline("\u3000" + l.title, l.where));
    } else {
        content.push_back(model::text_inline(l.title, l.where));
    }
    model::Block paragraph;
    paragraph.location = l.where;
    paragraph.value = model::Paragraph{std::move(content)};
    model::ListItem item;
    item.location = l.where;
    item.blocks.push_back(std::move(paragraph));
    return item;
}

model::Block block_of(model::List list, SourceLocation where) {
    model::Block b;
    b.location = where;
    b.value = std::move(list);
    return b;
}

std::string item_text(const model::ListItem& item) {
    if (item.blocks.empty() || !item.blocks.front().is<model::Paragraph>()) return {};
    return std::string(utf8::trim(model::plain_text(item.blocks.front().as<model::Paragraph>().content)));
}

// The designation an entry written by the author starts with, for sorting.
std::optional<model::Designation> leading_designation(const std::string& text) {
    auto found = model::find_designations(text);
    if (found.empty() || found.front().offset != 0) return std::nullopt;
    return found.front().designation;
}

class Generator {
public:
    Generator(model::Document& doc, const catalog::Catalog& catalog, DiagnosticSink& sink)
        : doc_(doc), catalog_(catalog), sink_(sink) {}

    void run() {
        gather();
        write_normative_references();
        complete_bibliography();
    }

private:
    void gather() {
        // Titles written in the text, by document: GB/T 13016《…》.
        std::map<std::string, std::string, std::less<>> written_titles;
        for (const auto& c : doc_.references.citations) {
            if (c.designation && !c.title.empty()) written_titles.emplace(c.designation->undated(), c.title);
        }
        std::map<std::string, std::size_t, std::less<>> normative_index;
        for (const auto& c : doc_.references.citations) {
            if (c.use != CitationUse::Normative || c.kind != CitedKind::Standard || !c.designation) continue;
            std::string key = model::document_key(*c.designation);
            if (normative_index.count(key)) continue;
            normative_index.emplace(key, normative_.size());
            normative_.push_back(listed_standard(c, written_titles, key));
        }
        std::map<std::string, bool, std::less<>> informative_seen;
        for (const auto& c : doc_.references.citations) {
            if (c.use != CitationUse::Informative) continue;
            if (c.kind == CitedKind::Standard && c.designation) {
                std::string key = model::document_key(*c.designation);
                if (normative_index.count(key) || informative_seen.count(key)) continue;
                informative_seen.emplace(key, true);
                informative_.push_back(listed_standard(c, written_titles, key));
            } else if (c.kind == CitedKind::Legal) {
                std::string title = c.written;
                if (title.starts_with("《")) {
                    title.erase(0, std::string_view("《").size());
                    auto close = title.find("》");
                    if (close != std::string::npos) title.erase(close, std::string_view("》").size());
                }
                if (informative_seen.count(title)) continue;
                informative_seen.emplace(title, true);
                Listed l;
                l.title = title;
                l.key = c.title;
                l.where = c.location;
                informative_.push_back(std::move(l));
            }
        }
        auto order = [](const Listed& a, const Listed& b) { return model::reference_order_less(a.designation, b.designation); };
        std::stable_sort(normative_.begin(), normative_.end(), order);
        std::stable_sort(informative_.begin(), informative_.end(), order);
    }

    Listed listed_standard(const Citation& c, const std::map<std::string, std::string, std::less<>>& written_titles,
                           std::string key) {
        Listed l;
        l.designation = *c.designation;
        l.designation->deviations.clear();
        l.designation_text = l.designation->canonical();
        l.where = c.location;
        l.key = std::move(key);
        if (const auto* e = catalog_.edition(*c.designation)) l.title = e->title;
        else if (const auto* latest = c.designation->year.empty() ? catalog_.latest(*c.designation) : nullptr) l.title = latest->title;
        if (l.title.empty()) {
            auto it = written_titles.find(c.designation->undated());
            if (it != written_titles.end()) l.title = it->second;
        }
        if (l.title.empty()) sink_.report("META-12", c.location, {{"document", l.designation_text}});
        return l;
    }

    // The author's blocks other than what bzc writes are replaced; say so
    // unless they read exactly as the generated ones.
    void replace_blocks(model::Section& section, model::Blocks generated) {
        auto text_of = [](const model::Blocks& blocks) {
            std::vector<std::string> lines;
            for (const auto& b : blocks) {
                if (b.is<model::Paragraph>()) lines.emplace_back(utf8::trim(model::plain_text(b.as<model::Paragraph>().content)));
                else if (b.is<model::List>()) {
                    for (const auto& item : b.as<model::List>().items) lines.push_back(item_text(item));
                } else {
                    lines.emplace_back("\x01");
                }
            }
            return lines;
        };
        if (!section.blocks.empty() && text_of(section.blocks) != text_of(generated)) {
            // A lead-in alone is what an author writes before switching to auto.
            bool lead_in_only = section.blocks.size() == 1 && section.blocks.front().is<model::Paragraph>() &&
                                model::find_designations(model::plain_text(section.blocks.front().as<model::Paragraph>().content)).empty();
            if (!lead_in_only) {
                // Point at the first entry the author wrote, else the first block.
                SourceLocation where = section.blocks.front().location;
                for (const auto& b : section.blocks) {
                    if (b.is<model::List>() || (b.is<model::Paragraph>() &&
                                                !model::find_designations(model::plain_text(b.as<model::Paragraph>().content)).empty())) {
                        where = b.location;
                        break;
                    }
                }
                sink_.report("META-13", where, {{"element", "规范性引用文件", "normative references"}});
            }
        }
        section.blocks = std::move(generated);
    }

    void write_normative_references() {
        SourceLocation where = doc_.metadata.where("references");
        model::Blocks blocks;
        model::Block lead_in;
        lead_in.location = where;
        lead_in.value = model::Paragraph{{model::text_inline(std::string(normative_.empty() ? model::fixed::no_references : model::fixed::references), where)}};
        blocks.push_back(std::move(lead_in));
        if (!normative_.empty()) {
            model::List list;
            for (const auto& l : normative_) list.items.push_back(item_for(l));
            blocks.push_back(block_of(std::move(list), where));
        }
        auto& sections = doc_.sections;
        auto existing = std::find_if(sections.begin(), sections.end(),
                                     [](const model::Section& s) { return s.kind == SectionKind::NormativeReferences; });
        if (existing != sections.end()) {
            replace_blocks(*existing, std::move(blocks));
            return;
        }
        model::Section chapter;
        chapter.kind = SectionKind::NormativeReferences;
        chapter.title = {model::text_inline(std::string(model::fixed_title(SectionKind::NormativeReferences)), where)};
        chapter.location = where;
        chapter.blocks = std::move(blocks);
        // After the 范围, or before the first chapter when there is none.
        auto at = std::find_if(sections.begin(), sections.end(), [](const model::Section& s) { return s.kind == SectionKind::Scope; });
        if (at != sections.end()) ++at;
        else at = std::find_if(sections.begin(), sections.end(), [](const model::Section& s) { return model::is_chapter(s.kind); });
        sections.insert(at, std::move(chapter));
    }

    // 参考文献 may list documents the text does not cite (8.13: other
    // sources consulted), so the author's entries stay and the informative
    // citations missing from them are added, all in the order of 8.6.
    void complete_bibliography() {
        auto& sections = doc_.sections;
        auto existing = std::find_if(sections.begin(), sections.end(),
                                     [](const model::Section& s) { return s.kind == SectionKind::Bibliography; });
        if (informative_.empty()) return;
        SourceLocation where = doc_.metadata.where("references");
        if (existing == sections.end()) {
            model::Section bibliography;
            bibliography.kind = SectionKind::Bibliography;
            bibliography.location = where;
            auto at = std::find_if(sections.begin(), sections.end(), [](const model::Section& s) { return s.kind == SectionKind::Index; });
            existing = sections.insert(at, std::move(bibliography));
        }
        model::Section& bibliography = *existing;
        model::List* list = nullptr;
        for (auto& b : bibliography.blocks) {
            if (b.is<model::List>()) {
                list = &b.as<model::List>();
                break;
            }
        }
        if (!list) {
            bibliography.blocks.push_back(block_of(model::List{}, where));
            list = &bibliography.blocks.back().as<model::List>();
        }
        // What the author listed, by document.
        std::vector<std::pair<std::optional<model::Designation>, model::ListItem>> items;
        std::map<std::string, bool, std::less<>> present;
        for (auto& item : list->items) {
            std::string text = item_text(item);
            auto d = leading_designation(text);
            if (d) present.emplace(model::document_key(*d), true);
            else present.emplace(text, true);
            items.emplace_back(d, std::move(item));
        }
        for (const auto& l : informative_) {
            bool listed = present.count(l.key) > 0;
            if (!l.designation) {
                for (const auto& [text, _] : present) {
                    if (text.find(l.title) != std::string::npos) listed = true;
                }
            }
            if (listed) continue;
            items.emplace_back(l.designation, item_for(l));
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& a, const auto& b) { return model::reference_order_less(a.first, b.first); });
        list->ordered = false;
        list->items.clear();
        for (auto& [d, item] : items) list->items.push_back(std::move(item));
    }

    model::Document& doc_;
    const catalog::Catalog& catalog_;
    DiagnosticSink& sink_;
    std::vector<Listed> normative_;
    std::vector<Listed> informative_;
};

}  // namespace

void generate_reference_lists(model::Document& doc, const catalog::Catalog& catalog, DiagnosticSink& sink) {
    const std::string& mode = doc.metadata.references;
    if (mode.empty() || mode == "manual") return;
    if (mode != "auto") {
        sink.report("META-11", doc.metadata.where("references"), {{"value", mode}});
        return;
    }
    doc.references.generated = true;
    Generator(doc, catalog, sink).run();
}

}  // namespace bzc::analysis
