// Exec into a running pod: the command runs as a host process in the pod's environment.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "kube/embedded/admission.h"
#include "kube/embedded/cluster.h"
#include "kube/embedded/cluster_txn.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

// Writes to the command's stdin without letting a closed pipe raise SIGPIPE in this process.
ssize_t WriteNoSigpipe(int fd, const char* data, size_t len) {
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  ssize_t n = write(fd, data, len);
  int saved = errno;
  if (n < 0 && saved == EPIPE) {
    timespec zero{0, 0};
    sigtimedwait(&pipe_set, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return n;
}

struct Spawned {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;
};

Result<Spawned> Spawn(const std::string& exe, const std::vector<std::string>& args,
                      const std::vector<std::string>& env, const std::string& work_dir) {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return Internal(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    return Internal(std::string("pipe: ") + std::strerror(errno));
  }
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawn_file_actions_addchdir_np(&fa, work_dir.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  Spawned s;
  int rc = posix_spawn(&s.pid, exe.c_str(), &fa, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    close(err[0]);
    return Internal("exec \"" + exe + "\": " + std::strerror(rc));
  }
  s.in = in[1];
  s.out = out[0];
  s.err = err[0];
  return s;
}

void Deliver(const ExecRequest& req, bool is_stdout, std::string_view data, ExecResult* result) {
  const auto& cb = is_stdout ? req.on_stdout : req.on_stderr;
  if (cb) {
    cb(data);
  } else {
    (is_stdout ? result->stdout_data : result->stderr_data).append(data);
  }
}

void CloseFd(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

}  // namespace

Result<ExecResult> RunHostCommand(const ExecRequest& req, const std::vector<std::string>& env,
                                  const std::string& work_dir) {
  if (req.command.empty()) return InvalidArgument("exec: no command given");
  ExecResult result;
  Result<std::string> exe = FindExecutable(req.command[0], env, work_dir);
  if (!exe.ok()) {
    result.exit_code = 127;
    Deliver(req, false, exe.status().message() + "\n", &result);
    return result;
  }
  ASSIGN_OR_RETURN(Spawned s, Spawn(*exe, req.command, env, work_dir));
  size_t written = 0;
  if (req.stdin_data.empty()) CloseFd(&s.in);
  if (s.in >= 0) fcntl(s.in, F_SETFL, O_NONBLOCK);
  bool exited = false;
  int status = 0;
  auto exited_at = std::chrono::steady_clock::now();
  char buf[65536];
  while (s.out >= 0 || s.err >= 0) {
    if (req.cancel != nullptr && req.cancel->cancelled()) {
      kill(-s.pid, SIGKILL);
      if (!exited) waitpid(s.pid, &status, 0);
      CloseFd(&s.in), CloseFd(&s.out), CloseFd(&s.err);
      return Cancelled("exec in pod " + ObjectRef(req.namespace_, req.pod) + " cancelled");
    }
    pollfd fds[3] = {{s.out, POLLIN, 0}, {s.err, POLLIN, 0}, {s.in, POLLOUT, 0}};
    int ready = poll(fds, 3, 50);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      int* fd = i == 0 ? &s.out : &s.err;
      if (*fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(*fd, buf, sizeof buf);
      if (n > 0) {
        Deliver(req, i == 0, std::string_view(buf, static_cast<size_t>(n)), &result);
      } else if (n == 0 || errno != EINTR) {
        CloseFd(fd);
      }
    }
    if (s.in >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n =
          WriteNoSigpipe(s.in, req.stdin_data.data() + written, req.stdin_data.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == req.stdin_data.size()) {
        CloseFd(&s.in);
      }
    }
    if (!exited && waitpid(s.pid, &status, WNOHANG) == s.pid) {
      exited = true;
      exited_at = std::chrono::steady_clock::now();
    }
    // A background process that inherited the pipes must not hold the exec open forever.
    if (exited && ready == 0 &&
        std::chrono::steady_clock::now() - exited_at > std::chrono::milliseconds(200)) {
      break;
    }
  }
  CloseFd(&s.in), CloseFd(&s.out), CloseFd(&s.err);
  if (!exited) {
    while (waitpid(s.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

Result<ExecResult> Cluster::Exec(const ExecRequest& req) {
  const KindInfo& pod_kind = KindNamed("Pod");
  std::string ns = req.namespace_.empty() ? "default" : req.namespace_;
  std::vector<std::string> env;
  std::string work_dir;
  {
    Txn txn(*this);
    RETURN_IF_ERROR(txn.status());
    Reconcile(txn);
    const Value* pod = store_->Get(pod_kind, ns, req.pod);
    if (pod == nullptr) return NotFoundError(pod_kind, req.pod);
    ASSIGN_OR_RETURN(Value container, PodContainer(*pod, req.container));
    std::string name = StringField(container, {"name"});
    std::string phase = StringField(*pod, {"status", "phase"});
    if (phase == "Succeeded" || phase == "Failed") {
      return FailedPrecondition(
          "cannot exec into a container in a completed pod; current phase "
          "is " +
          phase);
    }
    if (phase != "Running" || !ContainerRunning(*pod, name)) {
      return FailedPrecondition("container \"" + name + "\" in pod \"" + req.pod +
                                "\" is not running (pod phase " + phase + ")");
    }
    ASSIGN_OR_RETURN(env, ContainerEnv(*pod, container, Lookup(ns), kubelet_.bin_dir()));
    work_dir = kubelet_.WorkDir(*pod);
    Finish(txn);
  }
  ExecRequest resolved = req;
  resolved.namespace_ = ns;
  return RunHostCommand(resolved, env, work_dir);
}

}  // namespace kanon::kube::embedded
