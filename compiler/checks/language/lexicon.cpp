#include "checks/language/lexicon.h"

#include "support/resources.h"

#include <algorithm>
#include <stdexcept>

namespace bzc::checks::language {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string_view without_comment(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        if (line[i] == '#' && !quoted && (i == 0 || line[i - 1] == ' ')) return line.substr(0, i);
    }
    return line;
}

std::string unquote(std::string_view item, const std::string& where) {
    item = trim(item);
    if (item.size() >= 2 && item.front() == '"' && item.back() == '"') item = item.substr(1, item.size() - 2);
    if (item.empty() || item.find_first_of("\"'[]{},:") != std::string_view::npos) {
        throw std::runtime_error(where + ": a word list item must be a plain word: '" + std::string(item) + "'");
    }
    return std::string(item);
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> words_document(std::string_view file_name,
                                                                              std::string_view yaml_text) {
    std::string file(file_name);
    std::size_t at = yaml_text.find("\n---\n");
    if (at == std::string_view::npos) throw std::runtime_error(file + ": no word-list document (a '---' line)");
    std::string_view rest = yaml_text.substr(at + 5);
    std::vector<std::pair<std::string, std::vector<std::string>>> lists;
    bool in_words = false;
    std::size_t line_number = static_cast<std::size_t>(std::count(yaml_text.begin(), yaml_text.begin() + static_cast<std::ptrdiff_t>(at) + 5, '\n'));
    while (!rest.empty()) {
        std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        ++line_number;
        std::string where = file + ":" + std::to_string(line_number);
        line = without_comment(line);
        if (trim(line).empty()) continue;
        std::size_t indent = line.find_first_not_of(' ');
        std::string_view content = trim(line);
        if (indent == 0) {
            if (content != "words:") throw std::runtime_error(where + ": expected 'words:'");
            in_words = true;
        } else if (!in_words) {
            throw std::runtime_error(where + ": a word list outside 'words:'");
        } else if (indent == 2) {
            std::size_t colon = content.find(':');
            if (colon == std::string_view::npos) throw std::runtime_error(where + ": expected 'name:'");
            lists.emplace_back(std::string(trim(content.substr(0, colon))), std::vector<std::string>{});
            std::string joined(trim(content.substr(colon + 1)));
            if (joined.empty()) continue;
            // A flow list may go on over further lines until its ].
            while (joined.back() != ']' && !rest.empty()) {
                std::size_t next = rest.find('\n');
                joined += ' ';
                joined += trim(without_comment(rest.substr(0, next)));
                rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
                ++line_number;
            }
            std::string_view flow = joined;
            if (flow.front() != '[' || flow.back() != ']') throw std::runtime_error(where + ": expected a [list]");
            flow = flow.substr(1, flow.size() - 2);
            while (!trim(flow).empty()) {
                std::size_t comma = flow.find(',');
                lists.back().second.push_back(unquote(flow.substr(0, comma), where));
                flow = comma == std::string_view::npos ? std::string_view() : flow.substr(comma + 1);
            }
        } else if (indent == 4 && content.starts_with("- ") && !lists.empty()) {
            lists.back().second.push_back(unquote(content.substr(2), where));
        } else {
            throw std::runtime_error(where + ": not a word list line");
        }
    }
    if (!in_words) throw std::runtime_error(file + ": no 'words:' in the word-list document");
    return lists;
}

Lexicon::Lexicon(std::string_view file_name, std::string_view yaml_text,
                 const std::vector<std::pair<std::string_view, WordClass>>& classes) {
    nodes_.emplace_back();
    first_.assign(0x10000, 0);
    for (char32_t c : {U'“', U'‘', U'《', U'「', U'『', U'”', U'’', U'》', U'」', U'』', U'。', U'！', U'？', U'；', U'第'}) {
        first_[c] |= special;
    }
    for (const auto& [name, words] : words_document(file_name, yaml_text)) {
        auto it = std::find_if(classes.begin(), classes.end(), [&name = name](const auto& c) { return c.first == name; });
        if (it == classes.end()) continue;  // a list for another reader of the same file
        for (const auto& word : words) add(word, it->second, file_name);
    }
}

void Lexicon::add(std::string_view word, WordClass word_class, std::string_view file_name) {
    auto fail = [&](const std::string& what) {
        throw std::runtime_error(std::string(file_name) + ": word '" + std::string(word) + "': " + what);
    };
    std::size_t bar = word.find('|');
    std::string text(word.substr(0, bar));
    std::size_t form_length = text.size();
    if (bar != std::string_view::npos) text += word.substr(bar + 1);
    if (text.empty() || form_length == 0) fail("empty");
    std::uint32_t node = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t c = utf8::decode(text, pos);
        if (node == 0 && (c < 0x80 || c >= 0x10000)) fail("a listed word starts with a Chinese character");
        std::uint32_t next = child(node, c);
        if (next == 0) {
            next = static_cast<std::uint32_t>(nodes_.size());
            if (next >= special) fail("too many words");
            nodes_.emplace_back();
            if (node == 0) {
                first_[c] |= static_cast<std::uint16_t>(next);
            } else {
                auto& children = nodes_[node].children;
                children.insert(std::lower_bound(children.begin(), children.end(), std::make_pair(c, std::uint32_t{0})),
                                {c, next});
            }
        }
        node = next;
    }
    if (nodes_[node].word) fail("listed twice");
    nodes_[node].word = true;
    nodes_[node].word_class = word_class;
    nodes_[node].form_length = static_cast<std::uint32_t>(form_length);
    ++size_;
}

const Lexicon& Lexicon::language() {
    static const Lexicon lexicon("rules/language.yaml", embedded_resource("rules/language.yaml"),
                                 {
                                     {"neutral", WordClass::Neutral},
                                     {"requirement", WordClass::Requirement},
                                     {"must", WordClass::Must},
                                     {"ought", WordClass::Ought},
                                     {"urge", WordClass::Urge},
                                     {"not-permitted", WordClass::NotPermitted},
                                     {"cannot", WordClass::Cannot},
                                     {"need", WordClass::Need},
                                     {"recommendation", WordClass::Recommendation},
                                     {"permission", WordClass::Permission},
                                     {"can", WordClass::Can},
                                     {"legal", WordClass::Legal},
                                     {"vague-pointer", WordClass::VaguePointer},
                                     {"see-also", WordClass::SeeAlso},
                                     {"page-pointer", WordClass::PagePointer},
                                     {"unverifiable", WordClass::Unverifiable},
                                 });
    return lexicon;
}

}  // namespace bzc::checks::language
