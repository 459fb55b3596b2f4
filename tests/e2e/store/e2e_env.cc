#include "e2e_env.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

extern char** environ;

namespace kanon::store::e2e {
namespace {

std::map<std::string, std::string> ReadEnvFile(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const size_t eq = line.find('=');
    if (eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return out;
}

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> v;
  v.push_back(const_cast<char*>(KandoPath()));
  for (const auto& a : args) v.push_back(const_cast<char*>(a.c_str()));
  v.push_back(nullptr);
  return v;
}

std::vector<std::string> Environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string s = *e;
    if (extra.count(s.substr(0, s.find('='))) == 0) env.push_back(s);
  }
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  return env;
}

}  // namespace

const char* KandoPath() { return KANDO_BIN; }

const Services& GetServices() {
  static const Services s = [] {
    const char* path = std::getenv("KANON_SERVICES_ENV");
    const std::string file = path ? path : KANON_DEFAULT_SERVICES_ENV;
    auto env = ReadEnvFile(file);
    if (env.empty()) {
      std::cerr << "FATAL: no services file " << file
                << ": start the servers with `scripts/services.sh start` (ctest does it through "
                   "the store_services fixture)\n";
      std::abort();
    }
    Services s;
    s.s3_endpoint = env["KANON_S3_ENDPOINT"];
    s.s3_access_key = env["KANON_S3_ACCESS_KEY"];
    s.s3_secret_key = env["KANON_S3_SECRET_KEY"];
    s.s3_bucket = env["KANON_S3_BUCKET"];
    s.s3_role_arn = env["KANON_S3_ROLE_ARN"];
    s.az_endpoint = env["KANON_AZURE_ENDPOINT"];
    s.az_account = env["KANON_AZURE_ACCOUNT"];
    s.az_key = env["KANON_AZURE_KEY"];
    s.az_container = env["KANON_AZURE_CONTAINER"];
    return s;
  }();
  return s;
}

std::string UniquePrefix(const std::string& name) {
  static std::atomic<int> n{0};
  return "e2e/" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "/" + name + "/";
}

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937_64 gen(seed);
  std::string s(n, '\0');
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v = gen();
    std::memcpy(&s[i], &v, 8);
  }
  for (; i < n; ++i) s[i] = static_cast<char>(gen());
  return s;
}

std::string S3Profile(const Services& s, const std::string& prefix, const std::string& secret,
                      const std::string& endpoint) {
  return R"({"Location":{"type":"s3Compliant","bucket":")" + s.s3_bucket + R"(","endpoint":")" +
         (endpoint.empty() ? s.s3_endpoint : endpoint) + R"(","prefix":")" + prefix +
         R"(","region":"us-east-1"},"Credential":{"Type":"keyPair","KeyPair":{"ID":")" +
         s.s3_access_key + R"(","Secret":")" + (secret.empty() ? s.s3_secret_key : secret) +
         R"("},"Secret":null,"KopiaServerSecret":null},"SkipSSLVerify":false})";
}

std::string AzureProfile(const Services& s, const std::string& prefix) {
  return R"({"Location":{"type":"azure","bucket":")" + s.az_container + R"(","endpoint":")" +
         s.az_endpoint + R"(","prefix":")" + prefix + R"(","region":""},"Credential":{"Type":)" +
         R"("keyPair","KeyPair":{"ID":")" + s.az_account + R"(","Secret":")" + s.az_key +
         R"("}},"SkipSSLVerify":false})";
}

pid_t SpawnKando(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env, int* stdin_fd, int* stderr_fd) {
  int in[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  auto argv = Argv(args);
  auto envs = Environment(env);
  std::vector<char*> envp;
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, KandoPath(), &fa, nullptr, argv.data(), envp.data()) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  ::close(in[0]);
  ::close(err[1]);
  *stdin_fd = in[1];
  *stderr_fd = err[0];
  return pid;
}

ProcResult RunKando(const std::vector<std::string>& args, const std::string& input,
                    const std::map<std::string, std::string>& env, bool measure_rss) {
  int in[2], out[2], err[2];
  ProcResult r;
  if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC)) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  auto argv = Argv(args);
  const std::string rss_file = "/tmp/kando-rss-" + std::to_string(::getpid()) + ".txt";
  std::vector<std::string> timed = {"/usr/bin/time", "-f", "%M", "-o", rss_file};
  if (measure_rss) {
    for (size_t i = timed.size(); i-- > 0;) argv.insert(argv.begin(), timed[i].data());
  }
  auto envs = Environment(env);
  std::vector<char*> envp;
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) return r;
  std::thread writer([fd = in[1], &input] {
    ::signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    while (off < input.size()) {
      ssize_t n = ::write(fd, input.data() + off, input.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    ::close(fd);
  });
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open = 2;
  char buf[1 << 16];
  while (open > 0 && ::poll(fds, 2, -1) > 0) {
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      } else {
        (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  writer.join();
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  if (measure_rss) {
    std::ifstream(rss_file) >> r.max_rss_kib;
    std::remove(rss_file.c_str());
  }
  return r;
}

}  // namespace kanon::store::e2e
