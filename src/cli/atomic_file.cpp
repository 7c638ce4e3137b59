// See atomic_file.hpp.
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace keylint {

void write_file_atomically(const std::filesystem::path& target, std::string_view contents, std::string_view what) {
    const auto failure = [&](int error) {
        return std::runtime_error(target.string() + ": cannot write " + std::string(what) + ": " + std::strerror(error));
    };
    std::filesystem::path directory = target.parent_path();
    if (directory.empty()) directory = ".";
    static constexpr std::string_view suffix = ".keylint-tmp";
    std::string temporary = (directory / ("." + target.filename().string() + ".XXXXXX")).string() + std::string(suffix);
    const int fd = ::mkostemps(temporary.data(), static_cast<int>(suffix.size()), O_CLOEXEC);
    if (fd < 0) throw failure(errno);

    // mkostemps creates the file 0600; give it the mode any new file gets: 0666 less the umask.
    // (Reading the umask sets it; nothing else creates files while the report is written.)
    const mode_t mask = ::umask(0);
    ::umask(mask);
    int error = ::fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
    size_t done = 0;
    while (error == 0 && done < contents.size()) {
        const ssize_t written = ::write(fd, contents.data() + done, contents.size() - done);
        if (written >= 0) done += static_cast<size_t>(written);
        else if (errno != EINTR) error = errno;
    }
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw failure(error);
    }
}

}  // namespace keylint
