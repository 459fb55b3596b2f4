// The phase-output protocol: lines `###Phase-output###: {"key":"k","value":"v"}` written by
// `kando output` to a command's stdout or a pod's log. OutputParser is fed the stream in chunks
// of any size (a marker may be split across chunks, lines may exceed 64 KiB) and collects the
// key/values; the marker may appear anywhere in a line, text after it is trimmed and parsed as
// JSON; a repeated key keeps the last value; invalid JSON after a marker is an error. Not
// thread-safe: one parser per stream.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace kanon::engine {

inline constexpr std::string_view kOutputMarker = "###Phase-output###:";

class OutputParser final {
 public:
  // Consumes a chunk; returns the first error met (later chunks are still accepted).
  Status Feed(std::string_view chunk);
  // Flushes a final line without newline.
  Status Finish();
  const std::map<std::string, std::string>& outputs() const { return outputs_; }
  // The outputs as map[string]interface{} of strings (nil when there are none, as Kanister).
  value::Value ToValue() const;
  // The last `n` complete lines seen (for error messages).
  std::string Tail(size_t n) const;

 private:
  Status Line(std::string_view line);
  std::string partial_;
  std::map<std::string, std::string> outputs_;
  std::vector<std::string> tail_;
};

// The marker line `kando output key value` prints.
std::string FormatOutputLine(std::string_view key, std::string_view value);

// Kanister's key rule for `kando output`: non-empty, [a-zA-Z0-9_]*.
bool ValidOutputKey(std::string_view key);

}  // namespace kanon::engine
