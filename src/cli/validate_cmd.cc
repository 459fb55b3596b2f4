#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/kanon_commands.h"
#include "engine/function.h"
#include "engine/validate.h"
#include "model/types.h"

namespace kanon::cli {

CLI::App* AddValidateCommand(CLI::App* app, ValidateFlags* f) {
  CLI::App* cmd = app->add_subcommand(
      "validate",
      "Check blueprints statically: templates parse, functions and their arguments exist, phase "
      "names are unique, phase outputs and artifacts read are written somewhere. Reports every "
      "problem at once; exit 1 if any.\nExample: kanon validate -f "
      "examples/postgres/blueprint.yaml");
  cmd->add_option("-f,--filename", f->files, "blueprint file or directory")->required();
  return cmd;
}

int RunValidate(const ValidateFlags& f, std::ostream& out, std::ostream& err) {
  auto docs = ReadManifests(f.files);
  if (!docs.ok()) {
    err << "error: " << docs.status().message() << "\n";
    return 1;
  }
  int problems = 0, blueprints = 0;
  for (const auto& [file, obj] : *docs) {
    const value::Value* kind = obj.Find("kind");
    if (!kind || kind->kind() != value::Kind::kString || kind->AsString() != "Blueprint") continue;
    ++blueprints;
    auto bp = model::DecodeBlueprint(obj);
    if (!bp.ok()) {
      err << file << ": " << bp.status().message() << "\n";
      ++problems;
      continue;
    }
    for (const auto& p : engine::ValidateBlueprint(*bp, engine::BuiltinRegistry())) {
      err << file << ": blueprint \"" << bp->name() << "\": " << p << "\n";
      ++problems;
    }
  }
  if (blueprints == 0) {
    err << "error: no Blueprint found in " << f.files.size() << " path(s)\n";
    return 1;
  }
  if (problems > 0) {
    err << problems << " problem(s) in " << blueprints << " blueprint(s)\n";
    return 1;
  }
  out << blueprints << " blueprint(s) valid\n";
  return 0;
}

}  // namespace kanon::cli
