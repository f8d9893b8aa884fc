#pragma once

#include "repository/standard_identity.h"

#include <optional>
#include <string>
#include <string_view>

// When a standard in force is due for 复审 (systematic review). The review
// period runs from the day it took effect or, when later, the day it was last
// confirmed (`reviewed:` in the cover data); a standard is due once that many
// whole years have passed, and overdue once more than one further year has.
// One rule for every command that speaks of reviews (`bzc system`, REPO-08).
namespace bzc::standard_system {

enum class ReviewState {
    NotDue,
    Due,      // the period is over: review this year
    Overdue,  // more than a year past the due day
};

struct ReviewSchedule {
    std::string since;  // the day the period counts from, YYYY-MM-DD
    bool since_review = false;  // `since` is the last review, not the effective date
    std::string due;    // since + period
    ReviewState state = ReviewState::NotDue;
};

// The schedule of a standard with status `status` on `today` (YYYY-MM-DD),
// or nullopt when it has none: not in force, or no valid date to count from
// (an effective date, else the issue date, or a later `reviewed:`).
std::optional<ReviewSchedule> review_schedule(const repository::StandardIdentity& standard,
                                              repository::StandardStatus status, std::string_view today,
                                              int period_years);

}  // namespace bzc::standard_system
