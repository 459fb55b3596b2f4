// `kando output KEY VALUE`: prints one phase-output line, as Kanister's kando does:
//   ###Phase-output###: {"key":"KEY","value":"VALUE"}
// The JSON is Go's json.Marshal of {key, value} (compact, HTML-safe escaping). KEY must be
// non-empty and hold only letters, digits and "_".
#pragma once

#include <ostream>
#include <string>

#include "base/status.h"

namespace CLI {
class App;
}

namespace kanon::cli {

struct OutputFlags {
  std::string key;
  std::string value;
};

CLI::App* AddOutputCommand(CLI::App* kando, OutputFlags* flags);

// The line without its newline; InvalidArgument for a bad key.
Result<std::string> PhaseOutputLine(std::string_view key, std::string_view value);

// Writes the line and a newline to `out`; returns the process exit code.
int RunOutput(const OutputFlags& flags, std::ostream& out, std::ostream& err);

}  // namespace kanon::cli
