#include "base/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kanon {

bool ParseLogLevel(std::string_view s, LogLevel* level) {
  if (s == "debug")
    *level = LogLevel::kDebug;
  else if (s == "info")
    *level = LogLevel::kInfo;
  else if (s == "warning" || s == "warn")
    *level = LogLevel::kWarning;
  else if (s == "error")
    *level = LogLevel::kError;
  else
    return false;
  return true;
}

void Redactor::Add(std::string_view secret) {
  if (secret.size() < 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  secrets_.emplace(secret);
}

bool Redactor::empty() const {
  std::lock_guard<std::mutex> lock(mu_);
  return secrets_.empty();
}

std::string Redactor::Redact(std::string_view text) const {
  std::string out(text);
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& s : secrets_) {
    for (size_t pos = out.find(s); pos != std::string::npos; pos = out.find(s, pos)) {
      out.replace(pos, s.size(), "[REDACTED]");
      pos += 10;
    }
  }
  return out;
}

namespace {

const char* LevelName(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "?";
}

std::string Timestamp() {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

// Quotes a field value when it holds spaces, quotes or is empty.
std::string FieldValue(std::string_view v) {
  if (!v.empty() && v.find_first_of(" \t\n\"=") == std::string_view::npos) return std::string(v);
  std::string q = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "\"";
}

}  // namespace

Logger::Logger(LogLevel level)
    : Logger(level, [](std::string_view line) {
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
      }) {}

Logger::Logger(LogLevel level, Sink sink) : level_(level), sink_(std::move(sink)) {}

void Logger::Log(LogLevel level, std::string_view message, const std::vector<LogField>& fields) {
  if (level < level_) return;
  std::string line = Timestamp();
  line += ' ';
  line += LevelName(level);
  line += ' ';
  line += message;
  for (const auto& [k, v] : fields) {
    line += ' ';
    line += k;
    line += '=';
    line += FieldValue(v);
  }
  line = redactor_.Redact(line);
  line += '\n';
  std::lock_guard<std::mutex> lock(mu_);
  sink_(line);
}

}  // namespace kanon
