#pragma once

// TeX → OMML (Word's native math) for the DOCX writer. pandoc's TeX
// reader and OMML writer (texmath) are well kept and cover what standards
// write (fractions, scripts, sums, roots, matrices, cases, \text); writing
// another TeX parser into bzc would be a second, weaker one. pandoc is
// started once per document, only when the document has math: every TeX
// string of the document goes into one Markdown input, each formula as its
// own paragraph after a marker paragraph, and the m:oMath elements of the
// DOCX pandoc returns are matched back to their TeX by those markers. A
// formula pandoc could not convert (it then writes the TeX as text) keeps
// its TeX source in the DOCX and is reported; without pandoc every formula
// does, with one report, and the DOCX is written all the same. pandoc's
// answers are kept between runs (math_cache.h), and pandoc is asked only
// about formulas it has not answered before.

#include "model/document.h"
#include "support/source_location.h"

#include <pugixml.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit::docx {

// Display formulas (```math blocks) and inline math ($…$) are converted
// apart: the same TeX may be typeset differently in the two.
enum class MathStyle { Display, Inline };

// One TeX string of the document and everywhere it is used.
struct TexUse {
    MathStyle style = MathStyle::Inline;
    std::string tex;
    std::vector<SourceLocation> locations;
};

// Every TeX string of the document — display formulas and inline math in
// paragraphs, titles, tables, notes, term entries, 式中 lines and footnotes —
// once per style, in the order the model holds them. TeX with nothing to
// typeset (blank) is left out.
std::vector<TexUse> collect_tex(const model::Document& doc);

// The TeX as one line of pandoc Markdown can hold it: comments removed (a
// comment runs to the end of its line, which the line is about to lose)
// and line ends turned into spaces, as TeX reads them; trimmed.
std::string tex_for_pandoc(std::string_view tex);

// TeX as a message quotes it: on one line, cut after 60 characters.
std::string tex_excerpt(std::string_view tex);

// The Markdown given to pandoc: for each use, a marker paragraph naming its
// index, then the formula as a paragraph of its own ($$…$$ or $…$).
std::string pandoc_markdown(const std::vector<TexUse>& uses);

struct MathOptions {
    std::string pandoc = "pandoc";  // a name on PATH or a path
    std::chrono::milliseconds timeout{60000};
    // Where pandoc's answers are kept between runs (MathCache); empty: not kept.
    std::filesystem::path cache_directory;
};

// A formula the DOCX shows as TeX source.
struct MathProblem {
    enum class Kind {
        NotConverted,  // pandoc could not convert this TeX: at each use
        NoConverter,   // pandoc missing, failed or too slow: once, for the document
    };
    Kind kind = Kind::NotConverted;
    SourceLocation location;
    std::string tex;                 // NotConverted
    std::string reason_zh, reason_en;  // NoConverter
};

// The OMML of a document's formulas.
class MathConversion {
public:
    MathConversion();
    MathConversion(MathConversion&&) noexcept;
    MathConversion& operator=(MathConversion&&) noexcept;
    ~MathConversion();

    // Matches the paragraphs of pandoc's word/document.xml to `uses`. A use
    // converts when its marker is followed by exactly one paragraph holding
    // exactly one m:oMath (alone or in an m:oMathPara) and no text, no
    // deeper than limits::max_math_depth; every other use is a NotConverted
    // problem. False, with a NoConverter
    // problem, when the part is not pandoc's document at all.
    bool read_pandoc_document(std::string_view document_xml, const std::vector<TexUse>& uses, SourceLocation document);

    // An answer pandoc gave in an earlier run: `omml` is the m:oMath element
    // as stored_form() wrote it. False, adding nothing, when it is not
    // exactly one m:oMath element no deeper than limits::max_math_depth (a
    // damaged or forged cache entry).
    bool add_stored(const TexUse& use, std::string_view omml);
    // A use pandoc could not convert, in this run or an earlier one: a
    // NotConverted problem at each of its locations.
    void add_not_converted(const TexUse& use);
    // Takes over the formulas and problems of another conversion.
    void absorb(MathConversion&& other);

    // The m:oMath element for this TeX, or an empty node when it has none.
    pugi::xml_node find(MathStyle style, std::string_view tex) const;
    std::size_t converted() const { return display_.size() + inline_.size(); }

    // An m:oMath element as XML text that add_stored() reads back to the
    // same element, so a DOCX made from stored answers is byte for byte the
    // one made from pandoc's.
    static std::string stored_form(pugi::xml_node math);

    std::vector<MathProblem> problems;

private:
    std::vector<std::unique_ptr<pugi::xml_document>> documents_;  // own the nodes below
    std::map<std::string, pugi::xml_node, std::less<>> display_, inline_;
};

// A conversion running in the background: `bzc build` starts it as soon as
// the source is read, so that pandoc runs on the second core while bzc
// checks the document, and takes the result when it writes the DOCX.
class MathConversionJob {
public:
    MathConversionJob() = default;  // a document without math: nothing runs
    MathConversionJob(MathConversionJob&&) noexcept = default;
    MathConversionJob& operator=(MathConversionJob&&) noexcept = default;
    ~MathConversionJob();  // waits for pandoc (within its timeout) and for the cache entries of its answers

    // Collects the TeX of `doc` now (the document may change afterwards),
    // takes what the cache (options.cache_directory) knows of it and, for
    // any formula left, starts pandoc.
    static MathConversionJob start(const model::Document& doc, const MathOptions& options);
    // A job whose conversion is known already: no pandoc runs.
    static MathConversionJob known(MathConversion conversion);

    // The conversion, once pandoc has finished; a job is finished once.
    MathConversion finish();
    // True while pandoc runs or has run for this job and has not been
    // finished; false when the cache answered for every formula.
    bool runs_pandoc() const { return result_.valid(); }

private:
    MathConversion stored_;  // the answers found in the cache
    std::future<MathConversion> result_;  // pandoc's, for the rest
    std::future<void> storing_;  // runs pandoc, then writes its answers to the cache
};

// Converts every formula of the document with one pandoc call (none when
// the document has no math), waiting for it.
MathConversion convert_math(const model::Document& doc, const MathOptions& options);

}  // namespace bzc::emit::docx
