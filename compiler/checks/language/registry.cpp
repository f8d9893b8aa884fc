#include "checks/check.h"
#include "checks/language/language_checks.h"

namespace bzc::checks {

// VRB: verbal forms (附录C); LNG: legal wording, pointers, verifiability.
// One pass over the text feeds all of them (language.cpp).
void register_language_checks(std::vector<Check>& checks) {
    checks.push_back({"language", language::check_language});
}

}  // namespace bzc::checks
