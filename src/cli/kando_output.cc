#include "cli/kando_output.h"

#include <CLI/CLI.hpp>
#include <cctype>

#include "value/json.h"

namespace kanon::cli {

CLI::App* AddOutputCommand(CLI::App* kando, OutputFlags* flags) {
  CLI::App* cmd = kando->add_subcommand(
      "output", "Create phase output with the given key and value (###Phase-output### line)");
  cmd->add_option("key", flags->key, "Output name: letters, digits and _")->required();
  cmd->add_option("value", flags->value, "Output value (a string)")->required();
  return cmd;
}

Result<std::string> PhaseOutputLine(std::string_view key, std::string_view value) {
  if (key.empty()) return InvalidArgument("the key should not be empty");
  for (unsigned char c : key) {
    if (!(std::isalnum(c) || c == '_')) {
      return InvalidArgument("key \"" + std::string(key) +
                             "\" should contain only alphanumeric characters and underscore");
    }
  }
  value::Map m;
  m["key"] = value::Value(key);
  m["value"] = value::Value(value);
  ASSIGN_OR_RETURN(std::string json, value::ToJson(value::Value::FromMap(std::move(m))));
  return "###Phase-output###: " + json;
}

int RunOutput(const OutputFlags& flags, std::ostream& out, std::ostream& err) {
  Result<std::string> line = PhaseOutputLine(flags.key, flags.value);
  if (!line.ok()) {
    err << "kando output: " << line.status().message() << "\n";
    return 69;
  }
  out << *line << "\n" << std::flush;
  return out ? 0 : 69;
}

}  // namespace kanon::cli
