// OrphanGuard: cleans up after a process that dies in the middle of an upload.
//
// A multipart upload that is neither completed nor aborted stays on an S3 server, invisible and
// billed. A process can abort its own uploads on every failure path, but not when it is
// SIGKILLed. OrphanGuard forks a small watcher process at start-up; the owner reports each
// upload begun and finished over a socket; when it closes (the owner exited or was killed),
// the watcher runs the cleanup for every upload still open, then exits. The watcher ignores
// SIGINT, SIGTERM, SIGHUP and SIGPIPE, holds /dev/null as stdin and stdout (so it never keeps a
// pipeline open), and lives only as long as its owner.
//
// Start must be called while the process has a single thread (fork copies one thread); the
// cleanup then runs in the watcher with a copy of the owner's memory as of the fork, so it must
// not reuse connections the owner opened (build a fresh transport). Add and Remove are
// thread-safe. Records are single lines (no '\n').
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"

namespace kanon::store {

class OrphanGuard final {
 public:
  using Cleanup = std::function<void(const std::string& record)>;

  static Result<std::unique_ptr<OrphanGuard>> Start(Cleanup cleanup);
  // Closes the socket and waits for the watcher, which cleans up records still open.
  ~OrphanGuard();
  OrphanGuard(const OrphanGuard&) = delete;
  OrphanGuard& operator=(const OrphanGuard&) = delete;

  void Add(std::string_view record);
  void Remove(std::string_view record);
  pid_t watcher_pid() const { return pid_; }

 private:
  OrphanGuard(int fd, pid_t pid) : fd_(fd), pid_(pid) {}
  void Send(char op, std::string_view record);

  std::mutex mu_;
  int fd_;
  pid_t pid_;
};

}  // namespace kanon::store
