// See documentation_examples.hpp.
#include "filters/documentation_examples.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/ascii_case.hpp"

namespace keylint {
namespace {

constexpr std::array<std::string_view, 24> example_directories = {
    "example", "examples", "doc", "docs", "documentation", "testdata", "test-data", "test_data", "fixture",
    "fixtures", "__tests__", "__mocks__", "__fixtures__", "test", "tests", "spec", "specs", "sample", "samples",
    "demo", "demos", "mock", "mocks", "stubs"};

// `<name>.examples.json`, `config.example.yml`: a part of the file name between dots.
constexpr std::array<std::string_view, 7> example_name_parts = {"example", "examples", "sample", "samples",
                                                                "test",    "spec",     "fixture"};

bool is_test_file_name(std::string_view name, std::string_view original) {
    const size_t dot = name.find('.');
    const std::string_view stem = name.substr(0, dot);
    if (stem == "test" || stem == "tests" || stem == "spec") return true;  // test.js, tests.py
    if (stem.starts_with("test_") || stem.ends_with("_test") || stem.ends_with("_tests") || stem.ends_with("_spec")) {
        return true;
    }
    // JUnit's FooTest.java, NUnit's FooTests.cs: the original spelling's camel-case suffix.
    const std::string_view original_stem = original.substr(0, original.find('.'));
    return original_stem.size() > 4 && (original_stem.ends_with("Test") || original_stem.ends_with("Tests"));
}

// Words that fill a documentation phrase around a credential word.
constexpr std::array<std::string_view, 32> filler_words = {
    "this", "that", "is", "a", "an", "the", "my", "your", "our", "some", "very", "super", "top", "new", "old",
    "temporary", "temp", "test", "testing", "fake", "dummy", "example", "sample", "demo", "mock", "another",
    "other", "random", "strong", "long", "value", "here"};
constexpr std::array<std::string_view, 12> credential_words = {
    "password", "passwords", "passwd", "pass", "secret", "secrets", "token", "tokens", "key", "apikey", "passphrase",
    "credential"};

// Does `letters` split entirely into filler words and one or two credential words (`secret key`)?
bool is_phrase(std::string_view letters, int credentials_seen, int depth) {
    if (letters.empty()) return credentials_seen > 0;
    if (depth > 12) return false;
    for (std::string_view word : credential_words) {
        if (credentials_seen < 2 && letters.starts_with(word) &&
            is_phrase(letters.substr(word.size()), credentials_seen + 1, depth + 1)) {
            return true;
        }
    }
    for (std::string_view word : filler_words) {
        if (letters.starts_with(word) && is_phrase(letters.substr(word.size()), credentials_seen, depth + 1)) return true;
    }
    return false;
}

}  // namespace

std::string example_path_reason(std::string_view path) {
    std::string lower = ascii_lowered(path);
    size_t start = 0;
    while (true) {
        const size_t slash = lower.find('/', start);
        if (slash == std::string::npos) break;
        const std::string_view directory = std::string_view(lower).substr(start, slash - start);
        if (std::find(example_directories.begin(), example_directories.end(), directory) != example_directories.end()) {
            return "in a documentation, example or test directory ('" + std::string(directory) + "/')";
        }
        start = slash + 1;
    }
    const std::string_view name = std::string_view(lower).substr(start);
    const std::string_view original = path.substr(start);
    if (is_test_file_name(name, original)) return "in a test file";
    size_t part_start = name.find('.');
    while (part_start != std::string_view::npos) {
        const size_t part_end = name.find('.', part_start + 1);
        if (part_end == std::string_view::npos) break;  // the last part is the extension
        const std::string_view part = name.substr(part_start + 1, part_end - part_start - 1);
        if (std::find(example_name_parts.begin(), example_name_parts.end(), part) != example_name_parts.end()) {
            return "in an example or test file ('." + std::string(part) + ".')";
        }
        part_start = part_end;
    }
    return {};
}

std::string documentation_value_reason(std::string_view value) {
    if (value.size() > 64) return {};
    std::string letters;
    for (char c : value) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (c != '-' && c != '_' && c != ' ' && c != '.') {
            return {};  // digits and symbols: typed or generated, not a phrase
        }
    }
    if (letters.size() < 8 || !is_phrase(letters, 0, 0)) return {};
    return "the value reads as a documentation phrase (filler words around one credential word)";
}

void lower_documentation_findings(std::vector<Finding>& findings) {
    for (Finding& finding : findings) {
        if (finding.level == Level::note) continue;
        std::string reason = example_path_reason(finding.path);
        if (reason.empty()) reason = documentation_value_reason(finding.secret);
        if (reason.empty()) continue;
        finding.properties["original_level"] = std::string(level_name(finding.level));
        finding.properties["lowered"] = reason;
        finding.level = Level::note;
    }
}

}  // namespace keylint
