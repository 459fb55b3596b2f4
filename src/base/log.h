// Logging with redaction.
//
// A Logger writes one line per message ("2026-01-02T03:04:05.123Z level message k=v ...") to a
// sink (stderr by default). Every secret registered with the Redactor is replaced by
// "[REDACTED]" in the message and in every field before the line is written, so a credential
// that reaches a log call by mistake still never reaches the log. Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kanon {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Parses "debug", "info", "warning"/"warn", "error"; false if unknown.
bool ParseLogLevel(std::string_view s, LogLevel* level);

// The set of secret values that must never appear in output. Thread-safe.
class Redactor final {
 public:
  // Registers a secret; values shorter than 4 bytes are ignored (they would mask ordinary text).
  void Add(std::string_view secret);
  // Returns `text` with every registered secret replaced by "[REDACTED]".
  std::string Redact(std::string_view text) const;
  bool empty() const;

 private:
  mutable std::mutex mu_;
  std::set<std::string, std::greater<>> secrets_;  // longest-first matters less than determinism
};

using LogField = std::pair<std::string, std::string>;

class Logger final {
 public:
  using Sink = std::function<void(std::string_view line)>;

  // Logs to stderr at `level` and above.
  explicit Logger(LogLevel level = LogLevel::kInfo);
  Logger(LogLevel level, Sink sink);

  void set_level(LogLevel level) { level_ = level; }
  LogLevel level() const { return level_; }
  Redactor& redactor() { return redactor_; }

  void Log(LogLevel level, std::string_view message, const std::vector<LogField>& fields = {});
  void Debug(std::string_view m, const std::vector<LogField>& f = {}) {
    Log(LogLevel::kDebug, m, f);
  }
  void Info(std::string_view m, const std::vector<LogField>& f = {}) { Log(LogLevel::kInfo, m, f); }
  void Warn(std::string_view m, const std::vector<LogField>& f = {}) {
    Log(LogLevel::kWarning, m, f);
  }
  void Error(std::string_view m, const std::vector<LogField>& f = {}) {
    Log(LogLevel::kError, m, f);
  }

 private:
  LogLevel level_;
  Sink sink_;
  Redactor redactor_;
  std::mutex mu_;
};

}  // namespace kanon
