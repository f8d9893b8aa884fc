// Cross-references print the numbers GB/T 1.1—2020 9.5 prescribes: 第5章,
// 5.2 (no 第/条), 表1, 图A.1, 图1 a), 公式(3), 附录A, 3.1, 5.2 b), [1].
#include "model/walk.h"
#include "test_support.h"

#include <catch2/catch.hpp>

namespace {

std::vector<std::string> resolved_references(const bzc::model::Document& doc) {
    std::vector<std::string> out;
    std::function<void(const bzc::model::Inlines&)> visit = [&](const bzc::model::Inlines& inlines) {
        for (const auto& in : inlines) {
            if (in.kind == bzc::model::InlineKind::CrossReference) out.push_back(in.resolved_text);
            visit(in.children);
        }
    };
    bzc::model::for_each_inlines(doc, visit);
    return out;
}

std::vector<std::string> footnote_marks(const bzc::model::Document& doc) {
    std::vector<std::string> out;
    std::function<void(const bzc::model::Inlines&)> visit = [&](const bzc::model::Inlines& inlines) {
        for (const auto& in : inlines) {
            if (in.kind == bzc::model::InlineKind::FootnoteReference) out.push_back(in.text + "=" + in.resolved_text);
            visit(in.children);
        }
    };
    bzc::model::for_each_inlines(doc, visit);
    return out;
}

}  // namespace

TEST_CASE("cross-references print the target's number", "[xref]") {
    auto c = bzc::test::compile_text(bzc::test::with_cover(R"(# 范围
见[](#ch-req)、[](#c-org)、[](#c-untitled)、[](#tab-1)、[](#fig-1)、[](#fig-1b)、[](#eq-1)、[](#annex-a)、[](#item-b)、[](#item-2)、[](#t-1)、[](#tab-a1)、[](#fig-a1)、[](#eq-a1)、[](#intro-1)、[](#bib-1)、[](#foreword)。

# 术语和定义
## 术语 {#t-1}
term
定义。

# 要求 {#ch-req}
## 组织 {#c-org}
应：
1. 第一；
2. 第二：{#item-b}
   1. 子一；
   2. 子二。{#item-2}

表：表 {#tab-1}

| a |
|---|
| 1 |

图：组图 {#fig-1}

![一](a.png){#fig-1a} ![二](b.png){#fig-1b}

```math {#eq-1}
x = 1
```
## {#c-untitled}
无标题条。
##
另一无标题条。

# 附录（规范性） 附录 {#annex-a}
![图](f.png){#fig-a1}

表：附录表 {#tab-a1}

| a |
|---|
| 1 |

```math {#eq-a1}
y = 2
```
)") + "\n# 引言\n## 背景 {#intro-1}\n文本。\n\n# 参考文献\n- 第一条文献 {#bib-1}\n\n# 前言 {#foreword}\n文本。\n");
    CHECK(resolved_references(c.document) ==
          std::vector<std::string>{"第3章", "3.1", "3.2", "表1", "图1", "图1 b)", "公式(1)", "附录A", "3.1 b)", "3.1 b) 2)",
                                   "2.1", "表A.1", "图A.1", "公式(A.1)", "0.1", "[1]", "前言"});
}

TEST_CASE("footnotes: 1) 2) in text, a b per table", "[xref]") {
    auto c = bzc::test::compile_text(bzc::test::with_cover(R"(# 一
正文[^n1]和[^n2]。

| a[^t1] | b[^t2] |
|---|---|
| c[^t2] | d |

| e[^t2] |
|---|
| f |

再次[^n1]。

[^n1]: 一。
[^n2]: 二。
[^t1]: 表一。
[^t2]: 表二。
)"));
    CHECK(footnote_marks(c.document) ==
          std::vector<std::string>{"n1=1)", "n2=2)", "t1=a", "t2=b", "t2=b", "t2=a", "n1=1)"});
}
