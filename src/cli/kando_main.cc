#include "cli/kando_main.h"

#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstring>
#include <iostream>
#include <string_view>

#include "base/log.h"
#include "cli/kando_location.h"
#include "cli/kando_output.h"

namespace kanon::cli {
namespace {

constexpr int kExitFailure = 69;

void Blank(char* s) { std::memset(s, '*', std::strlen(s)); }

}  // namespace

void ScrubProfileArgs(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") return;
    if ((a == "--profile" || a == "-p") && i + 1 < argc) {
      Blank(argv[++i]);
    } else if (a.starts_with("--profile=")) {
      Blank(argv[i] + std::strlen("--profile="));
    } else if (a.starts_with("-p") && a.size() > 2 && a[2] != '-') {
      Blank(argv[i] + 2);  // -pVALUE
    }
  }
}

int KandoMain(int argc, char** argv) {
  // A closed stdout pipe becomes an EPIPE error with a message, not a silent death.
  ::signal(SIGPIPE, SIG_IGN);
  CLI::App app{
      "kando: Kanister-compatible data mover (object-store push, pull, delete; phase "
      "output)"};
  app.require_subcommand(1);
  app.fallthrough();
  std::string verbosity = "warning";
  app.add_option("-v,--verbosity", verbosity, "Log level: debug, info, warning, error");
  LocationFlags location_flags;
  LocationCommands location = AddLocationCommand(&app, &location_flags);
  OutputFlags output_flags;
  CLI::App* output = AddOutputCommand(&app, &output_flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    ScrubProfileArgs(argc, argv);
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitFailure;
  }
  ScrubProfileArgs(argc, argv);
  LogLevel level;
  if (!ParseLogLevel(verbosity, &level)) {
    std::cerr << "kando: --verbosity \"" << verbosity
              << "\": expected debug, info, warning or error\n";
    return kExitFailure;
  }
  Logger logger(level);
  if (output->parsed()) return RunOutput(output_flags, std::cout, std::cerr);
  KandoIo io;
  io.logger = &logger;
  if (location.push->parsed()) return RunLocation(LocationOp::kPush, location_flags, io);
  if (location.pull->parsed()) return RunLocation(LocationOp::kPull, location_flags, io);
  if (location.del->parsed()) return RunLocation(LocationOp::kDelete, location_flags, io);
  return kExitFailure;
}

}  // namespace kanon::cli
