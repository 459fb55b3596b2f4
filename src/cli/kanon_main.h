// The `kanon` command line: subcommand wiring. Each subcommand lives in its own file.
#pragma once

namespace kanon::cli {

// Parses argv, runs the chosen subcommand and returns the process exit code.
int KanonMain(int argc, char** argv);

}  // namespace kanon::cli
