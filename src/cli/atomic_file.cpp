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

namespace {

// Writes all of `contents` to `fd`; 0 or the error.
int write_all(int fd, std::string_view contents) {
    size_t done = 0;
    while (done < contents.size()) {
        const ssize_t written = ::write(fd, contents.data() + done, contents.size() - done);
        if (written >= 0) done += static_cast<size_t>(written);
        else if (errno != EINTR) return errno;
    }
    return 0;
}

// Writes through an existing target that is not a plain file; 0 or the error.
int write_in_place(const std::filesystem::path& target, std::string_view contents) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return errno;
    int error = write_all(fd, contents);
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view contents, std::string_view what) {
    const auto failure = [&](int error) {
        return std::runtime_error(target.string() + ": cannot write " + std::string(what) + ": " + std::strerror(error));
    };
    // A device, a FIFO or a symbolic link (/dev/null, /dev/stdout, a link to a shared report) is
    // written through: renaming over it would replace the device or the link itself.
    struct stat existing {};
    if (::lstat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        if (S_ISDIR(existing.st_mode)) throw failure(EISDIR);
        if (const int error = write_in_place(target, contents); error != 0) throw failure(error);
        return;
    }
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
    if (error == 0) error = write_all(fd, contents);
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw failure(error);
    }
}

}  // namespace keylint
