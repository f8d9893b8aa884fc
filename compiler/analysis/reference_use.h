#pragma once

#include <cstddef>
#include <string_view>

// How a sentence uses what it points at — another document ("应符合GB/T 13016
// 的规定") or an object of this one ("按附录A", "见表1"). GB/T 1.1—2020 9.5:
// a normative reference makes the target part of the provision, an
// informative one only directs the reader to it. One classifier, so that
// citations of documents and pointers to annexes are judged alike.
namespace bzc::analysis {

enum class ReferenceUse {
    Normative,    // 按…, 符合…, 依据…, 采用…, …的规定, …规定的
    Informative,  // 见…, 参见…
    Neutral,      // a mention the words around it do not classify
};

// The use of the pointer at bytes [start, end) of `text`, read from the
// words just before and just after it. The caller decides what the context
// adds: everything in a 注, 示例, 前言 or informative annex is informative.
ReferenceUse reference_use(std::string_view text, std::size_t start, std::size_t end);

}  // namespace bzc::analysis
