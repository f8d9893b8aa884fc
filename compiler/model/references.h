#pragma once

#include "model/designation.h"
#include "support/source_location.h"

#include <optional>
#include <string>
#include <vector>

// What a standard cites and lists (GB/T 1.1—2020 8.6, 8.13, 9.5; rules
// catalog §E): every citation in the text with how it is used, every entry
// of 规范性引用文件 and 参考文献, and what the standards catalog says about
// each cited document. Computed by the analysis pass; the reference checks
// read only this.
namespace bzc::model {

// ------------------------------------------------------------------ catalog

enum class CatalogStatus {
    Current,    // 现行
    Upcoming,   // 即将实施
    Drafting,   // a standard of the repository not yet published (制定中)
    Withdrawn,  // 废止
    Replaced,   // 被代替
};

// One edition of a standard in the catalog (rules/catalog/README.md).
struct CatalogRecord {
    Designation designation;  // dated
    std::string title;
    CatalogStatus status = CatalogStatus::Current;
    std::vector<std::string> replaced_by;  // designations as written in the catalog
    std::string issued;                    // YYYY-MM-DD, or empty
    std::string implemented;
    std::string origin;                    // catalog file and line, for messages
    // A standard of the checked repository rather than a catalog line: its
    // cover data is the truth, so a disagreement is an error (REPO-*).
    bool repository = false;
    std::string stage;                     // Drafting: the draft stage, 征求意见稿

    bool in_force() const { return status == CatalogStatus::Current || status == CatalogStatus::Upcoming; }
};

// What the catalog knows about a cited document. For a dated designation,
// `edition` is that edition's record (if the catalog has it); `latest` is
// the newest edition of the same document, the one an undated reference
// means.
struct CatalogMatch {
    std::optional<CatalogRecord> edition;
    std::optional<CatalogRecord> latest;
    bool known() const { return edition || latest; }
};

// ---------------------------------------------------------------- citations

enum class CitedKind {
    Standard,  // a designation: GB/T 13016, ISO 9001:2015
    Legal,     // a law, regulation or policy document: 《中华人民共和国标准化法》, 国管办发〔2021〕36号
    Other,     // any other document listed without a designation (books, reports)
};

enum class CitationUse {
    Normative,    // part of a provision: 应符合…的规定, 按…, 采用…
    Informative,  // 见…, or in a 注, 示例, 脚注, 引言, informative annex, a term's source
    Foreword,     // 前言 and the cover: drafting basis, replaced editions; not a reference
};

// A citation of another document in the running text.
struct Citation {
    CitedKind kind = CitedKind::Standard;
    std::optional<Designation> designation;  // standards
    std::string written;        // as written: GB/T 13016, 《机关事务管理条例》
    std::string title;          // the 《…》 right after a designation, without 《》; or a law's title
    std::string part;           // the part of the document pointed at: 3.2, 表1, 附录A, 第4章
    CitationUse use = CitationUse::Normative;
    bool in_term_source = false;  // in a term's [来源：…]
    bool in_table = false;        // in a table or figure: often data, such as a list of standards
    SourceLocation location;
    SourceLocation title_location;
    SourceLocation part_location;
    CatalogMatch catalog;
};

// ------------------------------------------------------------------ entries

// A flaw in how an entry is written, found while reading it (8.6, E.1).
enum class EntryFlaw {
    TypedMarker,      // "1．", "（1）", "——", "·" typed before the entry
    TypedNumber,      // "[1]" typed in 参考文献 (bzc numbers the entries)
    TitleQuotes,      // 《title》
    EndPunctuation,   // a terminal ；。，
    Separator,        // not one full-width space between designation and title
    NoTitle,          // a designation alone
};

// One entry of 规范性引用文件 or 参考文献.
struct ReferenceEntry {
    CitedKind kind = CitedKind::Standard;
    std::optional<Designation> designation;  // empty for other documents
    std::string text;        // the whole entry as written
    std::string designation_text;  // the designation as written
    std::string title;       // after the designation (and separator), without 《》 and end punctuation
    std::string typed_number;  // "[3]" typed by the author in 参考文献
    std::vector<EntryFlaw> flaws;
    std::string flaw_text;     // the characters at fault, for messages (first flaw)
    std::string corrected;     // the entry as it should read, when the flaws are mechanical
    SourceLocation location;   // the entry's first character
    SourceLocation flaw_location;
    CatalogMatch catalog;

    bool has(EntryFlaw flaw) const;
};

struct References {
    bool normative_chapter = false;      // the document has a 规范性引用文件 chapter
    bool bibliography_element = false;   // … and a 参考文献
    std::vector<ReferenceEntry> normative;     // 第2章, in order
    std::vector<ReferenceEntry> bibliography;  // 参考文献, in order
    std::vector<Citation> citations;           // in reading order
    bool generated = false;                    // `references: auto` built the lists
};

// The document a designation names, whatever the edition: "GB/T 1.1",
// "GB/T 3102（所有部分）". Citations and entries of one document share it.
std::string document_key(const Designation& d);

// Where a document goes in the list order of 8.6 (rules catalog §E.2):
// 0 national, 1 industry, 2 local, 3 group, 4 ISO/IEC/IEC, 5 other bodies,
// 6 other documents; within a class by code, then number.
int reference_class(const std::optional<Designation>& designation);
// Strict weak order of entries per 8.6.
bool reference_order_less(const std::optional<Designation>& a, const std::optional<Designation>& b);

}  // namespace bzc::model
