#pragma once

#include <cstddef>
#include <string_view>

// The readings of ICU's zh@collation=pinyin order: for each reading with its
// tone ("chang2"; ü written v, the neutral tone 5), the first character of
// its block, in collation order. Generated at build time from ICU itself by
// pinyin_table_generator.cpp, so it always matches the collator bzc links.
namespace bzc::analysis {

struct PinyinBlock {
    std::string_view reading;  // chang2
    std::string_view first;    // the first character of the block, UTF-8
};

extern const PinyinBlock pinyin_blocks[];
extern const std::size_t pinyin_block_count;

}  // namespace bzc::analysis
