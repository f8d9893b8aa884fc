#include "support/text_similarity.h"

#include "support/utf8.h"

#include <algorithm>
#include <cmath>
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
    std::unordered_map<std::uint64_t, std::uint32_t> feature_ids;
    std::vector<std::vector<std::pair<std::uint32_t, int>>> counts(corpus.size());  // (feature id, occurrences)
    std::vector<int> document_frequency;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        std::vector<std::uint32_t> ids;
        for (auto f : features(corpus[i])) {
            auto [it, added] = feature_ids.emplace(f, static_cast<std::uint32_t>(feature_ids.size()));
            if (added) document_frequency.push_back(0);
            ids.push_back(it->second);
        }
        std::sort(ids.begin(), ids.end());
        for (std::size_t k = 0; k < ids.size();) {
            std::size_t end = k;
            while (end < ids.size() && ids[end] == ids[k]) ++end;
            counts[i].emplace_back(ids[k], static_cast<int>(end - k));
            ++document_frequency[ids[k]];
            k = end;
        }
    }
    feature_count_ = feature_ids.size();
    const double documents = static_cast<double>(corpus.size());
    vectors_.resize(corpus.size());
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        auto& v = vectors_[i];
        double norm = 0;
        for (const auto& [f, n] : counts[i]) {
            double idf = std::log((1.0 + documents) / (1.0 + document_frequency[f])) + 1.0;
            double w = (1.0 + std::log(static_cast<double>(n))) * idf;
            v.emplace_back(f, w);
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto& entry : v) entry.second /= norm;
    }
}

double TextSimilarity::operator()(std::size_t a, std::size_t b) const {
    const Vector& x = vectors_[a];
    const Vector& y = vectors_[b];
    double dot = 0;
    auto i = x.begin(), j = y.begin();
    while (i != x.end() && j != y.end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else dot += (i++)->second * (j++)->second;
    }
    return dot;
}

std::vector<std::tuple<std::size_t, std::size_t, double>> TextSimilarity::pairs_at_least(double minimum) const {
    // One pass: each text is compared with the earlier texts sharing a
    // feature with it (the index holds only those), then joins the index;
    // every pair is visited once.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> postings(feature_count_);  // (text, weight)
    std::vector<std::tuple<std::size_t, std::size_t, double>> out;
    std::vector<double> dot(vectors_.size(), 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t b = 0; b < vectors_.size(); ++b) {
        for (const auto& [f, wb] : vectors_[b]) {
            for (const auto& [a, wa] : postings[f]) {
                if (dot[a] == 0.0) touched.push_back(a);
                dot[a] += wa * wb;
            }
        }
        for (std::uint32_t a : touched) {
            if (dot[a] >= minimum) out.emplace_back(a, b, dot[a]);
            dot[a] = 0.0;
        }
        touched.clear();
        for (const auto& [f, wb] : vectors_[b]) postings[f].emplace_back(static_cast<std::uint32_t>(b), wb);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace bzc
