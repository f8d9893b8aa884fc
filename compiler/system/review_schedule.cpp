#include "system/review_schedule.h"

#include "support/calendar_date.h"

namespace bzc::standard_system {

std::optional<ReviewSchedule> review_schedule(const repository::StandardIdentity& standard,
                                              repository::StandardStatus status, std::string_view today,
                                              int period_years) {
    if (status != repository::StandardStatus::Current) return std::nullopt;
    auto day = parse_iso_date(today);
    if (!day) return std::nullopt;
    // A standard without an implementation date took effect when issued.
    auto start = parse_iso_date(standard.effective);
    if (!start) start = parse_iso_date(standard.issued);
    auto reviewed = parse_iso_date(standard.reviewed);
    ReviewSchedule schedule;
    if (reviewed && (!start || *reviewed > *start)) {
        start = reviewed;
        schedule.since_review = true;
    }
    if (!start) return std::nullopt;
    CalendarDate due = add_years(*start, period_years);
    schedule.since = start->iso();
    schedule.due = due.iso();
    // Adding the years to the start again, not one year to the due day: the
    // two differ for a period that began on 29 February.
    CalendarDate overdue_after = add_years(*start, period_years + 1);
    if (*day > overdue_after) schedule.state = ReviewState::Overdue;
    else if (*day >= due) schedule.state = ReviewState::Due;
    return schedule;
}

}  // namespace bzc::standard_system
