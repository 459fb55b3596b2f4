#include "kube/embedded/supervisor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <sstream>

#include "kube/embedded/state_dir.h"

namespace kanon::kube::embedded {
namespace {

// Everything the forked children use, prepared before fork (no allocation after it).
struct Prepared {
  const LaunchSpec* spec;
  std::vector<char*> argv;
  std::vector<char*> envp;
  std::string record_tmp;
};

// A fixed buffer that formats a record line without allocating.
struct LineBuffer {
  char data[256];
  size_t len = 0;
  void Add(const char* s) {
    while (*s && len < sizeof data - 1) data[len++] = *s++;
  }
  void Add(int64_t v) {
    char digits[24];
    int n = 0;
    bool negative = v < 0;
    uint64_t u = negative ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
    do {
      digits[n++] = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u > 0);
    if (negative) Add("-");
    while (n > 0 && len < sizeof data - 1) data[len++] = digits[--n];
  }
};

const char* StateName(ContainerRecord::State s) {
  switch (s) {
    case ContainerRecord::State::kRunning:
      return "running";
    case ContainerRecord::State::kWaiting:
      return "waiting";
    case ContainerRecord::State::kTerminated:
      return "terminated";
  }
  return "waiting";
}

void FormatRecord(const ContainerRecord& r, LineBuffer* b) {
  b->Add(StateName(r.state));
  for (int64_t v : {int64_t{r.exit_code}, int64_t{r.restarts}, int64_t{r.start_errno},
                    int64_t{r.supervisor.pid}, static_cast<int64_t>(r.supervisor.start_ticks),
                    int64_t{r.process.pid}, static_cast<int64_t>(r.process.start_ticks),
                    r.started_at, r.finished_at}) {
    b->Add(" ");
    b->Add(v);
  }
  b->Add("\n");
}

// Async-signal-safe: used by the supervisor.
void WriteRecordRaw(const Prepared& p, const ContainerRecord& r) {
  LineBuffer b;
  FormatRecord(r, &b);
  int fd = open(p.record_tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ssize_t ignored = write(fd, b.data, b.len);
  (void)ignored;
  close(fd);
  rename(p.record_tmp.c_str(), p.spec->record_path.c_str());
}

int64_t Now() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts.tv_sec;
}

void ResetSignals(bool supervisor) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, nullptr);
  }
  if (supervisor) {
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    for (int sig : {SIGPIPE, SIGHUP, SIGINT, SIGQUIT, SIGTERM}) sigaction(sig, &ign, nullptr);
  }
}

[[noreturn]] void RunContainer(const Prepared& p, int log_fd, int err_fd) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  ResetSignals(false);
  dup2(log_fd, 1);
  dup2(log_fd, 2);
  int err = 0;
  if (chdir(p.spec->work_dir.c_str()) != 0) {
    err = errno;
  } else {
    execve(p.spec->executable.c_str(), p.argv.data(), p.envp.data());
    err = errno;
  }
  ssize_t ignored = write(err_fd, &err, sizeof err);
  (void)ignored;
  _exit(127);
}

bool Stopped(const Prepared& p) { return access(p.spec->stop_path.c_str(), F_OK) == 0; }

// Sleeps `ms` in short steps; false if the stop file appeared meanwhile.
bool Backoff(const Prepared& p, int ms) {
  for (int waited = 0; waited < ms; waited += 100) {
    if (Stopped(p)) return false;
    timespec step{0, 100 * 1000 * 1000};
    nanosleep(&step, nullptr);
  }
  return !Stopped(p);
}

[[noreturn]] void RunSupervisor(const Prepared& p, int handshake) {
  // Keep only the handshake pipe, moved above the descriptors 0-2 are about to take.
  int hs = fcntl(handshake, F_DUPFD_CLOEXEC, 10);
  if (hs >= 10) close_range(3, static_cast<unsigned>(hs - 1), 0);
  close_range(hs >= 10 ? static_cast<unsigned>(hs + 1) : 3, ~0U, 0);
  int devnull = open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) dup2(devnull, fd);
  if (devnull > 2) close(devnull);
  ResetSignals(true);
  int log_fd = open(p.spec->log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  ContainerRecord rec;
  rec.restarts = p.spec->restarts;
  rec.supervisor = IdentifyProcess(getpid());
  int backoff_ms = 500;
  while (true) {
    int err_pipe[2];
    if (pipe2(err_pipe, O_CLOEXEC) != 0) _exit(1);
    pid_t pid = fork();
    if (pid == 0) RunContainer(p, log_fd, err_pipe[1]);
    close(err_pipe[1]);
    if (pid > 0) setpgid(pid, pid);
    int err = pid < 0 ? errno : 0;
    ssize_t n = pid < 0 ? 0 : -1;
    while (pid > 0 && (n = read(err_pipe[0], &err, sizeof err)) < 0 && errno == EINTR) {
    }
    close(err_pipe[0]);
    rec.started_at = Now();
    rec.process = pid > 0 ? IdentifyProcess(pid) : ProcessId{};
    if (pid < 0 || n == static_cast<ssize_t>(sizeof err)) {
      if (pid > 0) waitpid(pid, nullptr, 0);
      rec.state = ContainerRecord::State::kTerminated;
      rec.exit_code = 128;
      rec.start_errno = err;
      rec.finished_at = rec.started_at;
      WriteRecordRaw(p, rec);
      _exit(0);
    }
    rec.state = ContainerRecord::State::kRunning;
    WriteRecordRaw(p, rec);
    if (hs >= 0) close(hs);
    hs = -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    rec.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    rec.finished_at = Now();
    RestartPolicy policy = p.spec->restart;
    bool again = policy == RestartPolicy::kAlways ||
                 (policy == RestartPolicy::kOnFailure && rec.exit_code != 0);
    if (rec.finished_at - rec.started_at > 60) backoff_ms = 500;
    rec.state = ContainerRecord::State::kWaiting;
    if (again && !Stopped(p)) WriteRecordRaw(p, rec);
    if (!again || !Backoff(p, backoff_ms)) {
      rec.state = ContainerRecord::State::kTerminated;
      WriteRecordRaw(p, rec);
      _exit(0);
    }
    backoff_ms = backoff_ms * 2 > 30000 ? 30000 : backoff_ms * 2;
    ++rec.restarts;
  }
}

Prepared Prepare(const LaunchSpec& spec) {
  Prepared p{&spec, {}, {}, spec.record_path + ".tmp"};
  for (const auto& a : spec.argv) p.argv.push_back(const_cast<char*>(a.c_str()));
  p.argv.push_back(nullptr);
  for (const auto& e : spec.env) p.envp.push_back(const_cast<char*>(e.c_str()));
  p.envp.push_back(nullptr);
  return p;
}

}  // namespace

Status LaunchSupervised(const LaunchSpec& spec) {
  Prepared p = Prepare(spec);
  int hs[2];
  if (pipe2(hs, O_CLOEXEC) != 0) return Internal(std::string("pipe: ") + std::strerror(errno));
  pid_t mid = fork();
  if (mid == 0) {
    setsid();
    pid_t sup = fork();
    if (sup != 0) _exit(sup < 0 ? 1 : 0);
    RunSupervisor(p, hs[1]);
  }
  close(hs[1]);
  if (mid < 0) {
    close(hs[0]);
    return Internal(std::string("fork: ") + std::strerror(errno));
  }
  int status = 0;
  while (waitpid(mid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    close(hs[0]);
    return Internal("fork: the container supervisor could not be started");
  }
  // EOF on the handshake pipe: the supervisor wrote its first record (or died).
  pollfd pfd{hs[0], POLLIN, 0};
  char byte;
  while (poll(&pfd, 1, 10000) > 0 && read(hs[0], &byte, 1) > 0) {
  }
  close(hs[0]);
  return OkStatus();
}

Result<ContainerRecord> ReadRecord(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::istringstream in(text);
  std::string state;
  ContainerRecord r;
  in >> state >> r.exit_code >> r.restarts >> r.start_errno >> r.supervisor.pid >>
      r.supervisor.start_ticks >> r.process.pid >> r.process.start_ticks >> r.started_at >>
      r.finished_at;
  if (!in) return DataLoss("malformed container record \"" + path + "\"");
  if (state == "running") {
    r.state = ContainerRecord::State::kRunning;
  } else if (state == "terminated") {
    r.state = ContainerRecord::State::kTerminated;
  } else {
    r.state = ContainerRecord::State::kWaiting;
  }
  return r;
}

Status WriteRecord(const std::string& path, const ContainerRecord& record) {
  LineBuffer b;
  FormatRecord(record, &b);
  return WriteFileAtomic(path, std::string_view(b.data, b.len));
}

}  // namespace kanon::kube::embedded
