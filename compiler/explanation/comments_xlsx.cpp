#include "explanation/comments_xlsx.h"

#include "support/limits.h"
#include "support/utf8.h"
#include "support/zip_archive.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace bzc::explanation {

std::string cell_name(std::uint32_t column, std::uint32_t row) {
    std::string letters;
    for (std::uint32_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row);
}

bool has_zip_signature(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\3\4", 4); }

bool has_ole_signature(std::string_view bytes) {
    return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

namespace {

// Excel's limits (the last cell is XFD1048576): a reference beyond them is damage.
constexpr std::uint32_t max_sheet_columns = 16384;
constexpr std::uint32_t max_sheet_rows = 1048576;

// SpreadsheetML is read by local names: Excel writes the main namespace as
// the default one, the .NET Open XML SDK and others as x:, strict OOXML
// under another URI.
std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view local_name(const pugi::xml_attribute& attribute) {
    std::string_view name = attribute.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (pugi::xml_node node : parent.children())
        if (node.type() == pugi::node_element && local_name(node) == name) return node;
    return {};
}

// An attribute by local name: r:id is in the relationships namespace under
// whatever prefix the writer chose.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_attribute a : node.attributes())
        if (local_name(a) == name) return a;
    return {};
}

// ST_Xstring escapes (ECMA-376 Part 1, 22.9.2.19): Excel writes characters
// XML cannot hold, and the carriage return of a cell's line break, as
// _xHHHH_. Line breaks and tabs are kept, other control characters and
// carriage returns dropped (they would be invalid in the DOCX written from
// the table), the rest decoded.
std::string decode_xstring(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, 2) == "_x" && i + 7 <= text.size() && text[i + 6] == '_') {
            unsigned value = 0;
            auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
            if (error == std::errc() && end == text.data() + i + 6) {
                if (value == '\t' || value == '\n') out += static_cast<char>(value);
                else if (value >= 0x20 && !(value >= 0xD800 && value <= 0xDFFF) && value != 0xFFFE && value != 0xFFFF)
                    utf8::append(out, static_cast<char32_t>(value));
                i += 7;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

// The text of a <t> element: its character data, decoded.
std::string text_of(const pugi::xml_node& t) {
    std::string raw;
    for (pugi::xml_node piece : t.children())
        if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata) raw += piece.value();
    return decode_xstring(raw);
}

// The text of a string item (<si> of the shared strings, <is> of an inline
// string): a plain <t>, or rich text runs <r><t>…</t></r> joined. Phonetic
// runs (<rPh>) are the reading of the text, not text, and are left out.
std::string string_item_text(const pugi::xml_node& item) {
    std::string out;
    for (pugi::xml_node node : item.children()) {
        if (node.type() != pugi::node_element) continue;
        if (local_name(node) == "t") out += text_of(node);
        else if (local_name(node) == "r") {
            if (auto t = child(node, "t")) out += text_of(t);
        }
    }
    return out;
}

// A number cell as Excel shows it in the General format: 15 significant
// digits, so 1 is "1" and the double nearest 4.2 is "4.2", not 4.2000000000000002.
std::string number_text(std::string_view stored) {
    double value = 0;
    auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc() || end != stored.data() + stored.size()) return std::string(stored);
    char buffer[64];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    if (written.ec != std::errc()) return std::string(stored);
    return std::string(buffer, written.ptr);
}

// "C7" → column 2, row 7; false for anything that is no cell of a sheet.
bool parse_cell_reference(std::string_view ref, std::uint32_t& column, std::uint32_t& row) {
    std::size_t i = 0;
    std::uint32_t letters = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        letters = letters * 26 + static_cast<std::uint32_t>((ref[i] | 0x20) - 'a' + 1);
        if (++i > 3 || letters > max_sheet_columns) return false;
    }
    if (i == 0 || i == ref.size()) return false;
    auto [end, error] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (error != std::errc() || end != ref.data() + ref.size() || row == 0 || row > max_sheet_rows) return false;
    column = letters - 1;
    return true;
}

// Text that came out of the archive is not known to be UTF-8 (pugixml does
// not check): invalid sequences become U+FFFD before they reach a
// diagnostic, a JSON report or the DOCX.
std::string valid_utf8(std::string text) {
    if (utf8::find_invalid(text) == std::string::npos) return text;
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) utf8::append(out, utf8::decode(text, pos));
    return out;
}

// The directory of a part name ("xl/workbook.xml" → "xl/") and a
// relationship target resolved against it ("worksheets/sheet1.xml",
// "/xl/worksheets/sheet1.xml", "../xl/…" → "xl/worksheets/sheet1.xml").
std::string part_directory(std::string_view part) {
    auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string resolve_target(std::string_view base_directory, std::string_view target) {
    std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                   : std::string(base_directory) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) end = joined.size();
        std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(std::move(segment));
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

// The relationships of a part, from its .rels part beside it ("xl/workbook.xml"
// → "xl/_rels/workbook.xml.rels").
struct Relationship {
    std::string id, type, target;  // target resolved to a part name
};

class WorkbookReader {
public:
    WorkbookReader(std::string_view bytes, std::uint32_t file, DiagnosticSink& sink)
        : archive_(bytes), file_(file), sink_(sink) {}

    std::optional<TableGrid> read() {
        if (archive_.problem() != ZipArchive::Problem::None)
            return fail("文件不是可读取的XLSX工作簿（zip结构损坏或不完整）",
                        "the file is not a readable XLSX workbook (its zip structure is damaged or incomplete)");
        std::string workbook_part = "xl/workbook.xml";
        if (archive_.contains("_rels/.rels")) {
            auto root = relationships("");
            if (!root) return std::nullopt;
            for (const auto& r : *root)
                if (ends_with(r.type, "/officeDocument")) workbook_part = r.target;
        }
        pugi::xml_document workbook;
        if (!load(workbook_part, workbook)) return std::nullopt;
        auto sheet_part = choose_sheet(workbook, workbook_part);
        if (!sheet_part) return std::nullopt;
        if (!shared_strings_part_.empty() && archive_.contains(shared_strings_part_)) {
            pugi::xml_document strings;
            if (!load(shared_strings_part_, strings)) return std::nullopt;
            for (pugi::xml_node si : child(strings, "sst").children())
                if (si.type() == pugi::node_element && local_name(si) == "si") shared_strings_.push_back(string_item_text(si));
        }
        pugi::xml_document sheet;
        if (!load(*sheet_part, sheet)) return std::nullopt;
        return grid_of(child(child(sheet, "worksheet"), "sheetData"));
    }

private:
    static bool ends_with(std::string_view s, std::string_view suffix) {
        return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
    }

    // A problem with the whole workbook: EXP-06 naming the file alone.
    std::nullopt_t fail(std::string zh, std::string en) {
        sink_.report("EXP-06", {file_, 0, 0}, {{"problem", valid_utf8(std::move(zh)), valid_utf8(std::move(en))}});
        return std::nullopt;
    }

    // Reads and parses a part; false, reported, when it cannot.
    bool load(const std::string& part, pugi::xml_document& document) {
        auto content = archive_.read(part, limits::max_workbook_part_bytes);
        if (!content) {
            switch (archive_.problem()) {
                case ZipArchive::Problem::Missing:
                    fail("工作簿缺少部件" + part, "the workbook lacks its part " + part);
                    break;
                case ZipArchive::Problem::Encrypted:
                    fail("工作簿的部件" + part + "已加密", "the workbook part " + part + " is encrypted");
                    break;
                case ZipArchive::Problem::TooLarge: {
                    std::string limit = std::to_string(limits::max_workbook_part_bytes >> 20) + " MiB";
                    fail("工作簿的部件" + part + "解压后超过" + limit + "（疑为zip炸弹）",
                         "the workbook part " + part + " inflates to more than " + limit + " (a zip bomb?)");
                    break;
                }
                default:
                    fail("工作簿的部件" + part + "已损坏（压缩数据或CRC校验错误）",
                         "the workbook part " + part + " is damaged (bad compressed data or CRC)");
                    break;
            }
            return false;
        }
        // Whitespace-only text is kept where it is a <t>'s only content: a
        // rich text run of one space separates words.
        auto parsed = document.load_buffer(content->data(), content->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!parsed) {
            std::string where = std::to_string(parsed.offset);
            fail("工作簿的部件" + part + "不是格式正确的XML（第" + where + "字节：" + parsed.description() + "）",
                 "the workbook part " + part + " is not well-formed XML (byte " + where + ": " + parsed.description() + ")");
            return false;
        }
        return true;
    }

    // The relationships of `part` ("" for the package's own).
    std::optional<std::vector<Relationship>> relationships(const std::string& part) {
        std::string directory = part_directory(part);
        std::string rels_part = directory + "_rels/" + part.substr(directory.size()) + ".rels";
        std::vector<Relationship> out;
        if (!archive_.contains(rels_part)) return out;
        pugi::xml_document rels;
        if (!load(rels_part, rels)) return std::nullopt;
        for (pugi::xml_node r : child(rels, "Relationships").children()) {
            if (r.type() != pugi::node_element || local_name(r) != "Relationship") continue;
            if (std::string_view(attribute(r, "TargetMode").value()) == "External") continue;
            out.push_back({attribute(r, "Id").value(), attribute(r, "Type").value(),
                           resolve_target(directory, attribute(r, "Target").value())});
        }
        return out;
    }

    // The part of the comment sheet; notes the shared strings part on the way.
    std::optional<std::string> choose_sheet(const pugi::xml_document& workbook, const std::string& workbook_part) {
        auto rels = relationships(workbook_part);
        if (!rels) return std::nullopt;
        shared_strings_part_ = part_directory(workbook_part) + "sharedStrings.xml";
        for (const auto& r : *rels)
            if (ends_with(r.type, "/sharedStrings")) shared_strings_part_ = r.target;

        struct Sheet {
            std::string name, part;
            bool hidden = false;
        };
        std::vector<Sheet> sheets;
        for (pugi::xml_node s : child(child(workbook, "workbook"), "sheets").children()) {
            if (s.type() != pugi::node_element || local_name(s) != "sheet") continue;
            std::string_view id = attribute(s, "id").value();
            for (const auto& r : *rels)
                if (r.id == id && ends_with(r.type, "/worksheet")) {
                    std::string_view state = attribute(s, "state").value();
                    sheets.push_back({attribute(s, "name").value(), r.target, state == "hidden" || state == "veryHidden"});
                }
        }
        if (sheets.empty()) {
            fail("工作簿中没有工作表", "the workbook has no worksheet");
            return std::nullopt;
        }
        for (const auto& s : sheets)
            if (s.name.find("意见") != std::string::npos) return s.part;
        for (const auto& s : sheets)
            if (!s.hidden) return s.part;
        return sheets.front().part;
    }

    // The text of a cell by its type (ECMA-376 Part 1, 18.18.11 ST_CellType).
    std::string cell_text(const pugi::xml_node& c, std::uint32_t column, std::uint32_t row) {
        std::string_view type = attribute(c, "t").value();
        pugi::xml_node v = child(c, "v");
        if (type == "inlineStr") return string_item_text(child(c, "is"));
        if (type == "s") {
            std::size_t index = 0;
            std::string_view stored = v.child_value();
            auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), index);
            if (error == std::errc() && end == stored.data() + stored.size() && index < shared_strings_.size())
                return shared_strings_[index];
            std::string cell = cell_name(column, row);
            sink_.report("EXP-06", {file_, row, column + 1},
                         {{"problem", "单元格" + cell + "引用的共享字符串“" + valid_utf8(std::string(stored)) + "”不存在",
                           "cell " + cell + " refers to a shared string '" + valid_utf8(std::string(stored)) + "' that does not exist"}});
            return {};
        }
        if (type == "b") return std::string_view(v.child_value()) == "1" ? "TRUE" : "FALSE";
        if (type.empty() || type == "n") return number_text(v.child_value());
        return decode_xstring(v.child_value());  // str (a formula's text), e (#N/A), d (an ISO date)
    }

    TableGrid grid_of(const pugi::xml_node& sheet_data) {
        TableGrid grid;
        grid.kind = TableGrid::Kind::Workbook;
        grid.file = file_;
        std::uint32_t row_number = 0;
        std::size_t cells = 0;
        for (pugi::xml_node row : sheet_data.children()) {
            if (row.type() != pugi::node_element || local_name(row) != "row") continue;
            // A row without r follows the one before it (r is optional).
            std::uint32_t r = 0;
            std::string_view r_text = attribute(row, "r").value();
            auto [end, error] = std::from_chars(r_text.data(), r_text.data() + r_text.size(), r);
            bool numbered = error == std::errc() && end == r_text.data() + r_text.size() && r >= 1 && r <= max_sheet_rows;
            row_number = numbered ? r : std::min(row_number + 1, max_sheet_rows);
            GridRow grid_row;
            grid_row.location = {file_, row_number, 1};
            std::uint32_t next_column = 0;
            for (pugi::xml_node c : row.children()) {
                if (c.type() != pugi::node_element || local_name(c) != "c") continue;
                std::uint32_t column = next_column, ref_row = 0;
                if (pugi::xml_attribute ref = attribute(c, "r")) {
                    if (!parse_cell_reference(ref.value(), column, ref_row)) {
                        std::string written = valid_utf8(ref.value());
                        sink_.report("EXP-06", grid_row.location,
                                     {{"problem", "单元格引用“" + written + "”无效", "the cell reference '" + written + "' is invalid"}});
                        continue;
                    }
                }
                if (column >= max_sheet_columns) continue;
                next_column = column + 1;
                if (++cells > limits::max_table_cells) {
                    std::string limit = std::to_string(limits::max_table_cells);
                    sink_.report("EXP-06", grid_row.location,
                                 {{"problem", "工作表超过" + limit + "个单元格，其余未读取",
                                   "the sheet has more than " + limit + " cells; the rest is not read"}});
                    finish_row(grid, std::move(grid_row));
                    return grid;
                }
                grid_row.cells.push_back({valid_utf8(cell_text(c, column, row_number)), column, {file_, row_number, column + 1}});
            }
            finish_row(grid, std::move(grid_row));
        }
        // Rows in sheet order whatever order the file lists them in.
        std::stable_sort(grid.rows.begin(), grid.rows.end(),
                         [](const GridRow& a, const GridRow& b) { return a.location.line < b.location.line; });
        return grid;
    }

    // Cells by column, one per column (the first written wins), as the grid promises.
    static void finish_row(TableGrid& grid, GridRow row) {
        std::stable_sort(row.cells.begin(), row.cells.end(), [](const GridCell& a, const GridCell& b) { return a.column < b.column; });
        row.cells.erase(std::unique(row.cells.begin(), row.cells.end(),
                                    [](const GridCell& a, const GridCell& b) { return a.column == b.column; }),
                        row.cells.end());
        grid.rows.push_back(std::move(row));
    }

    ZipArchive archive_;
    std::uint32_t file_;
    DiagnosticSink& sink_;
    std::string shared_strings_part_;
    std::vector<std::string> shared_strings_;
};

}  // namespace

std::optional<TableGrid> read_workbook_grid(std::string_view bytes, std::uint32_t file, DiagnosticSink& sink) {
    if (has_ole_signature(bytes)) {
        sink.report("EXP-06", {file, 0, 0},
                    {{"problem", "文件是旧版Excel（.xls）工作簿或设有密码的工作簿，无法读取；请在Excel中另存为不设密码的.xlsx或CSV",
                      "the file is an Excel 97-2003 (.xls) workbook or a password-protected one, which cannot be read; "
                      "save it from Excel as .xlsx without a password, or as CSV"}});
        return std::nullopt;
    }
    return WorkbookReader(bytes, file, sink).read();
}

}  // namespace bzc::explanation
