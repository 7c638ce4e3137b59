// Aho–Corasick construction (trie, breadth-first failure links, completed transitions).
#include "secrets/keyword_automaton.hpp"

#include <algorithm>
#include <cctype>
#include <queue>

namespace keylint {

KeywordAutomaton::KeywordAutomaton(const std::vector<std::vector<std::string>>& keywords)
    : group_count_(keywords.size()) {
    // Byte classes: one per distinct (case-folded) keyword byte, class 0 for everything else.
    for (const auto& group : keywords) {
        for (const auto& keyword : group) {
            for (unsigned char c : keyword) {
                const auto folded = static_cast<unsigned char>(std::tolower(c));
                if (byte_class_[folded] == 0) {
                    byte_class_[folded] = static_cast<uint8_t>(class_count_++);
                    byte_class_[static_cast<unsigned char>(std::toupper(folded))] = byte_class_[folded];
                }
            }
        }
    }

    // Trie, with 0 meaning "no edge yet" (the root is state 0 and is never a child).
    std::vector<std::vector<uint32_t>> trie(1, std::vector<uint32_t>(class_count_, 0));
    groups_at_.assign(1, {});
    for (uint32_t group = 0; group < keywords.size(); ++group) {
        for (const auto& keyword : keywords[group]) {
            uint32_t state = 0;
            for (unsigned char c : keyword) {
                const uint8_t cls = byte_class_[static_cast<unsigned char>(std::tolower(c))];
                if (trie[state][cls] == 0) {
                    trie[state][cls] = static_cast<uint32_t>(trie.size());
                    trie.emplace_back(class_count_, 0);
                    groups_at_.emplace_back();
                }
                state = trie[state][cls];
            }
            if (std::find(groups_at_[state].begin(), groups_at_[state].end(), group) == groups_at_[state].end()) {
                groups_at_[state].push_back(group);
            }
            longest_keyword_ = std::max(longest_keyword_, keyword.size());
        }
    }

    // Breadth-first: failure links, inherited outputs and the completed transition function.
    const size_t states = trie.size();
    std::vector<uint32_t> failure(states, 0);
    std::vector<uint32_t> next_(states * class_count_, 0);
    std::queue<uint32_t> queue;
    for (uint32_t cls = 0; cls < class_count_; ++cls) {
        const uint32_t child = trie[0][cls];
        next_[cls] = child;
        if (child != 0) queue.push(child);
    }
    while (!queue.empty()) {
        const uint32_t state = queue.front();
        queue.pop();
        for (uint32_t group : groups_at_[failure[state]]) {
            if (std::find(groups_at_[state].begin(), groups_at_[state].end(), group) == groups_at_[state].end()) {
                groups_at_[state].push_back(group);
            }
        }
        for (uint32_t cls = 0; cls < class_count_; ++cls) {
            const uint32_t child = trie[state][cls];
            if (child != 0) {
                failure[child] = next_[failure[state] * class_count_ + cls];
                next_[state * class_count_ + cls] = child;
                queue.push(child);
            } else {
                next_[state * class_count_ + cls] = next_[failure[state] * class_count_ + cls];
            }
        }
    }

    // Renumber: states without output first (the root stays 0), then the reporting ones.
    std::vector<uint32_t> number(states);
    std::vector<std::vector<uint32_t>> groups_by_number(states);
    uint32_t next_number = 0;
    for (int reporting = 0; reporting < 2; ++reporting) {
        if (reporting == 1) first_output_row_ = next_number * class_count_;
        for (size_t state = 0; state < states; ++state) {
            if (groups_at_[state].empty() == (reporting == 0)) {
                number[state] = next_number;
                groups_by_number[next_number++] = groups_at_[state];
            }
        }
    }
    groups_at_ = std::move(groups_by_number);
    transitions_.assign(states * class_count_, 0);
    for (size_t state = 0; state < states; ++state) {
        for (uint32_t cls = 0; cls < class_count_; ++cls) {
            transitions_[number[state] * class_count_ + cls] = number[next_[state * class_count_ + cls]] * class_count_;
        }
    }
}

// A step of the automaton is a load that depends on the previous step's, so one walk is bound by
// load latency, not by the table. Long texts are cut into `walks` parts walked in one loop, as
// independent chains the processor runs side by side: each part after the first is walked from the
// root from a keyword's length before its start and keeps only what ends inside it, so together the
// walks report every occurrence once; later parts' outputs are held back and replayed in order, so
// ends stay increasing.
template <class OnOutput>
void KeywordAutomaton::run(std::string_view text, OnOutput on_output) const {
    const uint32_t* transitions = transitions_.data();
    const uint8_t* byte_class = byte_class_.data();
    const uint32_t first_output_row = first_output_row_;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    constexpr size_t walks = 4;
    if (size < parallel_walk_minimum || longest_keyword_ * walks * 4 > size) {
        uint32_t row = 0;
        for (size_t i = 0; i < size; ++i) {
            row = transitions[row + byte_class[bytes[i]]];
            if (row >= first_output_row) [[unlikely]] on_output(groups_at_[row / class_count_], i + 1);
        }
        return;
    }
    // Part k reports the ends in (bound[k], bound[k + 1]] and is walked from start[k].
    std::array<size_t, walks + 1> bound{};
    std::array<size_t, walks> start{};
    for (size_t k = 0; k <= walks; ++k) bound[k] = size * k / walks;
    for (size_t k = 0; k < walks; ++k) start[k] = k == 0 ? 0 : bound[k] - (longest_keyword_ - 1);
    std::array<std::vector<std::pair<uint32_t, size_t>>, walks> held;  // (row, end), parts 1..
    std::array<uint32_t, walks> row{};
    const size_t lockstep = bound[1];  // the shortest part's length
    for (size_t i = 0; i < lockstep; ++i) {
        for (size_t k = 0; k < walks; ++k) row[k] = transitions[row[k] + byte_class[bytes[start[k] + i]]];
        if (row[0] >= first_output_row) [[unlikely]] on_output(groups_at_[row[0] / class_count_], i + 1);
        for (size_t k = 1; k < walks; ++k) {
            if (row[k] >= first_output_row) [[unlikely]] {
                if (start[k] + i + 1 > bound[k]) held[k].emplace_back(row[k], start[k] + i + 1);
            }
        }
    }
    for (size_t k = 1; k < walks; ++k) {
        for (size_t at = start[k] + lockstep; at < bound[k + 1]; ++at) {
            row[k] = transitions[row[k] + byte_class[bytes[at]]];
            if (row[k] >= first_output_row) [[unlikely]] {
                if (at + 1 > bound[k]) held[k].emplace_back(row[k], at + 1);
            }
        }
    }
    for (size_t k = 1; k < walks; ++k) {
        for (const auto& [held_row, end] : held[k]) on_output(groups_at_[held_row / class_count_], end);
    }
}

size_t KeywordAutomaton::find(std::string_view text, std::vector<bool>& found) const {
    size_t newly_found = 0;
    run(text, [&](const std::vector<uint32_t>& groups, size_t) {
        for (uint32_t group : groups) {
            if (!found[group]) {
                found[group] = true;
                ++newly_found;
            }
        }
    });
    return newly_found;
}

void KeywordAutomaton::find_all(std::string_view text, std::vector<std::vector<size_t>>& hit_ends) const {
    run(text, [&](const std::vector<uint32_t>& groups, size_t end) {
        for (uint32_t group : groups) hit_ends[group].push_back(end);
    });
}

void KeywordAutomaton::write_to(ByteWriter& out) const {
    for (uint8_t cls : byte_class_) out.u8(cls);
    out.u32(class_count_);
    out.u32s(transitions_);
    out.u32(first_output_row_);
    out.u32(static_cast<uint32_t>(groups_at_.size()));
    for (const std::vector<uint32_t>& groups : groups_at_) out.u32s(groups);
    out.u64(group_count_);
    out.u64(longest_keyword_);
}

KeywordAutomaton KeywordAutomaton::read_from(ByteReader& in) {
    KeywordAutomaton automaton;
    for (uint8_t& cls : automaton.byte_class_) cls = in.u8();
    automaton.class_count_ = in.u32();
    automaton.transitions_ = in.u32s();
    automaton.first_output_row_ = in.u32();
    automaton.groups_at_.resize(in.count(4));
    for (std::vector<uint32_t>& groups : automaton.groups_at_) groups = in.u32s();
    automaton.group_count_ = static_cast<size_t>(in.u64());
    automaton.longest_keyword_ = static_cast<size_t>(in.u64());

    const size_t classes = automaton.class_count_;
    const size_t states = automaton.groups_at_.size();
    if (classes == 0 || classes > 256 || states == 0 || automaton.transitions_.size() != states * classes) {
        throw FormatError("an automaton of " + std::to_string(states) + " states and " + std::to_string(classes) +
                          " classes with " + std::to_string(automaton.transitions_.size()) + " transitions");
    }
    for (uint8_t cls : automaton.byte_class_) {
        if (cls >= classes) throw FormatError("a byte class out of range");
    }
    for (uint32_t row : automaton.transitions_) {
        if (row % classes != 0 || row / classes >= states) throw FormatError("a transition out of range");
    }
    if (automaton.first_output_row_ % classes != 0 || automaton.first_output_row_ / classes > states) {
        throw FormatError("the first reporting state is out of range");
    }
    for (size_t state = 0; state < states; ++state) {
        // Reporting states are numbered last, and only they report (run() relies on both).
        if ((state * classes >= automaton.first_output_row_) == automaton.groups_at_[state].empty()) {
            throw FormatError("state " + std::to_string(state) + " is misplaced among the reporting states");
        }
        for (uint32_t group : automaton.groups_at_[state]) {
            if (group >= automaton.group_count_) throw FormatError("a group out of range");
        }
    }
    if (automaton.longest_keyword_ > states || (automaton.longest_keyword_ == 0 && automaton.first_output_row_ / classes < states)) {
        throw FormatError("a longest keyword of " + std::to_string(automaton.longest_keyword_) + " bytes in " +
                          std::to_string(states) + " states");
    }
    return automaton;
}

}  // namespace keylint
