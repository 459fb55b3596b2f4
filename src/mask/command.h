// CommandRunner: user code as a transformer, in an external program.
//
// The program is started once per table column and kept running. The masker writes one value
// per line on its stdin and reads one line per value from its stdout, in order. Lines are
// escaped so any value fits on one: backslash as \\, LF as \n, CR as \r; output lines are read
// back the same way, and the line \N means NULL (PostgreSQL COPY's spelling). The program must
// flush after each line (python3 -u, stdbuf -oL, sed -u; PYTHONUNBUFFERED=1 is set for it).
// Values go in batches, written and read through poll() so neither side blocks the other.
// A program that exits, writes too few or too many lines, or stays silent past the timeout is
// an error naming the value's position in the batch. Not thread-safe.
#pragma once

#include <sys/types.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "mask/transformer.h"

namespace kanon::mask {

class CommandRunner final {
 public:
  // `argv` runs directly; a single string runs through /bin/sh -c.
  CommandRunner(std::vector<std::string> argv, double timeout_seconds);
  ~CommandRunner();
  CommandRunner(const CommandRunner&) = delete;
  CommandRunner& operator=(const CommandRunner&) = delete;

  // Sends every input and reads as many outputs (nullopt for NULL). Starts the program on
  // first use. Errors: kUnavailable when it cannot start or dies, kDeadlineExceeded when
  // silent, kDataLoss for a malformed exchange; *failed_index tells which value.
  Status Exchange(std::span<const Cell> inputs, std::vector<std::optional<std::string>>* outputs,
                  size_t* failed_index);
  // Closes the program's stdin and waits for it; an exit status other than 0 or extra output
  // is an error.
  Status Close();
  std::string Describe() const;  // "command \"prog\"" for messages

 private:
  Status Start();
  Status Pump(std::string_view in, size_t want, std::vector<std::string>* lines);

  std::vector<std::string> argv_;
  double timeout_;
  pid_t pid_ = -1;
  int in_fd_ = -1;       // our end of its stdin
  int out_fd_ = -1;      // our end of its stdout
  std::string pending_;  // bytes read past the last complete line
};

// The line protocol's escaping, exposed for tests.
void EncodeCommandLine(const Cell& value, std::string* out);
std::optional<std::string> DecodeCommandLine(std::string_view line);

}  // namespace kanon::mask
