#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bzc::frontend {

// A trailing attribute block, pandoc style: "{#fig-structure}",
// "{#t-length pinyin=chang2du4}". Headings, captions, images, list items and
// formula fences carry them.
struct Attributes {
    std::string id;
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> unparsed;  // tokens that are neither #id nor key=value

    const std::string* get(std::string_view key) const;
};

// If `text` ends with an attribute block, removes it (and the white space
// before it) from `text` and returns it.
std::optional<Attributes> take_trailing_attributes(std::string& text);

// Ids start with an ASCII letter and hold letters, digits and -_.: so they
// are valid XML ids and survive the round trip through canonical XML.
bool is_valid_id(std::string_view id);

}  // namespace bzc::frontend
