#pragma once

// Where an XML node is in its source, from pugixml's byte offsets (parsed
// with offset_debug available, which pugixml always keeps).

#include "support/source_location.h"
#include "support/source_manager.h"

#include <pugixml.hpp>

#include <cstdint>

namespace bzc::frontend {

inline SourceLocation xml_node_location(const pugi::xml_node& node, std::uint32_t file, const SourceManager& sources) {
    auto offset = node.offset_debug();
    if (offset < 0) return {file, 1, 1};
    // offset_debug points after the '<' of an element.
    std::size_t at = static_cast<std::size_t>(offset);
    if (node.type() == pugi::node_element && at > 0) --at;
    return sources.location_at_offset(file, at);
}

}  // namespace bzc::frontend
