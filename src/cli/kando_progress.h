// ProgressLine: kando's progress display and its final byte count.
//
// On a terminal (stderr is a TTY) Update redraws one line at most five times a second: bytes
// moved, rate and, when the total is known, percent and ETA. Finish clears that line. The
// summary line ("kando: pushed N bytes to ...") is printed by the caller whether or not stderr is
// a terminal, so scripts and the phase runner can read it. Update is thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace kanon::cli {

// "1.5 GiB", "12.0 MiB", "512 B".
std::string HumanBytes(double bytes);

class ProgressLine final {
 public:
  // `verb` starts the line ("pushing"); `fd` is where it is drawn (2); `enabled` false makes
  // Update a no-op (not a terminal).
  ProgressLine(std::string verb, int fd, bool enabled);

  void Update(uint64_t done, uint64_t total);
  void Finish();
  double elapsed_seconds() const;

  // The line Update would draw, for tests.
  static std::string Format(std::string_view verb, uint64_t done, uint64_t total, double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  std::string verb_;
  int fd_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
  std::mutex mu_;
};

}  // namespace kanon::cli
