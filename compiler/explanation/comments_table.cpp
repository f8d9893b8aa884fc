#include "explanation/comments_table.h"

#include "support/source_manager.h"

#include <array>
#include <optional>
#include <set>

namespace bzc::explanation {
namespace {

struct Field {
    std::string text;
    std::size_t offset = 0;  // byte offset of the field's first character
};

struct Row {
    std::vector<Field> fields;
    std::size_t offset = 0;
};

std::string trim(std::string_view s) {
    // Spreadsheets pad cells with blanks and full-width spaces; neither is content.
    auto is_blank_at = [&](std::size_t i, std::size_t& width) {
        if (s[i] == ' ' || s[i] == '\t') { width = 1; return true; }
        if (s.substr(i, 3) == "\u3000") { width = 3; return true; }
        return false;
    };
    std::size_t first = 0, width = 0;
    while (first < s.size() && is_blank_at(first, width)) first += width;
    std::size_t last = s.size();
    while (last > first) {
        if (s[last - 1] == ' ' || s[last - 1] == '\t') --last;
        else if (last - first >= 3 && s.substr(last - 3, 3) == "\u3000") last -= 3;
        else break;
    }
    return std::string(s.substr(first, last - first));
}

std::string row_number_problem(std::size_t fields, std::size_t expected) {
    return "本行有" + std::to_string(fields) + "列，表头有" + std::to_string(expected) + "列";
}

// RFC 4180: fields separated by commas, rows by line ends; a quoted field
// may hold commas, line ends and doubled quotes.
class CsvParser {
public:
    CsvParser(std::string_view text, std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink)
        : text_(text), file_(file), sources_(sources), sink_(sink) {}

    // The next row, or nothing at the end (or after an unterminated quote, reported).
    std::optional<Row> next() {
        if (pos_ >= text_.size() || failed_) return std::nullopt;
        Row row;
        row.offset = pos_;
        while (true) {
            Field field;
            field.offset = pos_;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                std::size_t quote = pos_++;
                while (true) {
                    if (pos_ >= text_.size()) {
                        sink_.report("EXP-06", sources_.location_at_offset(file_, quote),
                                     {{"problem", "引号未闭合", "unterminated quote"}});
                        failed_ = true;
                        return std::nullopt;
                    }
                    if (text_[pos_] == '"') {
                        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                            field.text += '"';
                            pos_ += 2;
                            continue;
                        }
                        ++pos_;
                        break;
                    }
                    field.text += text_[pos_++];
                }
                // Text after the closing quote (a"b",) is kept, as spreadsheets do.
                while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') field.text += text_[pos_++];
            } else {
                while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') field.text += text_[pos_++];
            }
            row.fields.push_back(std::move(field));
            if (pos_ >= text_.size()) break;
            if (text_[pos_++] == '\n') break;
        }
        return row;
    }

private:
    std::string_view text_;
    std::uint32_t file_;
    const SourceManager& sources_;
    DiagnosticSink& sink_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

enum Column { Serial, ClauseNumber, Content, Unit, DecisionColumn, Reason, ColumnCount };
constexpr std::array<std::string_view, ColumnCount> column_names = {"序号", "章条编号", "意见内容", "提出单位", "处理意见", "理由"};

std::optional<Decision> parse_decision(std::string_view text) {
    if (text == "采纳") return Decision::Adopted;
    if (text == "部分采纳") return Decision::PartlyAdopted;
    if (text == "未采纳" || text == "不采纳") return Decision::Rejected;
    return std::nullopt;
}

bool blank_row(const Row& row) {
    for (const auto& f : row.fields)
        if (!trim(f.text).empty()) return false;
    return true;
}

}  // namespace

std::string_view decision_name(Decision d) {
    switch (d) {
        case Decision::Adopted: return "采纳";
        case Decision::PartlyAdopted: return "部分采纳";
        case Decision::Rejected: return "未采纳";
    }
    return "";
}

CommentStatistics comment_statistics(const CommentsTable& table) {
    CommentStatistics s;
    std::set<std::string> units;
    for (const auto& c : table.comments) {
        if (!c.unit.empty()) units.insert(c.unit);
        ++s.comments;
        if (c.decision == Decision::Adopted) ++s.adopted;
        else if (c.decision == Decision::PartlyAdopted) ++s.partly_adopted;
        else ++s.rejected;
    }
    s.units = units.size();
    return s;
}

CommentsTable read_comments_table(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    CommentsTable table;
    table.file = file;
    CsvParser parser(sources.file(file).text, file, sources, sink);
    auto at = [&](std::size_t offset) { return sources.location_at_offset(file, offset); };

    std::optional<Row> header;
    while ((header = parser.next()) && blank_row(*header)) {}
    if (!header) {
        sink.report("EXP-06", {file, 1, 1}, {{"problem", "没有表头", "no header row"}});
        return table;
    }
    std::array<std::size_t, ColumnCount> index{};
    bool complete = true;
    for (std::size_t c = 0; c < ColumnCount; ++c) {
        index[c] = header->fields.size();
        for (std::size_t i = 0; i < header->fields.size(); ++i)
            if (trim(header->fields[i].text) == column_names[c]) index[c] = i;
        if (index[c] == header->fields.size()) {
            sink.report("EXP-06", at(header->offset),
                        {{"problem", "表头缺少“" + std::string(column_names[c]) + "”列",
                          "the header lacks the column " + std::string(column_names[c])}});
            complete = false;
        }
    }
    if (!complete) return table;

    while (auto row = parser.next()) {
        if (blank_row(*row)) continue;
        if (row->fields.size() != header->fields.size()) {
            std::string zh = row_number_problem(row->fields.size(), header->fields.size());
            sink.report("EXP-06", at(row->offset),
                        {{"problem", zh,
                          "the row has " + std::to_string(row->fields.size()) + " fields, the header " +
                              std::to_string(header->fields.size())}});
            continue;
        }
        auto cell = [&](Column c) { return trim(row->fields[index[c]].text); };
        Comment comment;
        comment.serial = cell(Serial);
        comment.clause = cell(ClauseNumber);
        comment.content = cell(Content);
        comment.unit = cell(Unit);
        comment.reason = cell(Reason);
        comment.location = at(row->offset);
        comment.clause_location = at(row->fields[index[ClauseNumber]].offset);
        comment.decision_location = at(row->fields[index[DecisionColumn]].offset);
        std::string decision_text = cell(DecisionColumn);
        auto decision = parse_decision(decision_text);
        if (!decision) {
            sink.report("EXP-07", comment.decision_location, {{"serial", comment.serial}, {"decision", decision_text}});
            continue;
        }
        comment.decision = *decision;
        table.comments.push_back(std::move(comment));
    }
    return table;
}

}  // namespace bzc::explanation
