#include "explanation/report_content.h"

#include "explanation/derived_content.h"

namespace bzc::explanation {
namespace {

// Numbers the lines of one section: （一） for sub-headings, 1． for items,
// each level restarting under the level above.
class SectionWriter {
public:
    explicit SectionWriter(std::vector<ReportLine>& out) : out_(out) {}

    void subheading(const std::string& text) {
        item_ = 0;
        out_.push_back({ReportLine::Kind::Subheading, "（" + chinese_number(++subheading_) + "）" + text});
    }
    void item(const std::string& text) { out_.push_back({ReportLine::Kind::Item, std::to_string(++item_) + "．" + text}); }
    void paragraph(const std::string& text) { out_.push_back({ReportLine::Kind::Paragraph, text}); }

private:
    std::vector<ReportLine>& out_;
    std::size_t subheading_ = 0;
    std::size_t item_ = 0;
};

void write_author_text(const RecordSection& section, SectionWriter& w) {
    for (const auto& b : section.blocks) {
        switch (b.kind) {
            case RecordBlock::Kind::Subheading: w.subheading(b.text); break;
            case RecordBlock::Kind::Subsubheading: w.item(b.text); break;
            case RecordBlock::Kind::Paragraph:
            case RecordBlock::Kind::ListItem: w.paragraph(b.text); break;
        }
    }
}

}  // namespace

std::string chinese_number(std::size_t n) {
    static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) return digits[n];
    if (n < 20) return std::string("十") + digits[n - 10];
    return std::string(digits[n / 10 % 10]) + "十" + digits[n % 10];
}

std::string report_document_title(const model::Document& doc) {
    std::string title = doc.metadata.title;
    for (std::size_t at; (at = title.find("\u3000")) != std::string::npos;) title.replace(at, 3, " ");
    return title;
}

ExplanatoryReport compose_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                                 const CommentsTable* comments) {
    ExplanatoryReport report;
    std::string stage = doc.metadata.stage_text.empty() ? "" : "（" + doc.metadata.stage_text + "）";
    report.title = "《" + report_document_title(doc) + "》编制说明" + stage;
    report.lines.push_back({ReportLine::Kind::Title, report.title});

    std::size_t number = 0;
    for (const auto& spec : structure.sections) {
        const RecordSection* written = record.find(spec.key);
        if (!written) written = record.find(spec.title);
        report.lines.push_back({ReportLine::Kind::Heading, chinese_number(++number) + "、" + spec.title});
        SectionWriter w(report.lines);
        for (auto content : spec.contents) {
            switch (content) {
                case ContentKind::Text:
                case ContentKind::OptionalText:
                    if (written) write_author_text(*written, w);
                    break;
                case ContentKind::Plan: {
                    // The author often names the plan in the text already: it is not said twice.
                    const std::string& mark = record.plan_number.empty() ? record.plan_document : record.plan_number;
                    bool named = false;
                    if (written)
                        for (const auto& b : written->blocks) named = named || b.text.find(mark) != std::string::npos;
                    std::string sentence = plan_sentence(record.plan_number, record.plan_document);
                    if (!sentence.empty() && !named) w.paragraph(sentence);
                    break;
                }
                case ContentKind::Statistics:
                    if (comments) w.paragraph(statistics_sentence(comment_statistics(*comments), record.consulted_units.size()));
                    break;
                case ContentKind::Basis: {
                    auto documents = basis_documents(doc);
                    if (documents.empty()) break;
                    w.subheading("编制依据");
                    w.paragraph("本文件主要依据和参考了以下文件：");
                    for (std::size_t i = 0; i < documents.size(); ++i)
                        w.paragraph("（" + std::to_string(i + 1) + "）" + documents[i]);
                    break;
                }
                case ContentKind::Structure: w.item("标准的结构。" + structure_sentence(doc)); break;
                case ContentKind::Contents:
                    for (const auto& line : chapter_contents(doc)) w.item(line);
                    break;
                case ContentKind::Terms: {
                    auto terms = introduced_terms(doc);
                    if (terms.empty()) break;
                    std::string list;
                    for (const auto& t : terms) list += (list.empty() ? "" : "、") + t;
                    w.item("术语。本文件界定了" + std::to_string(terms.size()) + "个术语：" + list + "。");
                    break;
                }
                case ContentKind::Changes: {
                    auto changes = technical_changes(doc);
                    if (changes.empty()) break;
                    std::string replaced;
                    for (const auto& r : doc.metadata.replaces) replaced += (replaced.empty() ? "" : "、") + r;
                    w.item("主要技术变化。与" + replaced + "相比，主要技术变化如下：");
                    for (const auto& c : changes) w.paragraph("——" + c);
                    break;
                }
                case ContentKind::Adoption: w.paragraph(adoption_sentence(doc)); break;
                case ContentKind::Patent:
                    for (const auto& line : patent_statement(doc)) w.paragraph(line);
                    break;
            }
        }
    }
    std::string group = record.drafting_group.empty() ? "《" + report_document_title(doc) + "》标准起草组" : record.drafting_group;
    report.lines.push_back({ReportLine::Kind::Signature, group});
    std::string date = record.date.empty() ? doc.metadata.draft_date : record.date;
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (date[i] < '0' || date[i] > '9') return false;
        return true;
    };
    if (date.size() == 10 && date[4] == '-' && date[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2)) {
        // Official reports write dates in Chinese: 2022年3月1日.
        date = date.substr(0, 4) + "年" + std::to_string(std::stoi(date.substr(5, 2))) + "月" +
               std::to_string(std::stoi(date.substr(8, 2))) + "日";
    }
    if (!date.empty()) report.lines.push_back({ReportLine::Kind::Date, date});
    return report;
}

}  // namespace bzc::explanation
