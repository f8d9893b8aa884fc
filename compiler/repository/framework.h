#pragma once

#include "support/source_location.h"

#include <string>
#include <string_view>
#include <vector>

namespace bzc::repository {

// One category of a standard system's framework (GB/T 13016 体系结构):
// "200 运行保障" with its sub-categories "210 服务接待" … Codes are what a
// standard's cover data names in `category:`.
struct FrameworkCategory {
    std::string code;
    std::string name;
    std::string description;  // optional, printed under the name in the 体系表
    std::vector<FrameworkCategory> children;
    SourceLocation location;  // in bzc.yaml
};

// The framework of a repository's standard system, from bzc.yaml `framework:`.
struct Framework {
    std::string name;  // "3+7N" (optional)
    std::vector<FrameworkCategory> categories;

    bool empty() const { return categories.empty(); }
    // The category with this code, at any depth, or null.
    const FrameworkCategory* find(std::string_view code) const;
    // The path from a top-level category down to the one with this code
    // (empty when there is none): {"200 运行保障", "210 服务接待"}.
    std::vector<const FrameworkCategory*> path_to(std::string_view code) const;
    // Every category, depth first, with its depth (0 for the top level).
    template <class F> void for_each(F&& f) const { for_each_in(categories, 0, f); }

private:
    template <class F> static void for_each_in(const std::vector<FrameworkCategory>& list, int depth, F& f) {
        for (const auto& c : list) {
            f(c, depth);
            for_each_in(c.children, depth + 1, f);
        }
    }
};

}  // namespace bzc::repository
