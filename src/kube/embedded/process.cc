#include "kube/embedded/process.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace kanon::kube::embedded {
namespace {

// Writes "/proc/<pid>/stat" into `buf` without allocating.
void StatPath(pid_t pid, char* buf) {
  const char prefix[] = "/proc/";
  char digits[24];
  int n = 0;
  for (unsigned long v = static_cast<unsigned long>(pid); v > 0 || n == 0; v /= 10) {
    digits[n++] = static_cast<char>('0' + v % 10);
  }
  char* p = buf;
  for (const char* s = prefix; *s; ++s) *p++ = *s;
  while (n > 0) *p++ = digits[--n];
  for (const char* s = "/stat"; *s; ++s) *p++ = *s;
  *p = '\0';
}

}  // namespace

uint64_t ProcStartTicks(pid_t pid) {
  if (pid <= 0) return 0;
  char path[64];
  StatPath(pid, path);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so fields are counted from
  // the last ')'. The state is field 3 and the start time field 22.
  ssize_t i = n - 1;
  while (i >= 0 && buf[i] != ')') --i;
  if (i < 0) return 0;
  int field = 2;
  uint64_t start = 0;
  for (++i; i < n; ++i) {
    if (buf[i] == ' ') {
      ++field;
      continue;
    }
    if (field == 3 && (buf[i] == 'Z' || buf[i] == 'X')) return 0;
    if (field == 22) {
      if (buf[i] < '0' || buf[i] > '9') break;
      start = start * 10 + static_cast<uint64_t>(buf[i] - '0');
    }
    if (field > 22) break;
  }
  return start;
}

ProcessId IdentifyProcess(pid_t pid) { return ProcessId{pid, ProcStartTicks(pid)}; }

bool IsAlive(const ProcessId& id) { return id.valid() && ProcStartTicks(id.pid) == id.start_ticks; }

void SignalGroup(const ProcessId& id, int sig, bool even_if_leader_gone) {
  if (id.pid <= 1) return;
  if (IsAlive(id) || even_if_leader_gone) kill(-id.pid, sig);
}

}  // namespace kanon::kube::embedded
