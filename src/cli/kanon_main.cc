#include "cli/kanon_main.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/tmpl_cmd.h"

namespace kanon::cli {

int KanonMain(int argc, char** argv) {
  CLI::App app{
      "kanon: Kanister-compatible data management for testing with real data, safely.\n"
      "Runs Kanister blueprints on a cluster or on one machine, masks dumps in flight."};
  app.require_subcommand(1);
  TmplFlags tmpl_flags;
  CLI::App* tmpl_cmd = AddTmplCommand(&app, &tmpl_flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (tmpl_cmd->parsed()) {
    std::ios::sync_with_stdio(false);
    return RunTmpl(tmpl_flags, std::cin, std::cout, std::cerr);
  }
  return 2;
}

}  // namespace kanon::cli
