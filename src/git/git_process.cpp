#include "git/git_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace keylint {
namespace {

struct Child {
    pid_t pid = -1;
    int input = -1;   // our end of its standard input, or -1 (then it reads /dev/null)
    int output = -1;  // our end of its standard output
    int errors = -1;  // a memory file holding its standard error
};

void ignore_sigpipe() {
    // A git that dies while we write to it must give EPIPE, not kill keylint.
    static std::once_flag once;
    std::call_once(once, [] { ::signal(SIGPIPE, SIG_IGN); });
}

// The git to run: the first executable `git` in an absolute PATH entry. posix_spawnp would also
// search relative entries ("", ".", "bin"), which name places under the working directory, often
// the very tree being scanned, where a planted `git` would then run. Empty when there is none.
const std::string& git_program() {
    static const std::string program = [] {
        const char* path = std::getenv("PATH");
        const std::string_view entries = path ? path : "/usr/local/bin:/usr/bin:/bin";
        size_t start = 0;
        while (start <= entries.size()) {
            size_t end = entries.find(':', start);
            if (end == std::string_view::npos) end = entries.size();
            const std::string_view entry = entries.substr(start, end - start);
            start = end + 1;
            if (entry.empty() || entry.front() != '/') continue;
            std::string candidate(entry);
            if (candidate.back() != '/') candidate.push_back('/');
            candidate += "git";
            struct stat status {};
            if (::stat(candidate.c_str(), &status) == 0 && S_ISREG(status.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        return std::string();
    }();
    return program;
}

Child spawn_git(const std::vector<std::string>& args, bool with_input) {
    const std::string& program = git_program();
    if (program.empty()) throw std::runtime_error("git is not installed (or not on PATH); the git scan modes need it");
    ignore_sigpipe();
    int out_pipe[2] = {-1, -1}, in_pipe[2] = {-1, -1};
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    if (with_input && ::pipe2(in_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    const int errors = ::memfd_create("keylint-git-stderr", MFD_CLOEXEC);
    if (errors < 0) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (with_input) posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
    else posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errors, STDERR_FILENO);

    // A repository's own configuration can name programs for git to run: core.fsmonitor runs
    // whenever git reads the index, even for plumbing. The scanned repository is not trusted.
    std::vector<std::string> full{"git", "-c", "core.fsmonitor=false"};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : full) argv.push_back(arg.data());
    argv.push_back(nullptr);

    Child child;
    const int status = ::posix_spawn(&child.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    if (with_input) ::close(in_pipe[0]);
    if (status != 0) {
        ::close(out_pipe[0]);
        if (with_input) ::close(in_pipe[1]);
        ::close(errors);
        if (status == ENOENT) throw std::runtime_error("git is not installed (or not on PATH); the git scan modes need it");
        throw std::runtime_error(std::string("cannot run git: ") + std::strerror(status));
    }
    child.output = out_pipe[0];
    child.input = with_input ? in_pipe[1] : -1;
    child.errors = errors;
    return child;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

// Waits for the child, closes our descriptors and returns its exit code and standard error.
int finish(Child& child, std::string& err) {
    if (child.input >= 0) ::close(child.input);
    if (child.output >= 0) ::close(child.output);
    int status = 0;
    while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
    }
    err.clear();
    char buffer[4096];
    ssize_t got;
    ::lseek(child.errors, 0, SEEK_SET);
    while ((got = ::read(child.errors, buffer, sizeof buffer)) > 0) err.append(buffer, static_cast<size_t>(got));
    ::close(child.errors);
    err = trimmed(std::move(err));
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t wrote = ::write(fd, data.data(), data.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return false;
        data.remove_prefix(static_cast<size_t>(wrote));
    }
    return true;
}

}  // namespace

GitOutput run_git(const std::vector<std::string>& args) {
    Child child = spawn_git(args, false);
    GitOutput result;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(child.output, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        result.out.append(buffer, static_cast<size_t>(got));
    }
    result.exit_code = finish(child, result.err);
    return result;
}

bool FdReader::fill() {
    if (begin_ > 0 && begin_ == end_) begin_ = end_ = 0;
    if (end_ == buffer_.size()) {
        if (begin_ == 0) buffer_.resize(buffer_.size() * 2);
        else {
            std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            begin_ = 0;
        }
    }
    for (;;) {
        const ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        end_ += static_cast<size_t>(got);
        return true;
    }
}

std::optional<std::string> FdReader::read_line() {
    size_t searched = 0;  // bytes after begin_ known to hold no newline (fill() keeps them)
    for (;;) {
        const char* from = buffer_.data() + begin_ + searched;
        const void* newline = std::memchr(from, '\n', end_ - begin_ - searched);
        if (newline) {
            const size_t at = static_cast<size_t>(static_cast<const char*>(newline) - buffer_.data());
            std::string line(buffer_.data() + begin_, at - begin_);
            begin_ = at + 1;
            return line;
        }
        searched = end_ - begin_;
        if (!fill()) {
            if (begin_ == end_) return std::nullopt;
            std::string line(buffer_.data() + begin_, end_ - begin_);
            begin_ = end_;
            return line;
        }
    }
}

bool FdReader::read_exact(size_t count, std::string* out) {
    while (count > 0) {
        if (begin_ == end_ && !fill()) return false;
        const size_t take = std::min(count, end_ - begin_);
        if (out) out->append(buffer_.data() + begin_, take);
        begin_ += take;
        count -= take;
    }
    return true;
}

size_t GitBlobReader::read_from(const std::vector<std::string>& ids, size_t first,
                                const std::function<void(size_t, BlobContent&&)>& deliver) {
    Child child = spawn_git({"cat-file", "--batch"}, true);
    const int input = child.input;
    std::thread writer([&ids, first, input] {
        std::string batch;
        for (size_t i = first; i < ids.size(); ++i) {
            batch += ids[i];
            batch += '\n';
            if (batch.size() >= 65536 || i + 1 == ids.size()) {
                if (!write_all(input, batch)) break;
                batch.clear();
            }
        }
        ::close(input);
    });
    child.input = -1;  // the writer closes it

    FdReader reader(child.output);
    size_t next = first;
    for (; next < ids.size(); ++next) {
        BlobContent content;
        const std::optional<std::string> header = reader.read_line();
        if (!header) break;
        const size_t first_space = header->find(' ');
        const std::string_view rest = first_space == std::string::npos ? "" : std::string_view(*header).substr(first_space + 1);
        if (rest == "missing" || rest == "ambiguous") {
            content.unreadable = true;
            content.problem = "object " + ids[next] + " is " + std::string(rest);
            deliver(next, std::move(content));
            continue;
        }
        const size_t second_space = rest.find(' ');
        if (second_space == std::string_view::npos) break;
        const std::string_view type = rest.substr(0, second_space);
        const uint64_t size = std::stoull(std::string(rest.substr(second_space + 1)));
        content.size = size;
        bool complete = true;
        if (type != "blob") {
            complete = reader.read_exact(size, nullptr);
            content.problem = "object " + ids[next] + " is a " + std::string(type) + ", not a file";
        } else if (size > max_size_) {
            complete = reader.read_exact(size, nullptr);
            content.problem = "larger than --max-file-size (" + std::to_string(size) + " bytes)";
        } else {
            std::string bytes;
            bytes.reserve(size);
            complete = reader.read_exact(size, &bytes);
            content.bytes = std::move(bytes);
        }
        if (!complete || !reader.read_exact(1, nullptr)) break;
        deliver(next, std::move(content));
    }
    // Close our end first: a git still writing gets EPIPE and exits, so the writer cannot hang.
    ::close(child.output);
    child.output = -1;
    writer.join();
    std::string err;
    const int code = finish(child, err);
    if (next < ids.size()) {
        BlobContent content;
        content.unreadable = true;
        content.problem = "git cat-file could not read object " + ids[next] + " (exit " + std::to_string(code) + ")" +
                          (err.empty() ? "" : ": " + err);
        deliver(next, std::move(content));
        return next + 1;
    }
    return next;
}

void GitBlobReader::read_all(const std::vector<std::string>& ids, const std::function<void(size_t, BlobContent&&)>& deliver) {
    size_t next = 0;
    while (next < ids.size()) next = read_from(ids, next, deliver);
}

}  // namespace keylint
