#pragma once

// pandoc's answers for formulas, kept between runs. With formulas, the
// pandoc call is most of a DOCX build's time (85–120 ms for the 170
// formulas of the benchmark standard, against bzc's 50 ms for everything
// else), and a rebuild after an edit of the text asks pandoc the same
// questions again. So each formula's answer — its OMML, or that pandoc
// could not convert it — is stored under the user's cache
// (user_cache_directory()/math) and pandoc is asked only about the
// formulas it has not answered before.
//
// An answer belongs to one pandoc: the folder is named after a digest of
// the pandoc program's path, size and modification time (an upgrade makes
// a new folder, as ccache's default compiler check does) and of the form
// of the question bzc asks (answer_format). Each answer is a file of its
// own, written through a rename, so concurrent builds share the cache
// without locks and a killed build leaves no half entry. An entry names
// its question and is checked when read; a damaged or foreign one is
// asked again and replaced. Nothing here is an error of the build: a
// cache that cannot be read or written is a cache that misses.

#include "emit/docx/math_conversion.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace bzc::emit::docx {

// What pandoc answered for one formula.
struct StoredAnswer {
    bool converted = false;
    std::string omml;  // the m:oMath element, as XML; empty when not converted
};

class MathCache {
public:
    MathCache() = default;  // off: finds nothing, stores nothing

    // The answers of `pandoc` (a name on PATH or a path) under `directory`;
    // off when `directory` is empty or the program cannot be found.
    static MathCache open(const std::filesystem::path& directory, const std::string& pandoc);

    bool on() const { return !folder_.empty(); }
    const std::filesystem::path& folder() const { return folder_; }

    // The stored answer for a formula (its TeX as tex_for_pandoc() gives it),
    // or nullopt when there is none or it is damaged.
    std::optional<StoredAnswer> find(MathStyle style, std::string_view tex) const;

    // Stores an answer (best effort). The first store of a new pandoc's
    // folder removes the folders of other pandocs unused for 30 days.
    void store(MathStyle style, std::string_view tex, const StoredAnswer& answer) const;

private:
    std::filesystem::path entry_path(MathStyle style, std::string_view tex) const;

    std::filesystem::path folder_;
};

// The file content of an entry, and its reading back: nullopt unless it is
// an entry of this format for exactly this question.
std::string encode_stored_answer(MathStyle style, std::string_view tex, const StoredAnswer& answer);
std::optional<StoredAnswer> decode_stored_answer(std::string_view bytes, MathStyle style, std::string_view tex);

}  // namespace bzc::emit::docx
