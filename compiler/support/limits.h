#pragma once

#include <cstddef>

// Resource limits on input, enforced with diagnostics (rule LIMIT-*), never by
// crashing. Each is far above what a real standard needs: the longest
// published standards are a few MB of text, tables in Word cannot exceed 63
// columns, and GB/T 1.1 allows two list levels and six heading levels.
namespace bzc::limits {

inline constexpr std::size_t max_source_bytes = 32u * 1024u * 1024u;
inline constexpr std::size_t max_front_matter_bytes = 256u * 1024u;
inline constexpr int max_block_nesting = 32;
inline constexpr int max_inline_nesting = 32;
inline constexpr std::size_t max_table_columns = 63;
inline constexpr std::size_t max_table_cells = 200000;
inline constexpr std::size_t max_designation_length = 64;
inline constexpr std::size_t max_xml_depth = 64;
// A part of an XLSX comment table (its sheet, its shared strings) once
// inflated: a comment table of a thousand comments is about 1 MiB; a zip
// bomb stops here instead of exhausting memory.
inline constexpr std::size_t max_workbook_part_bytes = 16u * 1024u * 1024u;
// word/document.xml of the DOCX pandoc makes of a standard's formulas (and
// nothing else): a formula is a few KiB of OMML, so even a thousand come to a
// few MiB. Far above that, and far below what a runaway converter or a bomb
// in its output would have bzc hold.
inline constexpr std::size_t max_pandoc_document_bytes = 64u * 1024u * 1024u;
// The depth of elements in one formula's OMML, which the DOCX writer copies
// element by element, recursively. A formula of a standard is 10–20 deep;
// pandoc needs over a minute for TeX nested a thousand deep, but an answer
// in the formula cache (which a CI cache may bring) can be anything.
inline constexpr std::size_t max_math_depth = 256;

}  // namespace bzc::limits
