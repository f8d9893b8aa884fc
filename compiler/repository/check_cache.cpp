#include "repository/check_cache.h"

#include "support/atomic_file.h"
#include "support/binary_codec.h"
#include "support/file_bytes.h"
#include "support/source_manager.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>

namespace bzc::repository {

namespace fs = std::filesystem;

namespace {

constexpr const char* cache_file_name = "check-v2.bin";
// The first bytes of the file: what it is and the layout version. The
// configuration digest already keeps another bzc from reading the file, but
// the magic says what the bytes are on their own; a layout change changes it.
constexpr std::string_view cache_magic = "bzc-check-cache-2.1\n";

void write_stage(BinaryWriter& w, const std::optional<model::Stage>& stage) {
    w.number(stage ? static_cast<std::uint64_t>(*stage) + 1 : 0);
}

std::optional<model::Stage> read_stage(BinaryReader& r) {
    std::uint64_t value = r.number();
    for (auto stage : model::all_stages) {
        if (static_cast<std::uint64_t>(stage) + 1 == value) return stage;
    }
    return std::nullopt;
}

void write_texts(BinaryWriter& w, const std::vector<std::string>& texts) {
    w.number(texts.size());
    for (const auto& t : texts) w.text(t);
}

std::vector<std::string> read_texts(BinaryReader& r) {
    std::vector<std::string> texts(r.count());
    for (auto& t : texts) t = r.text();
    return texts;
}

void write_identity(BinaryWriter& w, const StandardIdentity& s) {
    w.text(s.number).text(s.title).text(s.title_en);
    write_texts(w, s.replaces);
    write_stage(w, s.stage);
    w.text(s.issued).text(s.effective).text(s.reviewed).text(s.category).text(s.issuer).text(s.owner);
    w.number(s.number_line).number(s.title_line).number(s.category_line);
}

StandardIdentity read_identity(BinaryReader& r) {
    StandardIdentity s;
    s.number = r.text();
    s.designation = model::parse_designation(s.number);
    s.title = r.text();
    s.title_en = r.text();
    s.replaces = read_texts(r);
    s.stage = read_stage(r);
    s.issued = r.text();
    s.effective = r.text();
    s.reviewed = r.text();
    s.category = r.text();
    s.issuer = r.text();
    s.owner = r.text();
    s.number_line = static_cast<std::uint32_t>(r.number());
    s.title_line = static_cast<std::uint32_t>(r.number());
    s.category_line = static_cast<std::uint32_t>(r.number());
    return s;
}

void write_findings(BinaryWriter& w, const std::vector<StoredFinding>& findings) {
    w.number(findings.size());
    for (const auto& f : findings) {
        w.text(f.rule).text(f.path).number(f.line).number(f.column).number(static_cast<std::uint64_t>(f.severity));
        w.number(f.args.size());
        for (const auto& a : f.args) w.text(a[0]).text(a[1]).text(a[2]);
        w.flag(f.fix.has_value());
        if (f.fix) w.text(f.fix->original).text(f.fix->replacement);
    }
}

std::vector<StoredFinding> read_findings(BinaryReader& r) {
    std::vector<StoredFinding> findings(r.count());
    for (auto& f : findings) {
        f.rule = r.text();
        f.path = r.text();
        f.line = static_cast<std::uint32_t>(r.number());
        f.column = static_cast<std::uint32_t>(r.number());
        std::uint64_t severity = r.number();
        f.severity = severity == 0 ? Severity::Note : severity == 1 ? Severity::Warning : Severity::Error;
        f.args.resize(r.count());
        for (auto& a : f.args) a = {r.text(), r.text(), r.text()};
        if (r.flag()) f.fix = Fix{r.text(), r.text()};
    }
    return findings;
}

void write_record(BinaryWriter& w, const CheckRecord& record) {
    w.text(record.content);
    w.number(record.dependencies.size());
    for (const auto& [key, fingerprint] : record.dependencies) w.text(key).text(fingerprint);
    write_findings(w, record.findings);
    w.number(record.suppressed).flag(record.read);
    write_stage(w, record.stage);
    write_texts(w, record.cited);
    w.text(record.scope);
    w.number(record.between_suppressions.size());
    for (const auto& sup : record.between_suppressions) {
        write_texts(w, sup.rules);
        w.number(sup.first_line).number(sup.last_line);
    }
}

CheckRecord read_record(BinaryReader& r) {
    CheckRecord record;
    record.content = r.text();
    record.dependencies.resize(r.count());
    for (auto& [key, fingerprint] : record.dependencies) {
        key = r.text();
        fingerprint = r.text();
    }
    record.findings = read_findings(r);
    record.suppressed = static_cast<std::size_t>(r.number());
    record.read = r.flag();
    record.stage = read_stage(r);
    record.cited = read_texts(r);
    record.scope = r.text();
    record.between_suppressions.resize(r.count());
    for (auto& sup : record.between_suppressions) {
        sup.rules = read_texts(r);
        sup.first_line = static_cast<std::uint32_t>(r.number());
        sup.last_line = static_cast<std::uint32_t>(r.number());
    }
    return record;
}

void write_stamp(BinaryWriter& w, const FileStamp& stamp) {
    w.number(stamp.size).number(stamp.device).number(stamp.inode).signed_number(stamp.modified_ns).signed_number(stamp.changed_ns);
}

FileStamp read_stamp(BinaryReader& r) {
    FileStamp stamp;
    stamp.size = r.number();
    stamp.device = r.number();
    stamp.inode = r.number();
    stamp.modified_ns = r.signed_number();
    stamp.changed_ns = r.signed_number();
    return stamp;
}

std::int64_t nanoseconds(const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; }

}  // namespace

bool CheckRecord::suppresses(std::string_view rule_id, std::uint32_t line) const {
    return std::any_of(between_suppressions.begin(), between_suppressions.end(), [&](const Suppression& s) {
        bool whole_file = s.first_line == 0 && s.last_line == 0;
        return (whole_file || (line >= s.first_line && line <= s.last_line)) &&
               std::find(s.rules.begin(), s.rules.end(), rule_id) != s.rules.end();
    });
}

std::string identity_bytes(const StandardIdentity& identity) {
    BinaryWriter w;
    write_identity(w, identity);
    return w.bytes();
}

std::vector<StoredFinding> store_findings(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                                          std::uint32_t source_file) {
    std::vector<StoredFinding> out;
    out.reserve(diagnostics.size());
    for (const auto& d : diagnostics) {
        StoredFinding f;
        f.rule = d.rule->id;
        if (d.location.known() && d.location.file != source_file) f.path = sources.file(d.location.file).path;
        if (!d.location.known()) f.path.assign(1, '\x01');  // no file at all (assign: g++ 12 warns falsely of `= "\x01"`)
        f.line = d.location.line;
        f.column = d.location.column;
        f.severity = d.severity;
        for (const auto& a : d.args) f.args.push_back({a.name, a.value, a.english});
        f.fix = d.fix;
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Diagnostic> restore_findings(const std::vector<StoredFinding>& stored, SourceManager& sources,
                                         std::uint32_t source_file) {
    std::vector<Diagnostic> out;
    out.reserve(stored.size());
    std::map<std::string, std::uint32_t> files;
    for (const auto& f : stored) {
        Diagnostic d;
        d.rule = RuleRegistry::instance().find(f.rule);
        if (!d.rule) continue;
        std::uint32_t file = source_file;
        if (f.path == "\x01") {
            file = 0;
        } else if (!f.path.empty()) {
            auto [it, added] = files.emplace(f.path, 0);
            if (added) it->second = sources.add(f.path, "");
            file = it->second;
        }
        d.location = {file, f.line, f.column};
        d.severity = f.severity;
        for (const auto& a : f.args) d.args.emplace_back(a[0], a[1], a[2]);
        d.fix = f.fix;
        out.push_back(std::move(d));
    }
    return out;
}

std::optional<FileStamp> stamp_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    FileStamp stamp;
    stamp.size = static_cast<std::uint64_t>(st.st_size);
    stamp.device = static_cast<std::uint64_t>(st.st_dev);
    stamp.inode = static_cast<std::uint64_t>(st.st_ino);
    stamp.modified_ns = nanoseconds(st.st_mtim);
    stamp.changed_ns = nanoseconds(st.st_ctim);
    return stamp;
}

CheckCache CheckCache::load(const fs::path& folder, const std::string& configuration) {
    CheckCache cache = from_bytes(read_file_bytes(folder / cache_file_name).value_or(""), configuration);
    cache.file_ = folder / cache_file_name;
    return cache;
}

std::string CheckCache::file_header(const std::string& configuration) {
    BinaryWriter w;
    w.text(configuration);
    std::string header;
    header.reserve(cache_magic.size() + w.bytes().size());
    header.append(cache_magic).append(w.bytes());
    return header;
}

CheckCache CheckCache::from_bytes(std::string_view bytes, const std::string& configuration) {
    CheckCache cache;
    cache.configuration_ = configuration;
    const std::string header = file_header(configuration);
    if (!bytes.starts_with(header)) return cache;
    BinaryReader r(bytes.substr(header.size()));
    for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
        std::string content = r.text();
        cache.identities_.emplace(std::move(content), read_identity(r));
    }
    for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
        std::string path = r.text();
        cache.records_.emplace(std::move(path), read_record(r));
    }
    for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
        std::string path = r.text();
        FileStamp stamp = read_stamp(r);
        cache.stamps_.emplace(std::move(path), StampedContent{stamp, r.text()});
    }
    cache.between_inputs_ = r.text();
    for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
        std::string path = r.text();
        cache.between_findings_.emplace(std::move(path), read_findings(r));
    }
    if (!r.ok() || !r.at_end()) {
        // A damaged cache is no cache: everything is checked again.
        CheckCache empty;
        empty.configuration_ = configuration;
        return empty;
    }
    return cache;
}

std::string CheckCache::to_bytes() const {
    BinaryWriter w;
    w.number(identities_.size());
    for (const auto& [content, identity] : identities_) {
        w.text(content);
        write_identity(w, identity);
    }
    w.number(records_.size());
    for (const auto& [path, record] : records_) {
        w.text(path);
        write_record(w, record);
    }
    w.number(stamps_.size());
    for (const auto& [path, stamped] : stamps_) {
        w.text(path);
        write_stamp(w, stamped.stamp);
        w.text(stamped.content);
    }
    w.text(between_inputs_);
    w.number(between_findings_.size());
    for (const auto& [path, findings] : between_findings_) {
        w.text(path);
        write_findings(w, findings);
    }
    return file_header(configuration_) + w.bytes();
}

int CheckCache::save() const {
    if (!changed_) return 0;
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    if (ec) return ec.value();
    // A cache folder of its own is ignored by git without a .gitignore entry.
    if (!fs::exists(file_.parent_path() / ".gitignore", ec)) write_file_atomically(file_.parent_path() / ".gitignore", "*\n");
    return write_file_atomically(file_, to_bytes(), Durability::Lazy);
}

const StandardIdentity* CheckCache::identity(const std::string& content) const {
    auto found = identities_.find(content);
    return found == identities_.end() ? nullptr : &found->second;
}

void CheckCache::put_identity(const std::string& content, const StandardIdentity& identity) {
    identities_[content] = identity;
    changed_ = true;
}

const CheckRecord* CheckCache::record(const std::string& path) const {
    auto found = records_.find(path);
    return found == records_.end() ? nullptr : &found->second;
}

void CheckCache::put_record(const std::string& path, CheckRecord record) {
    records_[path] = std::move(record);
    changed_ = true;
}

void CheckCache::retain(const std::map<std::string, std::string>& content_by_path) {
    std::set<std::string> contents;
    for (const auto& [path, content] : content_by_path) contents.insert(content);
    for (auto it = records_.begin(); it != records_.end();) {
        auto current = content_by_path.find(it->first);
        if (current == content_by_path.end() || current->second != it->second.content) {
            it = records_.erase(it);
            changed_ = true;
        } else {
            ++it;
        }
    }
    for (auto it = stamps_.begin(); it != stamps_.end();) {
        auto current = content_by_path.find(it->first);
        if (current == content_by_path.end() || current->second != it->second.content) {
            it = stamps_.erase(it);
            changed_ = true;
        } else {
            ++it;
        }
    }
    for (auto it = identities_.begin(); it != identities_.end();) {
        if (!contents.count(it->first)) {
            it = identities_.erase(it);
            changed_ = true;
        } else {
            ++it;
        }
    }
}

const std::string* CheckCache::unchanged_content(const std::string& path, const FileStamp& now) const {
    auto found = stamps_.find(path);
    return found != stamps_.end() && found->second.stamp == now ? &found->second.content : nullptr;
}

void CheckCache::put_stamp(const std::string& path, const FileStamp& stamp, const std::string& content, std::int64_t read_at_ns) {
    constexpr std::int64_t settled_ns = 2'000'000'000;
    if (read_at_ns - std::max(stamp.modified_ns, stamp.changed_ns) < settled_ns) {
        if (stamps_.erase(path)) changed_ = true;
        return;
    }
    auto& stored = stamps_[path];
    if (stored.stamp == stamp && stored.content == content) return;
    stored = {stamp, content};
    changed_ = true;
}

const std::map<std::string, std::vector<StoredFinding>>* CheckCache::between_findings(const std::string& inputs) const {
    return !inputs.empty() && inputs == between_inputs_ ? &between_findings_ : nullptr;
}

void CheckCache::put_between_findings(const std::string& inputs, std::map<std::string, std::vector<StoredFinding>> findings) {
    between_inputs_ = inputs;
    between_findings_ = std::move(findings);
    changed_ = true;
}

}  // namespace bzc::repository
