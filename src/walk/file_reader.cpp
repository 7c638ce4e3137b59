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
    if (looks_binary(bytes)) {
        outcome.problem = "binary file";
        return outcome;
    }
    outcome.bytes = std::move(bytes);
    return outcome;
}

}  // namespace keylint
