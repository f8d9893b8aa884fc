#pragma once

#include <charconv>
#include <compare>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

// Calendar days as cover data and bzc.yaml write them: YYYY-MM-DD (GB/T 7408).
// Header-only: a handful of small functions wanted by the commands that
// reason about dates (the review schedule of `bzc system`).
namespace bzc {

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1–12
    int day = 0;    // 1–31

    auto operator<=>(const CalendarDate&) const = default;

    std::string iso() const {
        char buffer[40];  // room for any int, so the compiler sees no truncation
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
    }
};

constexpr bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

constexpr int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// The day a string names, strictly YYYY-MM-DD with a real day (2023-02-29
// is not one); nullopt for anything else, placeholders included.
inline std::optional<CalendarDate> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t offset, std::size_t length, int& out) {
        for (std::size_t i = offset; i < offset + length; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        std::from_chars(text.data() + offset, text.data() + offset + length, out);
        return true;
    };
    CalendarDate d;
    if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

// The same day `years` later. A 29 February lands on 28 February of a
// common year: a period of whole years that began on a leap day is over on
// the last day of February, not on 1 March.
constexpr CalendarDate add_years(CalendarDate date, int years) {
    date.year += years;
    if (date.month == 2 && date.day == 29 && !is_leap_year(date.year)) date.day = 28;
    return date;
}

}  // namespace bzc
