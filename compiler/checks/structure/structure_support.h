#pragma once

// Helpers shared by the structure checks (STR, NUM): whether the drafting
// rules apply to a source at all, and how to name an element or a clause in
// a message.
#include "diagnostics/diagnostic.h"
#include "model/document.h"
#include "support/utf8.h"

#include <string>
#include <string_view>

namespace bzc::checks::structure {

// The drafting rules judge a whole standard. A source without front matter
// is a fragment (FM-01 says so); judging its structure would only add noise.
inline bool applies(const model::Document& doc) { return doc.metadata.present; }

// 第5章 / 5.2 / 附录A / 前言 …, and the English for messages.
inline DiagnosticArg describe(std::string name, const model::Section& s) {
    using model::SectionKind;
    switch (s.kind) {
        case SectionKind::Foreword: return {std::move(name), "前言", "the foreword"};
        case SectionKind::Introduction: return {std::move(name), "引言", "the introduction"};
        case SectionKind::Bibliography: return {std::move(name), "参考文献", "the bibliography"};
        case SectionKind::Index: return {std::move(name), "索引", "the index"};
        case SectionKind::Annex: return {std::move(name), "附录" + s.number, "Annex " + s.number};
        case SectionKind::Clause:
        case SectionKind::TermEntry:
            if (s.number.empty()) return {std::move(name), "条", "a clause"};
            return {std::move(name), s.number, s.number};
        default: return {std::move(name), "第" + s.number + "章", "Clause " + s.number};
    }
}

// The title as plain text, trimmed.
inline std::string title_text(const model::Section& s) {
    return std::string(utf8::trim(model::plain_text(s.title)));
}

}  // namespace bzc::checks::structure
