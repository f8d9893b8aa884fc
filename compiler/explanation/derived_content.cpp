#include "explanation/derived_content.h"
#include "support/text_join.h"

#include "model/walk.h"
#include "support/utf8.h"

namespace bzc::explanation {
namespace {

std::string section_title(const model::Section& s) {
    auto fixed = model::fixed_title(s.kind);
    std::string title = s.title.empty() ? std::string(fixed) : model::plain_text(s.title);
    return title;
}

// The plain text of a block list's paragraphs and list items, in order.
void collect_paragraph_texts(const model::Blocks& blocks, std::vector<std::string>& out, bool lists_only) {
    for (const auto& b : blocks) {
        if (b.is<model::Paragraph>() && !lists_only) {
            out.push_back(model::plain_text(b.as<model::Paragraph>().content));
        } else if (b.is<model::List>()) {
            for (const auto& item : b.as<model::List>().items) collect_paragraph_texts(item.blocks, out, false);
        }
    }
}

std::string first_sentence(const std::string& text) {
    auto end = text.find("。");
    return end == std::string::npos ? text : text.substr(0, end + std::string_view("。").size());
}

// What a chapter without 条 says first: its first sentence, or, when that is
// the lead-in of a list (……的主要任务如下：), the lead-in with the count of items.
std::string opening_statement(const model::Blocks& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].is<model::Paragraph>()) continue;
        std::string text = model::plain_text(blocks[i].as<model::Paragraph>().content);
        bool lead_in = text.ends_with("：") && i + 1 < blocks.size() && blocks[i + 1].is<model::List>();
        if (!lead_in) return first_sentence(text);
        text.erase(text.size() - std::string_view("：").size());
        if (text.ends_with("如下")) text.erase(text.size() - std::string_view("如下").size());
        return text + "，共" + std::to_string(blocks[i + 1].as<model::List>().items.size()) + "项。";
    }
    return {};
}

}  // namespace

std::vector<ElementSummary> chapters_of(const model::Document& doc) {
    std::vector<ElementSummary> out;
    for (const auto& s : doc.sections)
        if (model::is_chapter(s.kind)) out.push_back({s.number, section_title(s), &s});
    return out;
}

std::vector<ElementSummary> annexes_of(const model::Document& doc) {
    std::vector<ElementSummary> out;
    for (const auto& s : doc.sections)
        if (s.kind == model::SectionKind::Annex) out.push_back({s.number, section_title(s), &s});
    return out;
}

std::string structure_sentence(const model::Document& doc) {
    std::vector<std::string> chapter_titles;
    for (const auto& c : chapters_of(doc)) chapter_titles.push_back(c.title);
    std::string out = "本文件共包括" + std::to_string(chapter_titles.size()) + "章，分别为" + join(chapter_titles, "、");
    std::vector<std::string> annexes;
    for (const auto& a : annexes_of(doc)) {
        bool normative = a.section->obligation == model::AnnexObligation::Normative;
        annexes.push_back("附录" + a.number + (normative ? "（规范性）" : "（资料性）") + a.title);
    }
    if (!annexes.empty()) out += "；另有" + std::to_string(annexes.size()) + "个附录，为" + join(annexes, "、");
    return out + "。";
}

std::vector<std::string> chapter_contents(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& c : chapters_of(doc)) {
        const auto& s = *c.section;
        std::string line = c.title + "。";
        if (s.kind == model::SectionKind::Scope) {
            // The scope states what the document covers and where it applies: its own words say it best.
            std::vector<std::string> texts;
            collect_paragraph_texts(s.blocks, texts, false);
            for (const auto& t : texts) line += t;
        } else if (s.kind == model::SectionKind::NormativeReferences) {
            line += "列出了" + std::to_string(doc.references.normative.size()) + "个规范性引用文件。";
        } else if (s.kind == model::SectionKind::TermsAndDefinitions) {
            line += "界定了" + std::to_string(introduced_terms(doc).size()) + "个术语。";
        } else {
            std::vector<std::string> titles;
            std::size_t untitled = 0;
            for (const auto& child : s.children) {
                if (child.kind != model::SectionKind::Clause) continue;
                if (child.titled && !child.title.empty()) titles.push_back(model::plain_text(child.title));
                else ++untitled;
            }
            if (!titles.empty()) {
                // Titles such as 依法依规、科学严谨 hold 、 themselves: they are then set apart by ；.
                bool enumerations = false;
                for (const auto& t : titles) enumerations = enumerations || t.find("、") != std::string::npos;
                line += "本章包括" + join(titles, enumerations ? "；" : "、") + "。";
            } else if (untitled) {
                line += "本章共" + std::to_string(untitled) + "条。";
            } else {
                line += opening_statement(s.blocks);
            }
        }
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<std::string> basis_documents(const model::Document& doc) {
    std::vector<std::string> out;
    auto add = [&](const model::ReferenceEntry& e) {
        if (e.designation && !e.title.empty()) out.push_back(e.designation_text + "\u3000" + e.title);
        else out.push_back(e.text);
    };
    for (const auto& e : doc.references.normative) add(e);
    for (const auto& e : doc.references.bibliography) add(e);
    return out;
}

std::vector<std::string> introduced_terms(const model::Document& doc) {
    std::vector<std::string> out;
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (s.kind == model::SectionKind::TermEntry && !s.term.preferred.empty()) out.push_back(s.term.preferred);
    });
    return out;
}

std::vector<std::string> technical_changes(const model::Document& doc) {
    std::vector<std::string> out;
    if (doc.metadata.replaces.empty()) return out;
    for (const auto& s : doc.sections) {
        if (s.kind != model::SectionKind::Foreword) continue;
        // The changes are the list after the sentence "…主要技术变化如下：" (GB/T 1.1—2020 8.2).
        bool after_lead_in = false;
        for (const auto& b : s.blocks) {
            if (b.is<model::Paragraph>()) {
                after_lead_in = model::plain_text(b.as<model::Paragraph>().content).find("技术变化") != std::string::npos;
            } else if (b.is<model::List>() && after_lead_in) {
                for (const auto& item : b.as<model::List>().items) {
                    std::vector<std::string> texts;
                    collect_paragraph_texts(item.blocks, texts, false);
                    out.push_back(join(texts, ""));
                }
                after_lead_in = false;
            }
        }
    }
    return out;
}

std::string adoption_sentence(const model::Document& doc) {
    const std::string& mark = doc.metadata.adoption;
    if (mark.empty()) return "本文件未采用国际标准。";
    auto comma = mark.rfind(',');
    std::string document = comma == std::string::npos ? mark : mark.substr(0, comma);
    std::string degree = comma == std::string::npos ? "" : mark.substr(comma + 1);
    while (!degree.empty() && degree.front() == ' ') degree.erase(0, 1);
    if (degree == "IDT") return "本文件等同采用" + document + "。";
    if (degree == "MOD") return "本文件修改采用" + document + "。";
    return "本文件参考" + document + "起草，与其一致性程度为非等效。";
}

std::vector<std::string> patent_statement(const model::Document& doc) {
    // The paragraphs of a section and its 条 in order (the 引言 may be divided into 0.1, 0.2 …).
    auto paragraphs_of = [](const model::Section& top) {
        std::vector<std::string> out;
        auto visit = [&](const model::Section& s, auto& self) -> void {
            collect_paragraph_texts(s.blocks, out, false);
            for (const auto& child : s.children) self(child, self);
        };
        visit(top, visit);
        return out;
    };
    constexpr std::string_view known_patents = "本文件的发布机构提请注意";
    constexpr std::string_view no_duty = "不承担识别专利的责任";
    for (const auto& s : doc.sections) {
        if (s.kind != model::SectionKind::Introduction) continue;
        auto texts = paragraphs_of(s);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            if (texts[i].find(known_patents) == std::string::npos) continue;
            std::vector<std::string> out = {"本文件涉及专利。本文件的引言中给出了以下专利声明："};
            // The notice runs from its opening sentence to the fixed closing one (or the end of the 引言).
            for (std::size_t j = i; j < texts.size(); ++j) {
                out.push_back(texts[j]);
                if (texts[j].find(no_duty) != std::string::npos) break;
            }
            return out;
        }
    }
    for (const auto& s : doc.sections) {
        if (s.kind != model::SectionKind::Foreword) continue;
        for (const auto& text : paragraphs_of(s))
            if (text.find("专利") != std::string::npos)
                return {"本文件的引言中没有涉及专利的声明，起草过程中未识别出本文件涉及的专利。前言中按GB/T 1.1—2020的规定写明：“" +
                        text + "”"};
    }
    return {};
}

std::string plan_sentence(const std::string& plan_number, const std::string& plan_document) {
    if (plan_number.empty() && plan_document.empty()) return {};
    std::string out = "本项目";
    if (!plan_document.empty()) out += "列入" + plan_document;
    if (!plan_number.empty()) out += (plan_document.empty() ? "" : "，") + std::string("计划编号为") + plan_number;
    return out + "。";
}

std::string statistics_sentence(const CommentStatistics& s, std::size_t consulted_units) {
    std::string out;
    if (consulted_units) out += "征求意见稿发送" + std::to_string(consulted_units) + "个单位征求意见，";
    out += "共收到" + std::to_string(s.units) + "个单位提出的" + std::to_string(s.comments) + "条意见，其中采纳" +
           std::to_string(s.adopted) + "条，部分采纳" + std::to_string(s.partly_adopted) + "条，未采纳" +
           std::to_string(s.rejected) + "条。";
    return out;
}

std::set<std::string> citable_numbers(const model::Document& doc) {
    std::set<std::string> out;
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (!s.number.empty()) out.insert(s.number);
        if (s.kind == model::SectionKind::Annex) out.insert("附录" + s.number);
        auto fixed = model::fixed_title(s.kind);
        if (!fixed.empty()) out.insert(std::string(fixed));
    });
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (b.is<model::Table>()) out.insert(b.as<model::Table>().number);
            if (b.is<model::Figure>()) out.insert(b.as<model::Figure>().number);
        }
    });
    // Comments on the document as a whole or on its cover name these.
    for (const char* whole : {"全文", "封面", "标准名称", "名称", "目次", "前言", "引言"}) out.insert(whole);
    return out;
}

std::string normalized_clause_number(std::string_view written) {
    std::string out;
    for (std::size_t i = 0; i < written.size();) {
        char32_t c = utf8::decode(written, i);
        if (c >= U'０' && c <= U'９') c = c - U'０' + U'0';
        else if (c >= U'Ａ' && c <= U'Ｚ') c = c - U'Ａ' + U'A';
        else if (c == U'．') c = U'.';
        else if (c == U' ' || c == U'\u3000') continue;
        utf8::append(out, c);
    }
    if (out.starts_with("第")) out.erase(0, std::string_view("第").size());
    for (std::string_view suffix : {"章", "条"})
        if (out.ends_with(suffix) && out.size() > suffix.size()) out.erase(out.size() - suffix.size());
    return out;
}

}  // namespace bzc::explanation
