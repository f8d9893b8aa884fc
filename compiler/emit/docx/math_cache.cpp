#include "emit/docx/math_cache.h"

#include "support/atomic_file.h"
#include "support/content_hash.h"
#include "support/file_bytes.h"
#include "support/subprocess.h"

#include <sys/stat.h>

#include <chrono>
#include <system_error>

namespace bzc::emit::docx {

namespace fs = std::filesystem;

namespace {

// The form of the question bzc asks pandoc (pandoc_markdown(), the empty
// reference document, how the answer is read back) and of an entry. A
// change to either must change this, so that old answers are not taken
// for new ones.
constexpr std::string_view answer_format = "bzc-math-answer 1";

constexpr auto unused_folder_age = std::chrono::hours(24 * 30);

std::string_view style_name(MathStyle style) { return style == MathStyle::Display ? "display" : "inline"; }

// Takes the line at the front of `bytes` (without its line end).
std::optional<std::string_view> take_line(std::string_view& bytes) {
    std::size_t end = bytes.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end + 1);
    return line;
}

// Removes the folders of other pandocs that no build has added to for a
// month: an upgraded pandoc leaves its old folder behind.
void remove_unused_siblings(const fs::path& folder) {
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(folder.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& other = it->path();
        if (other == folder || !it->is_directory(ec)) continue;
        auto written = fs::last_write_time(other, ec);
        if (!ec && now - written > unused_folder_age) fs::remove_all(other, ec);
        ec.clear();
    }
}

}  // namespace

std::string encode_stored_answer(MathStyle style, std::string_view tex, const StoredAnswer& answer) {
    std::string out;
    out.reserve(tex.size() + answer.omml.size() + 80);
    out += answer_format;
    out += '\n';
    out += style_name(style);
    out += '\n';
    out += std::to_string(tex.size());
    out += '\n';
    out += tex;
    out += '\n';
    out += answer.converted ? "converted\n" : "not-converted\n";
    out += answer.omml;
    return out;
}

std::optional<StoredAnswer> decode_stored_answer(std::string_view bytes, MathStyle style, std::string_view tex) {
    auto format = take_line(bytes);
    auto stored_style = take_line(bytes);
    auto size = take_line(bytes);
    if (!format || *format != answer_format || !stored_style || *stored_style != style_name(style) || !size ||
        *size != std::to_string(tex.size())) {
        return std::nullopt;
    }
    // The TeX itself, then its line end: an entry answers only its own question.
    if (bytes.size() < tex.size() + 1 || bytes.substr(0, tex.size()) != tex || bytes[tex.size()] != '\n') return std::nullopt;
    bytes.remove_prefix(tex.size() + 1);
    auto verdict = take_line(bytes);
    StoredAnswer answer;
    if (verdict == std::optional<std::string_view>("converted")) {
        if (bytes.empty()) return std::nullopt;
        answer.converted = true;
        answer.omml = std::string(bytes);
    } else if (verdict != std::optional<std::string_view>("not-converted") || !bytes.empty()) {
        return std::nullopt;
    }
    return answer;
}

MathCache MathCache::open(const fs::path& directory, const std::string& pandoc) {
    MathCache cache;
    if (directory.empty()) return cache;
    std::optional<std::string> program = find_program(pandoc);
    if (!program) return cache;
    // The program itself, not a link to it: Debian's alternatives and
    // pyenv-like shims point through links whose own times say nothing.
    std::error_code ec;
    fs::path real = fs::canonical(*program, ec);
    if (ec) return cache;
    struct stat st {};
    if (::stat(real.c_str(), &st) != 0) return cache;
    ContentHasher identity;
    identity.add(answer_format)
        .add(real.string())
        .add(std::to_string(st.st_size))
        .add(std::to_string(st.st_mtim.tv_sec))
        .add(std::to_string(st.st_mtim.tv_nsec));
    cache.folder_ = directory / identity.digest();
    return cache;
}

fs::path MathCache::entry_path(MathStyle style, std::string_view tex) const {
    ContentHasher key;
    key.add(style_name(style)).add(tex);
    return folder_ / (key.digest() + ".omml");
}

std::optional<StoredAnswer> MathCache::find(MathStyle style, std::string_view tex) const {
    if (!on()) return std::nullopt;
    std::optional<std::string> bytes = read_file_bytes(entry_path(style, tex));
    if (!bytes) return std::nullopt;
    return decode_stored_answer(*bytes, style, tex);
}

void MathCache::store(MathStyle style, std::string_view tex, const StoredAnswer& answer) const {
    if (!on()) return;
    std::error_code ec;
    if (!fs::is_directory(folder_, ec)) {
        // Another build may make it at the same time; only its maker prunes.
        if (fs::create_directories(folder_, ec)) remove_unused_siblings(folder_);
        if (!fs::is_directory(folder_, ec)) return;
    }
    // Lazy: an entry is checked when read, and a lost one is asked again.
    write_file_atomically(entry_path(style, tex), encode_stored_answer(style, tex, answer), Durability::Lazy);
}

}  // namespace bzc::emit::docx
