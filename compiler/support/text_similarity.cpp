#include "support/text_similarity.h"

#include "support/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace bzc {
namespace {

// The features of a text: each Han character and each pair of adjacent Han
// characters (other characters break a pair: digits and Latin say little here).
std::vector<std::uint64_t> features(std::string_view text) {
    std::vector<std::uint64_t> out;
    char32_t previous = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::decode(text, i);
        if (!utf8::is_han(c)) {
            previous = 0;
            continue;
        }
        out.push_back(c);
        if (previous) out.push_back((static_cast<std::uint64_t>(previous) << 32) | c);
        previous = c;
    }
    return out;
}

}  // namespace

TextSimilarity::TextSimilarity(const std::vector<std::string>& corpus) {
    std::vector<std::map<std::uint64_t, int>> counts(corpus.size());
    std::unordered_map<std::uint64_t, int> document_frequency;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        for (auto f : features(corpus[i])) ++counts[i][f];
        for (const auto& [f, n] : counts[i]) ++document_frequency[f];
    }
    const double documents = static_cast<double>(corpus.size());
    vectors_.resize(corpus.size());
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        auto& v = vectors_[i];
        for (const auto& [f, n] : counts[i]) {
            double idf = std::log((1.0 + documents) / (1.0 + document_frequency[f])) + 1.0;
            double w = (1.0 + std::log(static_cast<double>(n))) * idf;
            v.weights.emplace_back(f, w);
            v.norm += w * w;
        }
        v.norm = std::sqrt(v.norm);
    }
}

double TextSimilarity::operator()(std::size_t a, std::size_t b) const {
    const Vector& x = vectors_[a];
    const Vector& y = vectors_[b];
    if (x.norm == 0 || y.norm == 0) return 0;
    double dot = 0;
    auto i = x.weights.begin(), j = y.weights.begin();
    while (i != x.weights.end() && j != y.weights.end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else dot += (i++)->second * (j++)->second;
    }
    return dot / (x.norm * y.norm);
}

std::vector<std::tuple<std::size_t, std::size_t, double>> TextSimilarity::pairs_at_least(double minimum) const {
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, double>>> postings;
    for (std::size_t i = 0; i < vectors_.size(); ++i) {
        if (vectors_[i].norm == 0) continue;
        for (const auto& [f, w] : vectors_[i].weights) postings[f].emplace_back(i, w / vectors_[i].norm);
    }
    std::vector<std::tuple<std::size_t, std::size_t, double>> out;
    std::vector<double> dot(vectors_.size(), 0.0);
    std::vector<std::size_t> touched;
    for (std::size_t a = 0; a < vectors_.size(); ++a) {
        if (vectors_[a].norm == 0) continue;
        for (const auto& [f, w] : vectors_[a].weights) {
            double wa = w / vectors_[a].norm;
            for (const auto& [b, wb] : postings[f]) {
                if (b <= a) continue;
                if (dot[b] == 0.0) touched.push_back(b);
                dot[b] += wa * wb;
            }
        }
        std::sort(touched.begin(), touched.end());
        for (std::size_t b : touched) {
            if (dot[b] >= minimum) out.emplace_back(a, b, dot[b]);
            dot[b] = 0.0;
        }
        touched.clear();
    }
    return out;
}

}  // namespace bzc
