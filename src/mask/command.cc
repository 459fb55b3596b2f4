#include "mask/command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace kanon::mask {
namespace {

void CloseFd(int* fd) {
  if (*fd >= 0) ::close(*fd);
  *fd = -1;
}

std::string ExitText(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "stopped";
}

}  // namespace

void EncodeCommandLine(const Cell& value, std::string* out) {
  if (value.null) {
    out->append("\\N\n");
    return;
  }
  for (char c : value.text) {
    if (c == '\\')
      out->append("\\\\");
    else if (c == '\n')
      out->append("\\n");
    else if (c == '\r')
      out->append("\\r");
    else
      out->push_back(c);
  }
  out->push_back('\n');
}

std::optional<std::string> DecodeCommandLine(std::string_view line) {
  if (line == "\\N") return std::nullopt;
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 == line.size()) {
      out.push_back(line[i]);
      continue;
    }
    char c = line[++i];
    out.push_back(c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
  }
  return out;
}

CommandRunner::CommandRunner(std::vector<std::string> argv, double timeout_seconds)
    : argv_(std::move(argv)), timeout_(timeout_seconds) {
  if (argv_.size() == 1) argv_ = {"/bin/sh", "-c", argv_[0]};
}

CommandRunner::~CommandRunner() {
  CloseFd(&in_fd_);
  CloseFd(&out_fd_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int st = 0;
    ::waitpid(pid_, &st, 0);
  }
}

std::string CommandRunner::Describe() const { return "command \"" + argv_.back() + "\""; }

Status CommandRunner::Start() {
  int to_child[2], from_child[2];
  if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) {
    return Unavailable(Describe() + ": pipe: " + std::strerror(errno));
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&fa, from_child[1], 1);
  std::vector<char*> args;
  for (std::string& a : argv_) args.push_back(a.data());
  args.push_back(nullptr);
  std::vector<std::string> env_store{"PYTHONUNBUFFERED=1"};
  std::vector<char*> env{env_store[0].data()};
  for (char** e = environ; *e; ++e) env.push_back(*e);
  env.push_back(nullptr);
  int rc = ::posix_spawnp(&pid_, args[0], &fa, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&fa);
  ::close(to_child[0]);
  ::close(from_child[1]);
  in_fd_ = to_child[1];
  out_fd_ = from_child[0];
  if (rc != 0) {
    pid_ = -1;
    return Unavailable(Describe() + ": cannot start: " + std::strerror(rc));
  }
  ::fcntl(in_fd_, F_SETFL, O_NONBLOCK);
  ::fcntl(out_fd_, F_SETFL, O_NONBLOCK);
  ::signal(SIGPIPE, SIG_IGN);
  return OkStatus();
}

// Writes `in` while reading lines until `want` lines arrived.
Status CommandRunner::Pump(std::string_view in, size_t want, std::vector<std::string>* lines) {
  using Clock = std::chrono::steady_clock;
  auto last_progress = Clock::now();
  char buf[65536];
  while (lines->size() < want) {
    pollfd fds[2] = {{out_fd_, POLLIN, 0}, {in_fd_, POLLOUT, 0}};
    int n = ::poll(fds, in.empty() ? 1 : 2, 200);
    if (n < 0 && errno != EINTR) return Unavailable(Describe() + ": poll failed");
    if (!in.empty() && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = ::write(in_fd_, in.data(), in.size());
      if (w < 0 && errno != EAGAIN && errno != EINTR) {
        return Unavailable(Describe() + " stopped reading its input (" + std::strerror(errno) +
                           ")");
      }
      if (w > 0) in.remove_prefix(static_cast<size_t>(w)), last_progress = Clock::now();
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t r = ::read(out_fd_, buf, sizeof(buf));
      if (r == 0) return Unavailable(Describe() + " closed its output early");
      if (r > 0) {
        last_progress = Clock::now();
        pending_.append(buf, static_cast<size_t>(r));
        size_t start = 0, lf;
        while ((lf = pending_.find('\n', start)) != std::string::npos) {
          lines->emplace_back(pending_, start, lf - start);
          start = lf + 1;
        }
        pending_.erase(0, start);
      }
    }
    std::chrono::duration<double> idle = Clock::now() - last_progress;
    if (idle.count() > timeout_) {
      return DeadlineExceeded(Describe() + " wrote no line for " +
                              std::to_string(static_cast<int>(timeout_)) +
                              " s; it must write one line per input line and flush each "
                              "(python3 -u, stdbuf -oL, sed -u)");
    }
  }
  if (lines->size() > want) return DataLoss(Describe() + " wrote more lines than it was given");
  return OkStatus();
}

Status CommandRunner::Exchange(std::span<const Cell> inputs,
                               std::vector<std::optional<std::string>>* outputs,
                               size_t* failed_index) {
  *failed_index = 0;
  if (pid_ < 0) RETURN_IF_ERROR(Start());
  std::string data;
  for (const Cell& c : inputs) EncodeCommandLine(c, &data);
  std::vector<std::string> lines;
  Status st = Pump(data, inputs.size(), &lines);
  outputs->clear();
  for (const std::string& l : lines) outputs->push_back(DecodeCommandLine(l));
  *failed_index = lines.size();
  return st;
}

Status CommandRunner::Close() {
  if (pid_ < 0) return OkStatus();
  CloseFd(&in_fd_);
  std::vector<std::string> extra;
  char buf[4096];
  while (true) {
    pollfd fd{out_fd_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(timeout_ * 1000)) <= 0) break;
    ssize_t r = ::read(out_fd_, buf, sizeof(buf));
    if (r <= 0) break;
    pending_.append(buf, static_cast<size_t>(r));
  }
  CloseFd(&out_fd_);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  if (!pending_.empty()) return DataLoss(Describe() + " wrote more lines than it was given");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Unavailable(Describe() + " " + ExitText(status));
  }
  return OkStatus();
}

}  // namespace kanon::mask
