#pragma once

#include "repository/framework.h"
#include "system/system_table.h"

#include <string>
#include <string_view>

// The 体系结构图: the framework as a tree of boxes, the form in which people
// read a standard system. The system's name stands at the top; the top
// categories in a row beneath it, joined to it by a bus; the sub-categories of
// each stacked in a column under it, indented by level and joined to their
// parent by an orthogonal comb (the layout stays readable for 3 top
// categories of 7–10 children each, where a row per level would not fit a
// page). Each box shows the number of standards of the system it holds,
// sub-categories included, replaced ones not; a leaf without a standard in
// force is drawn dashed.
namespace bzc::standard_system {

struct StructureDiagram {
    std::string svg;
    int width = 0;   // CSS pixels (1/96 inch)
    int height = 0;
};

// Deterministic: whole pixels only, the order of the framework.
StructureDiagram draw_structure_diagram(const SystemTable& table, const repository::Framework& framework);

// The width in pixels of a line of text at `font_size` pixels, measured by
// character: full-width (CJK) 1 em, ASCII ½ em. Metrics need no font files
// this way, and the CJK faces the diagram names are full-width for Han.
int text_width(std::string_view text, int font_size);

}  // namespace bzc::standard_system
