#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bzc {

// The candidate closest to `word` by edit distance (in code points), if it
// is close enough to be a likely typo; empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace bzc
