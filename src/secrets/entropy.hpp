// Shannon entropy in bits per byte, the measure gitleaks' `entropy` key uses.
#pragma once

#include <array>
#include <cmath>
#include <string_view>

namespace keylint {

inline double shannon_entropy(std::string_view text) {
    if (text.empty()) return 0.0;
    std::array<size_t, 256> counts{};
    for (unsigned char c : text) ++counts[c];
    double entropy = 0.0;
    const auto length = static_cast<double>(text.size());
    for (size_t count : counts) {
        if (count == 0) continue;
        const double p = static_cast<double>(count) / length;
        entropy -= p * std::log2(p);
    }
    return entropy;
}

}  // namespace keylint
