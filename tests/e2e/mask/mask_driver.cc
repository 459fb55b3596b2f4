// kanon_mask_dev: `kanon mask` on its own, so the round-trip tests and the benchmark run before
// (and without) the full kanon binary. Same command line: kanon_mask_dev mask --policy ...
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/mask_cmd.h"

int main(int argc, char** argv) {
  CLI::App app{"kanon mask, stand-alone"};
  app.require_subcommand(1);
  kanon::cli::MaskFlags flags;
  kanon::cli::AddMaskCommand(&app, &flags);
  CLI11_PARSE(app, argc, argv);
  std::ios::sync_with_stdio(false);
  return kanon::cli::RunMask(flags, std::cin, std::cout, std::cerr);
}
