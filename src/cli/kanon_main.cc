#include "cli/kanon_main.h"

#include <CLI/CLI.hpp>
#include <iostream>

#ifdef KANON_WITH_RUNTIME
#include "cli/kanon_commands.h"
#endif
#include "cli/tmpl_cmd.h"

namespace kanon::cli {

int KanonMain(int argc, char** argv) {
  CLI::App app{
      "kanon: Kanister-compatible data management for testing with real data, safely.\n"
      "Runs Kanister blueprints on a cluster or on one machine (--local DIR: an embedded cluster\n"
      "whose objects live in DIR and whose pods are host processes), masks dumps in flight."};
  app.require_subcommand(1);
  TmplFlags tmpl_flags;
  CLI::App* tmpl_cmd = AddTmplCommand(&app, &tmpl_flags);
#ifdef KANON_WITH_RUNTIME
  GlobalFlags global;
  app.add_option("--local", global.local_dir,
                 "state directory of the embedded cluster (default: $KANON_LOCAL or "
                 "~/.local/share/kanon/local)");
  app.add_option("-n,--namespace", global.namespace_, "namespace (default: default)")
      ->each([&](const std::string&) { global.namespace_set = true; });
  ApplyFlags apply_flags;
  GetFlags get_flags;
  DeleteFlags delete_flags;
  ValidateFlags validate_flags;
  RunFlags run_flags;
  CLI::App* apply_cmd = AddApplyCommand(&app, &apply_flags);
  CLI::App* get_cmd = AddGetCommand(&app, &get_flags);
  CLI::App* delete_cmd = AddDeleteCommand(&app, &delete_flags);
  CLI::App* validate_cmd = AddValidateCommand(&app, &validate_flags);
  CLI::App* run_cmd = AddRunCommand(&app, &run_flags);
  for (CLI::App* sub : {apply_cmd, get_cmd, delete_cmd, run_cmd}) {
    sub->fallthrough();
  }
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::ios::sync_with_stdio(false);
  if (tmpl_cmd->parsed()) return RunTmpl(tmpl_flags, std::cin, std::cout, std::cerr);
#ifdef KANON_WITH_RUNTIME
  if (apply_cmd->parsed()) return RunApply(global, apply_flags, std::cout, std::cerr);
  if (get_cmd->parsed()) return RunGet(global, get_flags, std::cout, std::cerr);
  if (delete_cmd->parsed()) return RunDelete(global, delete_flags, std::cout, std::cerr);
  if (validate_cmd->parsed()) return RunValidate(validate_flags, std::cout, std::cerr);
  if (run_cmd->parsed()) return RunRun(global, run_flags, std::cout, std::cerr);
#endif
  return 2;
}

}  // namespace kanon::cli
