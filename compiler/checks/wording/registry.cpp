#include "checks/check.h"
#include "checks/wording/wording_text.h"

namespace bzc::checks {

// FIX: fixed sentences and the 前言; SCP: the 范围 and 本文件.
void register_wording_checks(std::vector<Check>& checks) {
    checks.push_back({"references-lead-in", wording::check_references_lead_in});
    checks.push_back({"terms-lead-in", wording::check_terms_lead_in});
    checks.push_back({"symbols-lead-in", wording::check_symbols_lead_in});
    checks.push_back({"foreword", wording::check_foreword});
    checks.push_back({"scope", wording::check_scope});
    checks.push_back({"this-document", wording::check_this_document});
}

}  // namespace bzc::checks
