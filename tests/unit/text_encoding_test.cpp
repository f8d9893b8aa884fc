#include "support/text_encoding.h"
#include "support/utf8.h"

#include <catch2/catch.hpp>

using bzc::DecodedSource;
using bzc::decode_source;

TEST_CASE("UTF-8 passes, BOM and CR line ends are normalised", "[encoding]") {
    auto plain = decode_source("# 范围\n文本。\n");
    CHECK(plain.problem == DecodedSource::Problem::None);
    CHECK(plain.converted_from.empty());
    CHECK(plain.text == "# 范围\n文本。\n");
    CHECK(decode_source("\xEF\xBB\xBF# 范围\r\n文本\r").text == "# 范围\n文本\n");
}

TEST_CASE("invalid UTF-8 is located", "[encoding]") {
    auto bad = decode_source("第一行\n第二\xFF行\n");
    REQUIRE(bad.problem == DecodedSource::Problem::InvalidUtf8);
    CHECK(bad.problem_line == 2);
    CHECK(bad.problem_column == 3);
    // Overlong and surrogate forms are invalid too.
    CHECK(decode_source("机关事务a\xC0\xAF").problem == DecodedSource::Problem::InvalidUtf8);
    CHECK(decode_source("机关事务a\xED\xA0\x80").problem == DecodedSource::Problem::InvalidUtf8);
}

TEST_CASE("NUL bytes are located", "[encoding]") {
    auto nul = decode_source(std::string("abc\ndef\0gh", 10));
    REQUIRE(nul.problem == DecodedSource::Problem::NulByte);
    CHECK(nul.problem_line == 2);
    CHECK(nul.problem_column == 4);
}

TEST_CASE("GB18030 text is detected and converted", "[encoding]") {
    // 机关事务标准化工作指南，本文件规定了机关事务标准化工作的要求。 in GBK
    std::string gbk =
        "\xbb\xfa\xb9\xd8\xca\xc2\xce\xf1\xb1\xea\xd7\xbc\xbb\xaf\xb9\xa4\xd7\xf7\xd6\xb8\xc4\xcf\xa3\xac"
        "\xb1\xbe\xce\xc4\xbc\xfe\xb9\xe6\xb6\xa8\xc1\xcb\xbb\xfa\xb9\xd8\xca\xc2\xce\xf1\xb1\xea\xd7\xbc"
        "\xbb\xaf\xb9\xa4\xd7\xf7\xb5\xc4\xd2\xaa\xc7\xf3\xa1\xa3\n";
    auto decoded = decode_source("# " + gbk + gbk + gbk);
    REQUIRE(decoded.problem == DecodedSource::Problem::None);
    CHECK(decoded.converted_from == "GB18030");
    CHECK(decoded.text.rfind("# 机关事务标准化工作指南，本文件规定了", 0) == 0);
}

TEST_CASE("UTF-16 with and without BOM is converted", "[encoding]") {
    std::string le = "\xFF\xFE";
    for (char c : std::string("# Scope\ntext\n")) {
        le += c;
        le += '\0';
    }
    auto with_bom = decode_source(le);
    CHECK(with_bom.converted_from == "UTF-16LE");
    CHECK(with_bom.text == "# Scope\ntext\n");
    auto without = decode_source(le.substr(2));
    CHECK(without.converted_from == "UTF-16LE");
    CHECK(without.text == "# Scope\ntext\n");
}

TEST_CASE("utf8 helpers", "[encoding]") {
    CHECK(bzc::utf8::count_code_points("机关a") == 3);
    CHECK(bzc::utf8::trim("\u3000 文本 \u3000") == "文本");
    CHECK(bzc::utf8::is_han(U'机'));
    CHECK_FALSE(bzc::utf8::is_han(U'，'));
    // Stepping back a code point: one byte, three, four; nothing at the start.
    const std::string_view text = "a机\U0001F600b";  // 1 + 3 + 4 + 1 bytes
    CHECK(bzc::utf8::previous_start(text, 0) == 0);
    CHECK(bzc::utf8::previous_start(text, 1) == 0);
    CHECK(bzc::utf8::previous_start(text, 4) == 1);
    CHECK(bzc::utf8::previous_start(text, 8) == 4);
    CHECK(bzc::utf8::previous_start(text, 9) == 8);
    CHECK(bzc::utf8::decode_before(text, 0) == 0);
    CHECK(bzc::utf8::decode_before(text, 4) == U'机');
    CHECK(bzc::utf8::decode_before(text, 8) == U'\U0001F600');
    CHECK(bzc::utf8::decode_before(text, text.size()) == U'b');
}
