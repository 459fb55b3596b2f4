// Journal: the append-only change log that lets several processes share one state directory.
//
// Every write to the store appends one line, before the object file changes:
//   {"rv":"42","type":"MODIFIED","resource":"pods","namespace":"default","name":"db-0"}
// (DELETED lines also carry the deleted object). A process that reads the lines appended since
// its last look knows exactly which objects to reload, so its in-memory copy stays current
// without rescanning the directory. The file is rotated to `journal.1` past a size limit; the
// new file opens with a BOOKMARK line holding the last resourceVersion, so a reader that missed a
// whole file notices the gap. Lines cut short by a killed writer are skipped.
//
// Not thread-safe; Append and Rotate need the directory lock (StateDir::Lock), Read does too when
// the caller needs a consistent picture.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::kube::embedded {

using value::Value;

struct JournalEntry {
  int64_t rv = 0;
  std::string type;      // ADDED, MODIFIED, DELETED, BOOKMARK
  std::string resource;  // Gvr::Qualified(): "pods", "statefulsets.apps"
  std::string ns;
  std::string name;
  Value object;  // DELETED only: the last state
};

class Journal final {
 public:
  // Opens (creating when missing) the journal at `path`, positioned at its start.
  static Result<std::unique_ptr<Journal>> Open(std::string path, size_t rotate_bytes = 1 << 20);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // The complete lines appended since the last call (following a rotation). `*gap` is set when
  // entries may have been missed (a rotation skipped a whole file, or resourceVersions jump).
  Result<std::vector<JournalEntry>> ReadNew(bool* gap);
  // Appends one entry; call right after ReadNew under the lock. Rotates when the file is large.
  Status Append(const JournalEntry& entry);
  // The highest resourceVersion seen so far (read or written).
  int64_t last_rv() const { return last_rv_; }

 private:
  Journal(std::string path, size_t rotate_bytes) : path_(std::move(path)), limit_(rotate_bytes) {}
  Status OpenCurrent();
  Status Rotate();
  bool Rotated() const;
  void ParseLines(std::vector<JournalEntry>* out, bool* gap);

  std::string path_;
  size_t limit_;
  int fd_ = -1;
  uint64_t ino_ = 0;
  uint64_t offset_ = 0;
  std::string partial_;
  int64_t last_rv_ = 0;
};

std::string EncodeEntry(const JournalEntry& entry);
// Fails on a malformed line.
Result<JournalEntry> DecodeEntry(std::string_view line);

}  // namespace kanon::kube::embedded
