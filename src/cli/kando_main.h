// The `kando` binary: the in-pod data mover, command-line compatible with Kanister's kando.
//
//   kando location push|pull|delete ...   (kando_location.h)
//   kando output KEY VALUE               (kando_output.h)
//   kando -v/--verbosity LEVEL           (log level; default warning)
//
// Every failure exits 69, as Kanister's kando does; --help exits 0. The value of --profile is
// erased from the process's argument memory as soon as it is parsed, so `ps` and
// /proc/<pid>/cmdline do not show the credentials it holds.
#pragma once

namespace kanon::cli {

int KandoMain(int argc, char** argv);

// Overwrites the values of --profile/-p in argv with '*' (same length). Exposed for tests.
void ScrubProfileArgs(int argc, char** argv);

}  // namespace kanon::cli
