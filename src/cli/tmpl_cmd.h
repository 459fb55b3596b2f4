// `kanon tmpl`: render Go templates with the Kanister function set, once or in batch.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kanon::cli {

struct TmplFlags {
  std::string params_file;    // --params: JSON object used as dot ("-" = stdin)
  std::string inline_text;    // -t
  std::string template_file;  // --template ("-" = stdin)
  bool batch = false;         // --batch: JSONL protocol on stdin/stdout
  std::string missing_key = "error";
};

// Adds the `tmpl` subcommand to `app`; `flags` receives its options.
CLI::App* AddTmplCommand(CLI::App* app, TmplFlags* flags);

// Runs the subcommand; returns the process exit code (0 ok, 1 parse error, 2 exec error,
// 3 input error), as the reference oracle does.
int RunTmpl(const TmplFlags& flags, std::istream& in, std::ostream& out, std::ostream& err);

// The batch protocol: each input line {"params":{...},"template":"..."} gives one output line
// {"ok":true,"out":"..."} or {"ok":false,"phase":"parse|exec|input","err":"..."}.
void RunTmplBatch(const TmplFlags& flags, std::istream& in, std::ostream& out);

}  // namespace kanon::cli
