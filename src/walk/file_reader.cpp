#include "walk/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace keylint {

bool looks_binary(std::string_view bytes) {
    return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<std::string> decode_utf16_with_bom(std::string_view bytes) {
    if (bytes.size() < 2) return std::nullopt;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    bool little_endian;
    if (byte(0) == 0xFF && byte(1) == 0xFE) {
        little_endian = true;
    } else if (byte(0) == 0xFE && byte(1) == 0xFF) {
        little_endian = false;
    } else {
        return std::nullopt;
    }
    const auto unit = [&](size_t i) -> uint32_t {
        return little_endian ? byte(i) | (byte(i + 1) << 8) : (byte(i) << 8) | byte(i + 1);
    };
    const auto append = [](std::string& out, uint32_t code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    };
    constexpr uint32_t replacement = 0xFFFD;
    std::string out;
    out.reserve(bytes.size() / 2 * 3);
    size_t i = 2;
    for (; i + 1 < bytes.size(); i += 2) {
        const uint32_t first = unit(i);
        if (first >= 0xD800 && first < 0xDC00 && i + 3 < bytes.size()) {
            const uint32_t second = unit(i + 2);
            if (second >= 0xDC00 && second < 0xE000) {
                append(out, 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
                i += 2;
                continue;
            }
        }
        append(out, first >= 0xD800 && first < 0xE000 ? replacement : first);
    }
    if (i < bytes.size()) append(out, replacement);  // an odd trailing byte
    return out;
}

ReadOutcome read_input_file(const std::filesystem::path& path, uint64_t max_file_size) {
    ReadOutcome outcome;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        outcome.problem = std::string("cannot open: ") + std::strerror(errno);
        outcome.unreadable = true;
        return outcome;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        outcome.problem = "not a regular file";
        return outcome;
    }
    if (static_cast<uint64_t>(info.st_size) > max_file_size) {
        ::close(fd);
        outcome.problem = "larger than --max-file-size (" + std::to_string(info.st_size) + " bytes)";
        return outcome;
    }
    std::string bytes(static_cast<size_t>(info.st_size), '\0');
    size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            ::close(fd);
            outcome.problem = std::string("read error: ") + std::strerror(errno);
            outcome.unreadable = true;
            return outcome;
        }
        if (got == 0) break;  // the file shrank while reading
        filled += static_cast<size_t>(got);
    }
    ::close(fd);
    bytes.resize(filled);
    if (std::optional<std::string> decoded = decode_utf16_with_bom(bytes)) {
        bytes = std::move(*decoded);
    }
    if (looks_binary(bytes)) {
        outcome.problem = "binary file";
        return outcome;
    }
    outcome.bytes = std::move(bytes);
    return outcome;
}

}  // namespace keylint
