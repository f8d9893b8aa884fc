#include "repository/framework.h"

namespace bzc::repository {

namespace {

bool find_path(const std::vector<FrameworkCategory>& list, std::string_view code, std::vector<const FrameworkCategory*>& path) {
    for (const auto& c : list) {
        path.push_back(&c);
        if (c.code == code || find_path(c.children, code, path)) return true;
        path.pop_back();
    }
    return false;
}

}  // namespace

const FrameworkCategory* Framework::find(std::string_view code) const {
    auto path = path_to(code);
    return path.empty() ? nullptr : path.back();
}

std::vector<const FrameworkCategory*> Framework::path_to(std::string_view code) const {
    std::vector<const FrameworkCategory*> path;
    if (!find_path(categories, code, path)) path.clear();
    return path;
}

}  // namespace bzc::repository
