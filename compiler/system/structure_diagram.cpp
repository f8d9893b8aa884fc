#include "system/structure_diagram.h"

#include "emit/docx/xml_out.h"
#include "support/utf8.h"

#include <algorithm>

namespace bzc::standard_system {

namespace {

using emit::docx::XmlOut;
using repository::FrameworkCategory;

// The geometry, in CSS pixels.
constexpr int margin = 20;
constexpr int font_size = 14, count_font_size = 12, root_font_size = 16;
constexpr int padding = 10;          // inside a box, left and right
constexpr int count_gap = 14;        // between a box's name and its count
constexpr int box_height = 30, root_height = 40;
constexpr int bus_drop = 22;         // from the root down to the bus, and from the bus to the top row
constexpr int child_gap = 12;        // between a box and the first child under it
constexpr int stack_gap = 10;        // between stacked boxes
constexpr int indent = 24;           // per level within a column
constexpr int spine_offset = 12;     // the comb's vertical line, right of its parent's left edge
constexpr int column_gap = 36;
constexpr std::string_view font_family = "Noto Sans CJK SC, SimHei, sans-serif";

struct Box {
    std::string label;
    std::string count;
    int x = 0, y = 0, width = 0, height = box_height;
    enum class Kind { Root, Top, Inner } kind = Kind::Inner;
    bool uncovered = false;
    int parent = -1;  // index of the parent box
};

std::string count_label(int n) { return std::to_string(n) + "项"; }

int box_width(const Box& b, int size) {
    return padding + text_width(b.label, size) + count_gap + text_width(b.count, count_font_size) + padding;
}

// The boxes of one top category's column in the order they stack (depth
// first), x relative to the column.
void stack_column(const FrameworkCategory& c, int depth, int parent, const SystemTable& table, std::vector<Box>& out) {
    Box b;
    const CategoryCount* count = table.category(c.code);
    b.label = c.code + " " + c.name;
    b.count = count_label(count ? count->in_system() : 0);
    b.kind = depth == 0 ? Box::Kind::Top : Box::Kind::Inner;
    b.uncovered = c.children.empty() && !(count && count->covered());
    b.x = depth * indent;
    b.width = box_width(b, font_size);
    b.parent = parent;
    int self = static_cast<int>(out.size());
    out.push_back(std::move(b));
    for (const auto& child : c.children) stack_column(child, depth + 1, self, table, out);
}

void line(XmlOut& x, int x1, int y1, int x2, int y2) {
    x.empty("line", {{"x1", std::to_string(x1)}, {"y1", std::to_string(y1)}, {"x2", std::to_string(x2)}, {"y2", std::to_string(y2)}});
}

void draw_box(XmlOut& x, const Box& b) {
    std::string fill = b.kind == Box::Kind::Root ? "#dbe7f3" : b.kind == Box::Kind::Top ? "#eef4fa" : "#ffffff";
    if (b.uncovered) fill = "#f4f4f4";
    emit::docx::AttributeList rect = {{"x", std::to_string(b.x)},     {"y", std::to_string(b.y)},
                                      {"width", std::to_string(b.width)}, {"height", std::to_string(b.height)},
                                      {"rx", "3"},                      {"fill", fill},
                                      {"stroke", b.kind == Box::Kind::Root ? "#1f4e79" : "#333333"},
                                      {"stroke-width", b.kind == Box::Kind::Inner ? "1" : "1.5"}};
    if (b.uncovered) rect.push_back({"stroke-dasharray", "4 3"});
    x.empty("rect", rect);
    int size = b.kind == Box::Kind::Root ? root_font_size : font_size;
    // The baseline a third of the em below the middle centres CJK text.
    int baseline = b.y + b.height / 2 + size * 35 / 100;
    emit::docx::AttributeList label = {{"x", std::to_string(b.x + padding)}, {"y", std::to_string(baseline)},
                                       {"font-size", std::to_string(size)}};
    if (b.kind != Box::Kind::Inner) label.push_back({"font-weight", "bold"});
    if (b.uncovered) label.push_back({"fill", "#666666"});
    x.open("text", label);
    x.text(b.label);
    x.close();
    x.open("text", {{"x", std::to_string(b.x + b.width - padding)},
                    {"y", std::to_string(b.y + b.height / 2 + count_font_size * 35 / 100)},
                    {"font-size", std::to_string(count_font_size)},
                    {"text-anchor", "end"},
                    {"fill", "#555555"}});
    x.text(b.count);
    x.close();
}

}  // namespace

int text_width(std::string_view text, int size) {
    int halves = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::decode(text, pos);
        // ASCII and the half-width forms are ½ em; everything else a full em.
        halves += (c < 0x80 || (c >= 0xFF61 && c <= 0xFFDC)) ? 1 : 2;
    }
    return (halves * size + 1) / 2;
}

StructureDiagram draw_structure_diagram(const SystemTable& table, const repository::Framework& framework) {
    Box root;
    root.label = table.name.empty() ? "标准体系" : table.name;
    root.count = "共" + count_label(table.totals.in_system());
    root.kind = Box::Kind::Root;
    root.height = root_height;
    root.width = box_width(root, root_font_size);

    // Columns side by side, each as wide as its widest indented box.
    std::vector<std::vector<Box>> columns;
    std::vector<int> column_widths;
    int row_width = 0;
    for (const auto& top : framework.categories) {
        columns.emplace_back();
        stack_column(top, 0, -1, table, columns.back());
        int width = 0;
        for (const auto& b : columns.back()) width = std::max(width, b.x + b.width);
        column_widths.push_back(width);
        row_width += width + (columns.size() > 1 ? column_gap : 0);
    }
    int content_width = std::max(row_width, root.width);
    int width = content_width + 2 * margin;
    root.x = margin + (content_width - root.width) / 2;
    root.y = margin;
    int top_y = root.y + root.height + 2 * bus_drop;
    int column_x = margin + (content_width - row_width) / 2;

    int bottom = root.y + root.height;
    bool any_uncovered = false;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        int y = top_y;
        for (std::size_t k = 0; k < columns[i].size(); ++k) {
            Box& b = columns[i][k];
            b.x += column_x;
            if (k > 0) y += (k == 1 ? box_height + child_gap : box_height + stack_gap);
            b.y = y;
            bottom = std::max(bottom, b.y + b.height);
            any_uncovered = any_uncovered || b.uncovered;
        }
        column_x += column_widths[i] + column_gap;
    }
    constexpr int legend_height = 36;
    int height = bottom + margin + (any_uncovered ? legend_height : 0);

    XmlOut x;
    x.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"width", std::to_string(width)},
                   {"height", std::to_string(height)},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height)},
                   {"font-family", font_family}});
    x.element("title", root.label + "体系结构图");
    x.empty("rect", {{"width", std::to_string(width)}, {"height", std::to_string(height)}, {"fill", "#ffffff"}});

    // The connectors first, so the boxes cover their ends.
    x.open("g", {{"stroke", "#333333"}, {"stroke-width", "1.2"}, {"fill", "none"}});
    if (!columns.empty()) {
        int root_center = root.x + root.width / 2;
        int bus_y = root.y + root.height + bus_drop;
        line(x, root_center, root.y + root.height, root_center, bus_y);
        int left = root_center, right = root_center;
        for (const auto& column : columns) {
            int center = column.front().x + column.front().width / 2;
            left = std::min(left, center);
            right = std::max(right, center);
            line(x, center, bus_y, center, top_y);
        }
        if (left < right) line(x, left, bus_y, right, bus_y);
    }
    for (const auto& column : columns) {
        // A comb per parent: its spine down to the middle of its last child.
        for (std::size_t k = 0; k < column.size(); ++k) {
            int last_child = -1;
            for (std::size_t j = k + 1; j < column.size(); ++j)
                if (column[j].parent == static_cast<int>(k)) last_child = static_cast<int>(j);
            if (last_child < 0) continue;
            const Box& parent = column[k];
            int spine = parent.x + spine_offset;
            line(x, spine, parent.y + parent.height, spine, column[last_child].y + box_height / 2);
            for (std::size_t j = k + 1; j < column.size(); ++j) {
                if (column[j].parent != static_cast<int>(k)) continue;
                int middle = column[j].y + box_height / 2;
                line(x, spine, middle, column[j].x, middle);
            }
        }
    }
    x.close();

    draw_box(x, root);
    for (const auto& column : columns)
        for (const auto& b : column) draw_box(x, b);

    if (any_uncovered) {
        int legend_y = bottom + margin;
        x.empty("rect", {{"x", std::to_string(margin)}, {"y", std::to_string(legend_y)}, {"width", "28"}, {"height", "16"},
                         {"fill", "#f4f4f4"}, {"stroke", "#333333"}, {"stroke-dasharray", "4 3"}});
        x.open("text", {{"x", std::to_string(margin + 36)}, {"y", std::to_string(legend_y + 13)}, {"font-size", "12"}, {"fill", "#555555"}});
        x.text("尚无现行标准的类别");
        x.close();
    }
    x.close();
    return {x.finish(), width, height};
}

}  // namespace bzc::standard_system
