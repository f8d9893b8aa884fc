#pragma once

#include <optional>
#include <string_view>

namespace bzc::model {

// The draft stage printed on the cover (文稿版次). Checks get stricter as a
// draft moves towards publication; rule severities are given per stage.
enum class Stage { WorkingDraft, CommentDraft, ReviewDraft, ApprovalDraft, Published };

inline constexpr Stage all_stages[] = {Stage::WorkingDraft, Stage::CommentDraft, Stage::ReviewDraft,
                                       Stage::ApprovalDraft, Stage::Published};

// Accepts the Chinese name (征求意见稿), the English key (comment-draft) or
// the short form without 稿.
std::optional<Stage> parse_stage(std::string_view text);
std::string_view stage_name_zh(Stage stage);   // 征求意见稿
std::string_view stage_key(Stage stage);       // comment-draft

}  // namespace bzc::model
