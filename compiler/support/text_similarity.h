#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace bzc {

// How alike two texts are, from 0 to 1: the cosine of their Han character
// and character-pair counts, weighted by how rare each is in `corpus`
// (inverse document frequency), so that 管理, 规范 and the fixed wording of
// scopes weigh little and what names the subject weighs much.
class TextSimilarity {
public:
    explicit TextSimilarity(const std::vector<std::string>& corpus);
    double operator()(std::size_t a, std::size_t b) const;
    // Every pair (a < b) at least `minimum` alike, with its similarity: all
    // pairs at once through an index of the texts by feature, so that the
    // cost follows the pairs that share something, not the square of the count.
    std::vector<std::tuple<std::size_t, std::size_t, double>> pairs_at_least(double minimum) const;

private:
    // A text's weights divided by its norm (a unit vector, so a dot product
    // is the cosine), by feature id ascending. Feature ids are dense (0, 1, 2 …
    // in order of first appearance) so that the index of pairs_at_least is
    // a vector, not a hash table.
    using Vector = std::vector<std::pair<std::uint32_t, double>>;
    std::vector<Vector> vectors_;
    std::size_t feature_count_ = 0;
};

}  // namespace bzc
