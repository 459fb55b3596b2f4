// DumpParser: one dump format's scanner, from an Input to an Output through a DumpHandler.
#pragma once

#include "base/status.h"

namespace kanon::mask {

class DumpParser {
 public:
  virtual ~DumpParser() = default;
  // Scans the whole input, writing the (masked) dump. Returns the first fatal error: a
  // malformed or truncated dump, a value a rule cannot mask, an I/O error. When the handler
  // reports failed(), the parser calls Abort() itself and scans on without writing.
  virtual Status Run() = 0;
  // Ends the output so that a loader fed with it fails instead of loading a partial dump
  // (psql with ON_ERROR_STOP, mariadb without --force), then stops writing. Idempotent.
  virtual void Abort() = 0;
};

}  // namespace kanon::mask
