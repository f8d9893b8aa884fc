#include "checks/check.h"
#include "checks/index/index_checks.h"

namespace bzc::checks {

// IDX: a hand-written 索引 against the term entries.
void register_index_checks(std::vector<Check>& checks) {
    checks.push_back({"index-entries", index::check_index_entries});
    checks.push_back({"index-order", index::check_index_order});
}

}  // namespace bzc::checks
