#include "support/suggestions.h"

#include "support/utf8.h"

#include <algorithm>
#include <numeric>

namespace bzc {

namespace {
std::u32string decode_all(std::string_view text) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < text.size()) out += utf8::decode(text, pos);
    return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
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
        std::size_t d = edit_distance(target, decode_all(candidate));
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

}  // namespace bzc
