#include "store/orphan_guard.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

namespace kanon::store {
namespace {

[[noreturn]] void Watch(int fd, const OrphanGuard::Cleanup& cleanup) {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT}) ::signal(sig, SIG_IGN);
  int null_fd = ::open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    ::dup2(null_fd, 0);
    ::dup2(null_fd, 1);
    if (null_fd > 2) ::close(null_fd);
  }
  // Keep only stdio and the pipe: the watcher must not hold the owner's other files open.
  if (fd != 3) {
    ::dup2(fd, 3);
    fd = 3;
  }
  ::close_range(4, ~0U, 0);
  std::set<std::string> open;
  std::string buf;
  char chunk[4096];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buf.append(chunk, static_cast<size_t>(n));
    for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
      if (nl < 1) continue;
      std::string record = buf.substr(1, nl - 1);
      if (buf[0] == '+') open.insert(std::move(record));
      if (buf[0] == '-') open.erase(record);
    }
  }
  for (const std::string& record : open) cleanup(record);
  ::_exit(0);
}

}  // namespace

Result<std::unique_ptr<OrphanGuard>> OrphanGuard::Start(Cleanup cleanup) {
  // A socket pair rather than a pipe: send() with MSG_NOSIGNAL cannot raise SIGPIPE in the owner.
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return Internal(std::string("orphan guard: socketpair: ") + std::strerror(errno));
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return Internal(std::string("orphan guard: fork: ") + std::strerror(err));
  }
  if (pid == 0) {
    ::close(fds[1]);
    Watch(fds[0], cleanup);
  }
  ::close(fds[0]);
  return std::unique_ptr<OrphanGuard>(new OrphanGuard(fds[1], pid));
}

OrphanGuard::~OrphanGuard() {
  ::close(fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

void OrphanGuard::Send(char op, std::string_view record) {
  std::string line(1, op);
  line += record;
  line += '\n';
  std::lock_guard lock(mu_);
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::send(fd_, p, left, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the watcher is gone: nothing more we can do
    p += n;
    left -= static_cast<size_t>(n);
  }
}

void OrphanGuard::Add(std::string_view record) { Send('+', record); }
void OrphanGuard::Remove(std::string_view record) { Send('-', record); }

}  // namespace kanon::store
