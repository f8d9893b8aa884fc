#include "analysis/analysis.h"

#include <map>

namespace bzc::analysis {

namespace {

using model::Block;
using model::Blocks;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::Section;
using model::SectionKind;

// A, B … Z, AA, AB …; lower case for list items and subfigures.
std::string letters(std::size_t index, bool upper) {
    std::string out;
    ++index;
    while (index > 0) {
        --index;
        out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + index % 26));
        index /= 26;
    }
    return out;
}

// Tables, figures and formulas are numbered through the body (表1, 图1, (1))
// and afresh in each annex (表A.1, 图A.1, (A.1)), independent of clauses.
struct ObjectCounters {
    std::string prefix;  // "" in the body, "A." in annex A
    int tables = 0;
    int figures = 0;
    int formulas = 0;
};

// 注 alone when it is the only one in its place, 注1, 注2 … otherwise;
// likewise 示例.
template <class T> void number_labelled(std::vector<T*>& items, const char* label) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i]->number = items.size() == 1 ? std::string(label) : std::string(label) + std::to_string(i + 1);
    }
}

class Numberer {
public:
    explicit Numberer(model::Document& doc) : doc_(doc) {}

    void run() {
        int chapter = 0;
        std::size_t annex = 0;
        ObjectCounters body;
        for (auto& section : doc_.sections) {
            section.depth = 0;
            if (model::is_chapter(section.kind)) {
                section.number = std::to_string(++chapter);
                visit(section, body);
            } else if (section.kind == SectionKind::Annex) {
                section.number = letters(annex++, true);
                ObjectCounters counters;
                counters.prefix = section.number + ".";
                visit(section, counters);
            } else {
                // 前言, 引言, 参考文献, 索引 have no number. Sub-clauses of the
                // 引言 are 0.1, 0.2 …; those of the others stay unnumbered
                // (the structure checks report them).
                section.number.clear();
                bibliography_ = section.kind == SectionKind::Bibliography;
                visit(section, body, section.kind == SectionKind::Introduction ? "0" : "");
                bibliography_ = false;
            }
        }
    }

private:
    void visit(Section& section, ObjectCounters& counters, const std::string& child_prefix_override = "-") {
        number_blocks(section.blocks, counters, 1);
        std::vector<model::Note*> notes;
        std::vector<model::Example*> examples;
        for (auto& block : section.blocks) {
            if (block.is<model::Note>()) notes.push_back(&block.as<model::Note>());
            if (block.is<model::Example>()) examples.push_back(&block.as<model::Example>());
        }
        number_labelled(notes, "注");
        number_labelled(examples, "示例");

        const std::string& prefix = child_prefix_override == "-" ? section.number : child_prefix_override;
        std::size_t index = 0;
        for (auto& child : section.children) {
            child.depth = section.depth + 1;
            child.number = prefix.empty() ? std::string() : prefix + "." + std::to_string(++index);
            visit(child, counters);
        }
    }

    void number_blocks(Blocks& blocks, ObjectCounters& counters, int list_level) {
        for (auto& block : blocks) {
            if (block.is<model::Table>()) {
                auto& table = block.as<model::Table>();
                table.number = "表" + counters.prefix + std::to_string(++counters.tables);
                std::vector<model::Note*> notes;
                for (auto& note : table.notes) {
                    notes.push_back(&note);
                    number_blocks(note.blocks, counters, 1);
                }
                number_labelled(notes, "注");
            } else if (block.is<model::Figure>()) {
                auto& figure = block.as<model::Figure>();
                figure.number = "图" + counters.prefix + std::to_string(++counters.figures);
                for (std::size_t i = 0; i < figure.subfigures.size(); ++i) {
                    figure.subfigures[i].number = letters(i, false) + ")";
                }
                std::vector<model::Note*> notes;
                for (auto& note : figure.notes) notes.push_back(&note);
                number_labelled(notes, "注");
            } else if (block.is<model::Formula>()) {
                block.as<model::Formula>().number = "(" + counters.prefix + std::to_string(++counters.formulas) + ")";
            } else if (block.is<model::List>()) {
                auto& list = block.as<model::List>();
                for (std::size_t i = 0; i < list.items.size(); ++i) {
                    auto& item = list.items[i];
                    if (bibliography_ && list_level == 1) {
                        item.number = "[" + std::to_string(++bibliography_entries_) + "]";
                    } else if (list.ordered) {
                        item.number = list_level == 1 ? letters(i, false) + ")" : std::to_string(i + 1) + ")";
                    } else {
                        item.number.clear();
                    }
                    number_blocks(item.blocks, counters, list_level + 1);
                }
            } else if (block.is<model::Note>()) {
                number_blocks(block.as<model::Note>().blocks, counters, list_level);
            } else if (block.is<model::Example>()) {
                number_blocks(block.as<model::Example>().blocks, counters, list_level);
            }
        }
    }

    model::Document& doc_;
    bool bibliography_ = false;
    int bibliography_entries_ = 0;
};

// Footnotes in running text are 1), 2) … through the whole document, in
// order of first reference; footnotes referred to from a table are a, b …
// afresh in each table (rules catalog §C.4).
class FootnoteNumberer {
public:
    void run(model::Document& doc) {
        for (auto& section : doc.sections) visit(section);
    }

private:
    void visit(Section& section) {
        inlines(section.title, nullptr);
        inlines(section.term.symbol, nullptr);
        inlines(section.term.definition, nullptr);
        inlines(section.term.source, nullptr);
        blocks(section.blocks);
        for (auto& child : section.children) visit(child);
    }

    void blocks(Blocks& list) {
        for (auto& block : list) {
            if (block.is<model::Paragraph>()) {
                inlines(block.as<model::Paragraph>().content, nullptr);
            } else if (block.is<model::List>()) {
                for (auto& item : block.as<model::List>().items) blocks(item.blocks);
            } else if (block.is<model::Note>()) {
                blocks(block.as<model::Note>().blocks);
            } else if (block.is<model::Example>()) {
                blocks(block.as<model::Example>().blocks);
            } else if (block.is<model::Table>()) {
                auto& table = block.as<model::Table>();
                std::map<std::string, std::string> marks;
                inlines(table.caption, &marks);
                for (auto& row : table.rows)
                    for (auto& cell : row.cells) inlines(cell.content, &marks);
                for (auto& note : table.notes) blocks(note.blocks);
            } else if (block.is<model::Figure>()) {
                auto& figure = block.as<model::Figure>();
                std::map<std::string, std::string> marks;
                inlines(figure.caption, &marks);
                for (auto& sub : figure.subfigures) inlines(sub.caption, &marks);
                for (auto& note : figure.notes) blocks(note.blocks);
            } else if (block.is<model::Formula>()) {
                for (auto& item : block.as<model::Formula>().where) {
                    inlines(item.symbol, nullptr);
                    inlines(item.explanation, nullptr);
                }
            }
        }
    }

    void inlines(Inlines& list, std::map<std::string, std::string>* object_marks) {
        for (auto& in : list) {
            if (!in.children.empty()) inlines(in.children, object_marks);
            if (in.kind != InlineKind::FootnoteReference) continue;
            auto& marks = object_marks ? *object_marks : text_marks_;
            auto it = marks.find(in.text);
            if (it == marks.end()) {
                std::string mark = object_marks ? letters(marks.size(), false) : std::to_string(marks.size() + 1) + ")";
                it = marks.emplace(in.text, std::move(mark)).first;
            }
            in.resolved_text = it->second;
        }
    }

    std::map<std::string, std::string> text_marks_;
};

}  // namespace

void assign_numbers(model::Document& doc) {
    Numberer(doc).run();
    FootnoteNumberer().run(doc);
}

}  // namespace bzc::analysis
