#pragma once

#include "emit/docx/style_sheet.h"

#include <string>
#include <vector>

namespace bzc::emit::docx {

// word/numbering.xml: an abstractNum per list of the style sheet, each with
// a shared w:num (same id) that the styles name, plus one w:num per list that
// must restart (every a) b) list starts again at a)).
class Numbering {
public:
    explicit Numbering(const StyleSheet& sheet) : sheet_(sheet) {}

    // The numId shared by every paragraph of the list's styles.
    int shared(std::string_view list) const { return sheet_.list(list).id; }
    // A new instance of the list whose `level` starts again at 1.
    int restart(std::string_view list, int level);

    std::string xml() const;

private:
    struct Instance {
        int id;
        int abstract_id;
        int level;
    };
    const StyleSheet& sheet_;
    std::vector<Instance> instances_;
};

}  // namespace bzc::emit::docx
