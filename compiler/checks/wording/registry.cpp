#include "checks/check.h"

namespace bzc::checks {

void register_wording_checks(std::vector<Check>& checks) {
    (void)checks;
}

}  // namespace bzc::checks
