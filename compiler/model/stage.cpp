#include "model/stage.h"

namespace bzc::model {

namespace {
struct StageName {
    Stage stage;
    std::string_view zh;
    std::string_view zh_short;
    std::string_view key;
};
constexpr StageName stage_names[] = {
    {Stage::WorkingDraft, "工作组讨论稿", "工作组讨论", "working-draft"},
    {Stage::CommentDraft, "征求意见稿", "征求意见", "comment-draft"},
    {Stage::ReviewDraft, "送审稿", "送审", "review-draft"},
    {Stage::ApprovalDraft, "报批稿", "报批", "approval-draft"},
    {Stage::Published, "发布稿", "发布", "published"},
};
}  // namespace

std::optional<Stage> parse_stage(std::string_view text) {
    for (const auto& s : stage_names) {
        if (text == s.zh || text == s.zh_short || text == s.key) return s.stage;
    }
    return std::nullopt;
}

std::string_view stage_name_zh(Stage stage) { return stage_names[static_cast<int>(stage)].zh; }
std::string_view stage_key(Stage stage) { return stage_names[static_cast<int>(stage)].key; }

}  // namespace bzc::model
