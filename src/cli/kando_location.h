// `kando location push|pull|delete`: move a stream between a pipe or file and the object store
// a Profile names, command-line compatible with Kanister's kando (reference/kanister.md 6).
//
//   kando location push  --profile JSON --path P <file|->   (stdin must be a pipe or a file)
//   kando location pull  --profile JSON --path P <file|->
//   kando location delete --profile JSON --path P            (deletes every key under the prefix)
//
// The object key is path.Join(Location.prefix, --path). Push makes the object visible only when
// complete; pull into a file writes a temporary file beside it and renames it on success. On a
// terminal a progress line is drawn on stderr; the last stderr line always states the result
// ("kando: pushed N bytes to key ..."). Stdout carries only pulled data. Any failure exits 69
// with one message naming the store and the key, never a credential.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kanon {
class Logger;
}

namespace kanon::cli {

struct LocationFlags {
  std::string profile;
  std::string path;
  std::string repository_server;
  std::string output_name = "kandoOutput";
  std::string kopia_snapshot;
  std::string backup_id;
  std::string source;  // push
  std::string target;  // pull
};

struct LocationCommands {
  CLI::App* location = nullptr;
  CLI::App* push = nullptr;
  CLI::App* pull = nullptr;
  CLI::App* del = nullptr;
};

LocationCommands AddLocationCommand(CLI::App* kando, LocationFlags* flags);

// The standard descriptors and the logger kando runs with (tests pass their own).
struct KandoIo {
  int in_fd = 0;
  int out_fd = 1;
  int err_fd = 2;
  Logger* logger = nullptr;
};

enum class LocationOp { kPush, kPull, kDelete };

// Runs one location subcommand; returns the exit code (0, or 69 on any failure).
int RunLocation(LocationOp op, const LocationFlags& flags, const KandoIo& io);

}  // namespace kanon::cli
