#include "analysis/index_collation.h"

#include "analysis/pinyin_reading.h"
#include "analysis/pinyin_table.h"
#include "support/utf8.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/sortkey.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace bzc::analysis {

struct IndexCollation::Icu {
    std::unique_ptr<icu::Collator> pinyin;
    std::unique_ptr<icu::Collator> english;
    const icu::Normalizer2* nfkd = nullptr;
    std::vector<icu::UnicodeString> block_starts;  // pinyin_blocks[i].first
};

namespace {

void require(UErrorCode status, const char* what) {
    // ICU's data is linked into bzc: a failure here is a broken build.
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: cannot create ") + what + ": " + u_errorName(status));
}

// The block of a reading ("chang2"); pinyin_block_count when ICU has none.
// A linear search: only pinyin overrides look readings up.
std::size_t block_of_reading(std::string_view reading) {
    for (std::size_t i = 0; i < pinyin_block_count; ++i)
        if (pinyin_blocks[i].reading == reading) return i;
    return pinyin_block_count;
}

std::string sort_key(const icu::Collator& collator, const icu::UnicodeString& text) {
    int32_t size = collator.getSortKey(text, nullptr, 0);
    std::string key(static_cast<std::size_t>(size), '\0');
    collator.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), size);
    if (!key.empty() && key.back() == '\0') key.pop_back();  // the terminator
    return key;
}

}  // namespace

IndexCollation::IndexCollation() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->pinyin.reset(icu::Collator::createInstance(icu::Locale("zh@collation=pinyin"), status));
    require(status, "the zh pinyin collator");
    icu_->english.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    require(status, "the root collator");
    icu_->nfkd = icu::Normalizer2::getNFKDInstance(status);
    require(status, "the NFKD normaliser");
    icu_->block_starts.reserve(pinyin_block_count);
    for (std::size_t i = 0; i < pinyin_block_count; ++i) {
        const auto& block = pinyin_blocks[i];
        icu_->block_starts.push_back(
            icu::UnicodeString::fromUTF8(icu::StringPiece(block.first.data(), static_cast<int32_t>(block.first.size()))));
    }
}

IndexCollation::~IndexCollation() = default;

const IndexCollation& IndexCollation::instance() {
    static const IndexCollation collation;
    return collation;
}

std::string_view IndexCollation::reading_of(char32_t han) const {
    // The last block whose first character does not sort after `han`.
    icu::UnicodeString c(static_cast<UChar32>(han));
    const auto& starts = icu_->block_starts;
    auto after = std::upper_bound(starts.begin(), starts.end(), c, [&](const icu::UnicodeString& a, const icu::UnicodeString& b) {
        UErrorCode status = U_ZERO_ERROR;
        return icu_->pinyin->compare(a, b, status) == UCOL_LESS;
    });
    if (after == starts.begin()) return {};  // sorts before every block: not a Han character ICU orders by reading
    return pinyin_blocks[static_cast<std::size_t>(after - starts.begin() - 1)].reading;
}

// The letter groups are those of ICU's zh AlphabeticIndex, whose boundaries
// in the pinyin tailoring fall between the blocks of two initials: a term
// under the initial of its first character's block, or under its first
// letter (GPS终端 under G; Ｇ and É fold to G and E). Found from the blocks
// rather than by building the AlphabeticIndex, which costs three times the
// collator itself; terms starting with anything else (3D打印) go first,
// under no letter.
void IndexCollation::group(const icu::UnicodeString& text, IndexKey& key) const {
    if (text.isEmpty()) return;
    UChar32 first = text.char32At(0);
    char letter = 0;
    if (takes_syllable(static_cast<char32_t>(first))) {
        std::string_view reading = reading_of(static_cast<char32_t>(first));
        if (!reading.empty()) letter = static_cast<char>(reading.front() - 'a' + 'A');
    } else {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString folded = icu_->nfkd->normalize(icu::UnicodeString(first), status);
        char16_t c = U_SUCCESS(status) && !folded.isEmpty() ? folded[0] : 0;
        if (c >= u'a' && c <= u'z') letter = static_cast<char>(c - u'a' + 'A');
        else if (c >= u'A' && c <= u'Z') letter = static_cast<char>(c);
    }
    if (letter) {
        key.letter = std::string(1, letter);
        key.bucket = letter - 'A' + 1;
    }
}

IndexKey IndexCollation::chinese(std::string_view term, const std::vector<std::string>& reading) const {
    icu::UnicodeString text;
    std::size_t han = 0;
    for (std::size_t i = 0; i < term.size();) {
        char32_t c = utf8::decode(term, i);
        if (!reading.empty() && takes_syllable(c) && han < reading.size()) {
            const std::string& wanted = reading[han++];
            if (reading_of(c) != wanted) {
                // Stand in for the character with the first one of the
                // block of the wanted reading, or of the nearest tone of its
                // syllable where ICU has no block with that tone.
                std::size_t block = block_of_reading(wanted);
                std::string syllable = wanted.substr(0, wanted.size() - 1);
                for (int tone = wanted.back() - '0', step = 0; block == pinyin_block_count && step < 10; ++step) {
                    int t = step < tone ? tone - step : step + 1;  // tone, tone−1 … 1, then upwards
                    if (t >= 1 && t <= 5) block = block_of_reading(syllable + std::to_string(t));
                }
                if (block != pinyin_block_count) {
                    text.append(icu_->block_starts[block]);
                    continue;
                }
            }
        }
        text.append(static_cast<UChar32>(c));
    }
    IndexKey key;
    group(text, key);
    key.sort_key = sort_key(*icu_->pinyin, text);
    return key;
}

IndexKey IndexCollation::english(std::string_view term) const {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
    IndexKey key;
    group(text, key);
    key.sort_key = sort_key(*icu_->english, text);
    return key;
}

}  // namespace bzc::analysis
