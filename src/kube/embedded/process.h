// Host process identity and signals, for the process kubelet.
//
// A pid alone is not an identity: after a process exits its pid can be given to another one. A
// ProcessId pairs the pid with the process's start time (field 22 of /proc/<pid>/stat, in clock
// ticks since boot), which together name one process for the life of the machine. The
// functions here use only async-signal-safe system calls and no allocation, so a child between
// fork and exec (or a supervisor that never execs) may call them.
#pragma once

#include <sys/types.h>

#include <cstdint>

namespace kanon::kube::embedded {

struct ProcessId {
  pid_t pid = 0;
  uint64_t start_ticks = 0;
  bool valid() const { return pid > 0 && start_ticks > 0; }
};

// The start time of `pid`, or 0 when there is no such process or it is a zombie (exited, not
// yet reaped: for our purposes gone).
uint64_t ProcStartTicks(pid_t pid);

// The identity of a running process (start_ticks 0 when it is gone).
ProcessId IdentifyProcess(pid_t pid);

// True while the very process `id` names is running.
bool IsAlive(const ProcessId& id);

// Sends `sig` to the process group led by `id` if that leader still runs, or to the group
// anyway when `even_if_leader_gone` (its other members may outlive the leader).
void SignalGroup(const ProcessId& id, int sig, bool even_if_leader_gone);

}  // namespace kanon::kube::embedded
