// See atomic_file.hpp.
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <ostream>
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

// An output stream onto a file descriptor, buffered; remembers the first write error.
class DescriptorBuffer : public std::streambuf {
   public:
    explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    int error() const { return error_; }

   protected:
    int_type overflow(int_type c) override {
        if (sync() != 0) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override {
        if (error_ == 0) error_ = write_all(fd_, std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return error_ == 0 ? 0 : -1;
    }

   private:
    int fd_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_{};
};

// Writes the contents to `fd` and closes it; 0 or the first error.
int write_and_close(int fd, const std::function<void(std::ostream&)>& write_contents) {
    DescriptorBuffer buffer(fd);
    try {
        std::ostream out(&buffer);
        write_contents(out);
        out.flush();
    } catch (...) {
        ::close(fd);
        throw;
    }
    int error = buffer.error();
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

// Writes through an existing target that is not a plain file; 0 or the error.
int write_in_place(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write_contents) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return errno;
    return write_and_close(fd, write_contents);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view contents, std::string_view what) {
    write_file_atomically(target, [contents](std::ostream& out) { out << contents; }, what);
}

void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write_contents,
                           std::string_view what) {
    const auto failure = [&](int error) {
        return std::runtime_error(target.string() + ": cannot write " + std::string(what) + ": " + std::strerror(error));
    };
    // A device, a FIFO or a symbolic link (/dev/null, /dev/stdout, a link to a shared report) is
    // written through: renaming over it would replace the device or the link itself.
    struct stat existing {};
    if (::lstat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        if (S_ISDIR(existing.st_mode)) throw failure(EISDIR);
        if (const int error = write_in_place(target, write_contents); error != 0) throw failure(error);
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
    if (error == 0) {
        try {
            error = write_and_close(fd, write_contents);
        } catch (...) {
            ::unlink(temporary.c_str());
            throw;
        }
    } else {
        ::close(fd);
    }
    if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw failure(error);
    }
}

}  // namespace keylint
