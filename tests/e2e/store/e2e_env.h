// Shared helpers of the real-server store tests: the servers' coordinates (written by
// scripts/services.sh to services.env), profile JSON builders, random data, and a way to run the
// kando binary with input and capture its output.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace kanon::store::e2e {

struct Services {
  std::string s3_endpoint, s3_access_key, s3_secret_key, s3_bucket, s3_role_arn;
  std::string az_endpoint, az_account, az_key, az_container;
};

// Loads KANON_SERVICES_ENV (default: <build>/services/services.env). Aborts the test program
// with a clear message when the file is missing: these tests must not pass without servers.
const Services& GetServices();

// A key prefix unique to this process and test ("e2e/<pid>-<n>/<name>/").
std::string UniquePrefix(const std::string& name);

std::string RandomBytes(size_t n, unsigned seed);

std::string S3Profile(const Services& s, const std::string& prefix,
                      const std::string& secret_override = "",
                      const std::string& endpoint_override = "");
std::string AzureProfile(const Services& s, const std::string& prefix);

struct ProcResult {
  int exit_code = -1;  // -signal when killed
  std::string out, err;
  long max_rss_kib = 0;  // peak resident set of kando (only with measure_rss)
};

// Runs kando with `args`, feeding `input` to stdin (a pipe), with extra environment variables.
// With `measure_rss`, kando runs under /usr/bin/time, whose fork starts from a small process:
// the peak RSS of a child spawned straight from this (large) test would include ours.
ProcResult RunKando(const std::vector<std::string>& args, const std::string& input = "",
                    const std::map<std::string, std::string>& env = {}, bool measure_rss = false);

// Starts kando with stdin and stdout/stderr pipes; the caller writes to *stdin_fd.
pid_t SpawnKando(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env, int* stdin_fd, int* stderr_fd);

const char* KandoPath();

}  // namespace kanon::store::e2e
