#include "syntax/tree_sitter_parser.hpp"

#include <time.h>

#include <chrono>
#include <string>

namespace keylint {
namespace {

// The budget is the parsing thread's CPU time, not wall time: on a loaded machine (a CI runner
// shared with builds) a wall-clock budget ran out on files that parse in a fraction of it, and
// which files were read depended on the load.
constexpr std::chrono::nanoseconds parse_budget = std::chrono::seconds(2);

struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

std::chrono::nanoseconds thread_cpu_time() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

struct Deadline {
    std::chrono::nanoseconds at;
    unsigned calls = 0;
};

bool past_deadline(TSParseState* state) {
    auto* deadline = static_cast<Deadline*>(state->payload);
    // The clock is a system call; tree-sitter asks every hundred or so parse steps.
    if (++deadline->calls % 8 != 0) return false;
    return thread_cpu_time() > deadline->at;
}

}  // namespace

TreePtr parse_source(const TSLanguage* language, const SourceText& text) {
    thread_local std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    ts_parser_reset(parser.get());
    if (!ts_parser_set_language(parser.get(), language)) return nullptr;
    Deadline deadline{thread_cpu_time() + parse_budget};
    TSParseOptions options{};
    options.payload = &deadline;
    options.progress_callback = past_deadline;
    const std::string_view bytes = text.bytes();
    TSInput input{};
    struct Source {
        std::string_view bytes;
    } source{bytes};
    input.payload = &source;
    input.encoding = TSInputEncodingUTF8;
    input.read = [](void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) -> const char* {
        const auto* src = static_cast<const Source*>(payload);
        if (byte >= src->bytes.size()) {
            *bytes_read = 0;
            return "";
        }
        *bytes_read = static_cast<uint32_t>(src->bytes.size() - byte);
        return src->bytes.data() + byte;
    };
    return TreePtr(ts_parser_parse_with_options(parser.get(), nullptr, input, options));
}

Span node_span(TSNode node, const SourceText& text) {
    const Position start = text.position_at(ts_node_start_byte(node));
    const Position end = text.position_at(ts_node_end_byte(node));
    return Span{start.line, start.column, end.line, end.column};
}

std::string first_syntax_error(TSNode root, const SourceText& text) {
    if (!ts_node_has_error(root)) return {};
    TSNode node = root;
    while (true) {
        if (ts_node_is_error(node) || ts_node_is_missing(node)) break;
        bool descended = false;
        const uint32_t count = ts_node_child_count(node);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_child(node, i);
            if (ts_node_has_error(child)) {
                node = child;
                descended = true;
                break;
            }
        }
        if (!descended) break;
    }
    const Position at = text.position_at(ts_node_start_byte(node));
    const std::string what = ts_node_is_missing(node) ? std::string("missing ") + ts_node_type(node) : "syntax error";
    return what + " at line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

CheckedTree parse_valid_document(const TSLanguage* language, const SourceText& text, std::string_view format) {
    CheckedTree checked;
    checked.tree = parse_source(language, text);
    if (!checked.tree) {
        checked.error = "parsing took longer than the time budget";
        return checked;
    }
    if (std::string error = first_syntax_error(ts_tree_root_node(checked.tree.get()), text); !error.empty()) {
        checked.tree.reset();
        checked.error = "invalid " + std::string(format) + ": " + error;
    }
    return checked;
}

}  // namespace keylint
