#include "support/suggestions.h"

#include "support/utf8.h"

#include <algorithm>

namespace bzc {

namespace {
std::u32string decode_all(std::string_view text) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < text.size()) out += utf8::decode(text, pos);
    return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours ("tilte" is one edit from "title").
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * width);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
    for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::u32string target = decode_all(word);
    if (target.empty() || target.size() > 64) return {};
    // A third of the word may be wrong, at least one character, at most three.
    std::size_t allowed = std::clamp<std::size_t>(target.size() / 3, 1, 3);
    std::string best;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        std::u32string decoded = decode_all(candidate);
        // The distance is at least the difference in length: a candidate
        // that cannot beat the best so far needs no table of distances.
        std::size_t gap = decoded.size() > target.size() ? decoded.size() - target.size() : target.size() - decoded.size();
        if (gap >= best_distance) continue;
        std::size_t d = edit_distance(target, decoded);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

}  // namespace bzc
