#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// Small readers for the text around citations, shared by the collection of
// citations and entries: titles in 《》, the part of a document pointed at,
// and the names and numbers of laws and policy documents.
namespace bzc::analysis {

struct QuotedTitle {
    std::string_view inner;  // without 《》
    std::size_t end = 0;     // byte after 》
};
// The 《…》 starting at byte `at` (no nesting, at most 200 bytes).
std::optional<QuotedTitle> quoted_title(std::string_view text, std::size_t at);

// The part of another document named at byte `at`: 3.2, 第4章, 表1, 图A.2,
// 附录A, 公式(3). Advances `at` past it; empty when there is none.
std::string pointed_part(std::string_view text, std::size_t& at);

// Whether a title names a law, regulation or policy document (…法, …条例,
// …办法; rules/codes/legal-documents.txt).
bool is_legal_title(std::string_view title);

struct DocumentNumber {
    std::size_t start = 0;  // after words that lead into it: 见, 按照 …
    std::size_t end = 0;
};
// A policy document's number in the run of Han characters starting at byte
// `at`: 国管办发〔2021〕36号, 国发[2015]13号, 国务院令第621号.
std::optional<DocumentNumber> document_number_at(std::string_view text, std::size_t at);

}  // namespace bzc::analysis
