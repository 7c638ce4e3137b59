// Errors that stop a run (exit code 2): bad usage, unreadable configuration, I/O failures on
// the output. Problems with one scanned file are not errors; they become Diagnostics.
#pragma once

#include <stdexcept>
#include <string>

namespace keylint {

class UsageError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

class ConfigError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

}  // namespace keylint
