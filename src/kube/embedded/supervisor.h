// The container supervisor: a small detached process that runs one container's command, waits
// for it, restarts it as the pod's restartPolicy says, and records each transition in a file.
//
// LaunchSupervised double-forks: the intermediate child starts a new session and forks the
// supervisor, then exits, so the supervisor belongs to no kanon process and keeps running when
// the kanon command that created the pod exits. The supervisor forks the container (its own
// process group, stdin /dev/null, stdout and stderr appended to the log file, killed by the
// kernel if the supervisor dies) and writes a ContainerRecord atomically (temporary file and
// rename) whenever the state changes. Nothing after fork allocates or takes a lock: everything
// the children need is prepared beforehand, and they use async-signal-safe calls only.
//
// Stopping: create the stop file, then signal the container's process group; the supervisor
// sees the file and records a final state instead of restarting. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "kube/embedded/process.h"

namespace kanon::kube::embedded {

enum class RestartPolicy { kNever, kOnFailure, kAlways };

struct LaunchSpec {
  std::string executable;         // absolute path
  std::vector<std::string> argv;  // argv[0] included
  std::vector<std::string> env;   // "NAME=value"
  std::string work_dir;
  std::string log_path;
  std::string record_path;
  std::string stop_path;
  RestartPolicy restart = RestartPolicy::kNever;
  int restarts = 0;  // restarts already counted (a relaunch after a lost supervisor)
};

struct ContainerRecord {
  enum class State { kRunning, kWaiting, kTerminated };
  State state = State::kWaiting;
  int exit_code = 0;  // the last exit: status, or 128+signal
  int restarts = 0;
  int start_errno = 0;  // non-zero: the command could not be started (execve failed)
  ProcessId supervisor;
  ProcessId process;       // the container's current (or last) process, its group leader
  int64_t started_at = 0;  // unix seconds
  int64_t finished_at = 0;
};

// Starts the container under a new supervisor and returns once the supervisor has written its
// first record (the command runs, or could not start). Internal when fork fails.
Status LaunchSupervised(const LaunchSpec& spec);

// NotFound when there is no record yet; DataLoss when it cannot be parsed.
Result<ContainerRecord> ReadRecord(const std::string& path);
// Writes a record from this process (used for containers that never get a supervisor).
Status WriteRecord(const std::string& path, const ContainerRecord& record);

}  // namespace kanon::kube::embedded
