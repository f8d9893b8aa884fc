#include "model/designation.h"

#include <catch2/catch.hpp>

using bzc::model::DesignationDeviation;
using bzc::model::DesignationFamily;
using bzc::model::find_designations;
using bzc::model::parse_designation;

TEST_CASE("designations of every family parse", "[designation]") {
    struct Case {
        const char* text;
        DesignationFamily family;
        const char* code;
        const char* number;
        const char* year;
    };
    const Case cases[] = {
        {"GB/T 1.1—2020", DesignationFamily::National, "GB/T", "1.1", "2020"},
        {"GB 18030—2022", DesignationFamily::National, "GB", "18030", "2022"},
        {"GB/Z 20000.11", DesignationFamily::National, "GB/Z", "20000.11", ""},
        {"JB/T 10001—2020", DesignationFamily::Industry, "JB/T", "10001", "2020"},
        {"YY 0505—2012", DesignationFamily::Industry, "YY", "0505", "2012"},
        {"DB43/T 2345—2022", DesignationFamily::Local, "DB43/T", "2345", "2022"},
        {"DB4403/T 100—2020", DesignationFamily::Local, "DB4403/T", "100", "2020"},
        {"T/CAS 290—2017", DesignationFamily::Group, "T/CAS", "290", "2017"},
        {"T/CAMET 04010.1—2020", DesignationFamily::Group, "T/CAMET", "04010.1", "2020"},
        {"Q/CUP 037.5.1—2015", DesignationFamily::Enterprise, "Q/CUP", "037.5.1", "2015"},
        {"ISO 9001:2015", DesignationFamily::International, "ISO", "9001", "2015"},
        {"ISO/IEC 27001:2022", DesignationFamily::International, "ISO/IEC", "27001", "2022"},
        {"ISO/IEC TR 29110", DesignationFamily::International, "ISO/IEC TR", "29110", ""},
        {"IEC 60027", DesignationFamily::International, "IEC", "60027", ""},
        {"ITU-T X.509", DesignationFamily::International, "ITU-T", "X.509", ""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto d = parse_designation(c.text);
        REQUIRE(d);
        CHECK(d->family == c.family);
        CHECK(d->code == c.code);
        CHECK(d->number == c.number);
        CHECK(d->year == c.year);
        CHECK(d->deviations.empty());
        CHECK(d->canonical() == c.text);
    }
}

TEST_CASE("part, sequence and all-parts forms", "[designation]") {
    auto d = parse_designation("GB/T 20001.10—2014");
    REQUIRE(d);
    CHECK(d->sequence() == "20001");
    CHECK(d->part() == "10");
    CHECK(d->undated() == "GB/T 20001.10");
    auto all = parse_designation("GB/T 3102（所有部分）");
    REQUIRE(all);
    CHECK(all->all_parts);
    CHECK(all->canonical() == "GB/T 3102（所有部分）");
}

TEST_CASE("tolerated deviations are reported, not rejected", "[designation]") {
    auto hyphen = parse_designation("GB/T 3101-1993");
    REQUIRE(hyphen);
    CHECK(hyphen->has(DesignationDeviation::YearSeparator));
    CHECK(hyphen->canonical() == "GB/T 3101—1993");
    auto en_dash = parse_designation("GB/T 1.1–2020");
    REQUIRE(en_dash);
    CHECK(en_dash->has(DesignationDeviation::YearSeparator));
    auto full_width = parse_designation("ＧＢ／Ｔ　１３０１６—２０１８");
    REQUIRE(full_width);
    CHECK(full_width->has(DesignationDeviation::FullWidth));
    CHECK(full_width->canonical() == "GB/T 13016—2018");
    auto no_space = parse_designation("GB/T13016");
    REQUIRE(no_space);
    CHECK(no_space->has(DesignationDeviation::MissingSpace));
}

TEST_CASE("things that are not designations", "[designation]") {
    for (const char* text : {"", "GB/T", "CPU 2", "ABC 123", "GB/T 1234ABC", "DB4/T 12", "T/ 12", "标准"}) {
        INFO(text);
        CHECK_FALSE(parse_designation(text));
    }
    std::string huge = "GB/T " + std::string(10000, '1');
    CHECK_FALSE(parse_designation(huge));
    CHECK(find_designations(huge).empty());
}

TEST_CASE("designations are found in running text", "[designation]") {
    auto found = find_designations("应符合GB/T 13016的规定，并参照ISO 9001:2015和DB43/T 2345—2022。CPU 2除外。");
    REQUIRE(found.size() == 3);
    CHECK(found[0].designation.canonical() == "GB/T 13016");
    CHECK(found[1].designation.canonical() == "ISO 9001:2015");
    CHECK(found[2].designation.canonical() == "DB43/T 2345—2022");
    std::string text = "应符合GB/T 13016的规定";
    CHECK(text.substr(found[0].offset, found[0].length) == "GB/T 13016");
    // Not inside a longer word or number.
    CHECK(find_designations("XGB/T 1").empty());
}

TEST_CASE("amendments of a dated edition are part of the designation", "[designation]") {
    auto xg = parse_designation("GB/T 20001.10—2014/XG1—2017");
    REQUIRE(xg);
    CHECK(xg->year == "2014");
    CHECK(xg->amendment == "XG1—2017");
    CHECK(xg->canonical() == "GB/T 20001.10—2014/XG1—2017");
    CHECK(xg->undated() == "GB/T 20001.10");
    auto amd = parse_designation("ISO 9001:2015/Amd 1:2024");
    REQUIRE(amd);
    CHECK(amd->amendment == "Amd 1:2024");
    CHECK(amd->canonical() == "ISO 9001:2015/Amd 1:2024");
    auto cor = parse_designation("IEC 60204-1:2016/COR1:2020");
    REQUIRE(cor);
    CHECK(cor->number == "60204-1");
    CHECK(cor->canonical() == "IEC 60204-1:2016/Cor 1:2020");
    // Not an amendment: an undated designation, or other text after the slash.
    CHECK_FALSE(parse_designation("GB/T 20001.10/XG1"));
    auto found = find_designations("应符合GB/T 20001.10—2014/XG1—2017的规定，见GB 7258—2017/其他。");
    REQUIRE(found.size() == 2);
    CHECK(found[0].designation.canonical() == "GB/T 20001.10—2014/XG1—2017");
    CHECK(found[1].designation.canonical() == "GB 7258—2017");
}
