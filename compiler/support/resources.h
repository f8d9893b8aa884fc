#pragma once

#include <string_view>

namespace bzc {

// Files from rules/ and grammar/ compiled into the binary (see
// compiler/embed_resources.cmake), so bzc needs no installed data directory.
// `name` is the path relative to the repository root: "rules/source.yaml".
// Returns an empty view for an unknown name.
std::string_view embedded_resource(std::string_view name);

// Names of all embedded resources under a directory prefix, in sorted order.
template <class F> void for_each_embedded_resource(std::string_view prefix, F&& f);

struct EmbeddedResource {
    std::string_view name;
    std::string_view content;
};
extern const EmbeddedResource embedded_resources[];
extern const unsigned embedded_resource_count;

template <class F> void for_each_embedded_resource(std::string_view prefix, F&& f) {
    for (unsigned i = 0; i < embedded_resource_count; ++i) {
        if (embedded_resources[i].name.starts_with(prefix)) f(embedded_resources[i]);
    }
}

}  // namespace bzc
