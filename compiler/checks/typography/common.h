#pragma once

#include "diagnostics/diagnostic.h"
#include "model/document.h"
#include "support/source_location.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// Character-level view of a run of running text for the typography checks.
// Only the author's own characters (Text inlines) can be findings: anything
// else (a designation, math, code, a cross-reference) stands in the flat
// text as one opaque byte, so it is nobody's neighbour by accident, and
// sub- and superscripts are fenced off (m^2^ is "m" then "2", not "m2").
namespace bzc::checks::typography {

inline constexpr char opaque = '\x01';  // designation, math, code, cross-reference
inline constexpr char fence = '\x02';   // start or end of a sub- or superscript

class TextRun {
public:
    explicit TextRun(const model::Inlines& inlines) { append(inlines); }

    const std::string& text() const { return text_; }
    // True when the bytes [from, to) are the author's text in one inline,
    // so a finding there has a source location and a fix can quote them.
    bool editable(std::size_t from, std::size_t to) const;
    SourceLocation at(std::size_t offset) const;

private:
    struct Piece {
        std::size_t offset;
        std::size_t end;
        SourceLocation location;
        bool text;
    };
    void append(const model::Inlines& inlines);
    const Piece* piece_at(std::size_t offset) const;

    std::string text_;
    std::vector<Piece> pieces_;
};

// Text bzc wrote itself (the 前言 generated from the cover data, located at
// the front matter) is nobody's to fix.
bool generated(const model::Document& doc, const model::Section* element);

// The code point at `pos` (0 at the end); the one before is utf8::decode_before.
char32_t code_point_at(std::string_view text, std::size_t pos);

// Characters of Chinese running text: Han characters and CJK punctuation
// (、。《》“”（） and the full-width forms of ASCII punctuation).
bool is_chinese_punctuation(char32_t c);

// Full-width ASCII letters and digits (Ａ, １) and their ASCII counterparts.
bool is_full_width_alnum(char32_t c);
inline char32_t to_half_width(char32_t c) { return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; }

// The scanners of running text, one file each; check_running_text runs them
// over each run that has a byte they look for.
void scan_punctuation(const TextRun& run, DiagnosticSink& sink);  // TYP-04
void scan_full_width(const TextRun& run, DiagnosticSink& sink);   // TYP-05
void scan_quantities(const TextRun& run, DiagnosticSink& sink);   // TYP-06 … TYP-10

// The character sets of rules/typography.yaml, read once.
struct TypographyData {
    std::vector<std::string> units;                        // longest first
    std::map<char, std::string> punctuation;               // ',' → "，"
    std::vector<std::string> quotation_marks;              // “ and ”, for ASCII '"' in pairs
    std::vector<std::string> range_signs_always;           // ~
    std::vector<std::string> range_signs_with_unit;        // -, –, —
    std::map<char, char> look_alike_digits;                // 'O' → '0'
};
const TypographyData& typography_data();

// The data keys after the `rules` list of a rule file, read without a YAML
// parser (yaml-cpp would take longer than the checks): each key is a list of
// `  - value` lines or a map of `  key: value` lines, values plain or in
// double quotes, comments after " #". Returns, per key, the items as
// (value, "") or (key, value). The registry parses the whole file as YAML,
// so a malformed data section still fails the tests.
using DataSection = std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>>;
DataSection read_data_section(std::string_view yaml);

}  // namespace bzc::checks::typography
