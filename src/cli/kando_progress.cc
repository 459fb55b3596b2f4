#include "cli/kando_progress.h"

#include <unistd.h>

#include <cstdio>

namespace kanon::cli {

std::string HumanBytes(double bytes) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 4) {
    bytes /= 1024;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, kUnits[unit]);
  return buf;
}

ProgressLine::ProgressLine(std::string verb, int fd, bool enabled)
    : verb_(std::move(verb)), fd_(fd), enabled_(enabled) {}

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

std::string ProgressLine::Format(std::string_view verb, uint64_t done, uint64_t total,
                                 double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  std::string line = std::string(verb) + " " + HumanBytes(static_cast<double>(done));
  if (total > 0) {
    char pct[16];
    std::snprintf(pct, sizeof pct, " (%.0f%%)", 100.0 * static_cast<double>(done) / total);
    line += " of " + HumanBytes(static_cast<double>(total)) + pct;
  }
  line += "  " + HumanBytes(rate) + "/s";
  if (total > 0 && rate > 0 && done <= total) {
    const int64_t eta = static_cast<int64_t>(static_cast<double>(total - done) / rate + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "  ETA %lld:%02lld", static_cast<long long>(eta / 60),
                  static_cast<long long>(eta % 60));
    line += buf;
  }
  return line;
}

void ProgressLine::Update(uint64_t done, uint64_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  const Clock::time_point now = Clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  // \r and "erase to end of line" keep it on one terminal line.
  const std::string line = "\r" + Format(verb_, done, total, elapsed_seconds()) + "\x1b[K";
  (void)!::write(fd_, line.data(), line.size());
}

void ProgressLine::Finish() {
  std::lock_guard lock(mu_);
  if (!enabled_ || !drawn_) return;
  (void)!::write(fd_, "\r\x1b[K", 4);
  drawn_ = false;
}

}  // namespace kanon::cli
