// `kanon mask` / `kando mask`: mask a database dump from stdin to stdout with a policy, check
// a policy against a dump, or verify that a masked dump leaks no original value.
//
//   kanon mask --policy FILE [--check] [--stats] < dump.sql > masked.sql
//   kanon mask verify --policy FILE --original dump.sql --masked masked.sql
//
// Exit codes: mask and --check: 0 done, 1 failed (the error says what, where and why; a partial
// output ends with a line that makes psql or mariadb fail). verify: 0 no leak, 1 a leak, 2 the
// check itself failed.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kanon::cli {

struct MaskFlags {
  std::string policy;                      // --policy FILE
  bool check = false;                      // --check: read the whole dump, write nothing, report
  bool stats = false;                      // --stats: rows in/out per table on stderr
  std::string format = "auto";             // --format auto|postgres|mysql
  int64_t max_row_mib = 256;               // --max-row-mib: most bytes held for one row
  int64_t max_unique_values = 50'000'000;  // --max-unique-values per unique column
  bool verify = false;                     // the verify subcommand was given
  std::string verify_policy;               // verify --policy
  std::string original;                    // verify --original
  std::string masked;                      // verify --masked
};

// Adds `mask` (with its `verify` subcommand) to `app`; `flags` receives the options.
CLI::App* AddMaskCommand(CLI::App* app, MaskFlags* flags);

// Runs it. `in`/`out` are the dump streams (std::cin/std::cout are read and written through
// their file descriptors, unbuffered by iostreams); messages go to `err`.
int RunMask(const MaskFlags& flags, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kanon::cli
