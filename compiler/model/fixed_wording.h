#pragma once

#include <string_view>

// The fixed sentences of GB/T 1.1—2020 (rules catalog §B): the analysis
// writes them (前言, a generated 第2章) and the wording checks compare the
// author's text with them.
namespace bzc::model::fixed {
inline constexpr std::string_view references =
    "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；"
    "不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。";
inline constexpr std::string_view no_references = "本文件没有规范性引用文件。";
inline constexpr std::string_view own_terms = "下列术语和定义适用于本文件。";
inline constexpr std::string_view no_terms = "本文件没有需要界定的术语和定义。";
inline constexpr std::string_view drafting_basis =
    "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。";
inline constexpr std::string_view patent_notice =
    "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。";
}  // namespace bzc::model::fixed
