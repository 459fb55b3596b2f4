// The kando binary end to end: filesystem, S3 (RGW) and Azure (Azurite) locations, bad input,
// secrets kept out of output and process listings, and a SIGKILLed push.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "e2e_env.h"
#include "store/curl_transport.h"
#include "store/s3/s3_store.h"

namespace kanon::store::e2e {
namespace {

namespace fs = std::filesystem;

bool WaitFor(const std::function<bool()>& cond, int seconds = 30) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return cond();
}

std::unique_ptr<s3::S3Store> RawS3() {
  const Services& s = GetServices();
  s3::S3Config c;
  c.endpoint = s.s3_endpoint;
  c.bucket = s.s3_bucket;
  c.credentials = {s.s3_access_key, s.s3_secret_key, ""};
  return std::make_unique<s3::S3Store>(c, std::make_shared<CurlTransport>(HttpOptions{}),
                                       RetryPolicy{}, TransferTuning{});
}

void RoundTrip(const std::string& profile, const std::string& what) {
  const std::string data = RandomBytes(21 * kMiB + 5, 31);  // multipart with 8 MiB parts
  ProcResult push =
      RunKando({"location", "push", "--profile", profile, "--path", "rt.bin", "-"}, data);
  ASSERT_EQ(push.exit_code, 0) << what << ": " << push.err;
  EXPECT_TRUE(push.out.empty()) << push.out;
  EXPECT_NE(push.err.find("kando: pushed " + std::to_string(data.size()) + " bytes to key"),
            std::string::npos)
      << push.err;
  ProcResult pull = RunKando({"location", "pull", "-p", profile, "-s", "rt.bin", "-"});
  ASSERT_EQ(pull.exit_code, 0) << what << ": " << pull.err;
  EXPECT_TRUE(pull.out == data) << what << ": pulled " << pull.out.size() << " bytes";
  ProcResult del = RunKando({"location", "delete", "--profile", profile, "--path", "rt.bin"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_NE(del.err.find("kando: deleted 1 objects"), std::string::npos) << del.err;
  ProcResult gone = RunKando({"location", "pull", "--profile", profile, "--path", "rt.bin", "-"});
  EXPECT_EQ(gone.exit_code, 69);
  EXPECT_NE(gone.err.find("rt.bin"), std::string::npos) << gone.err;
}

TEST(KandoE2eTest, RoundTripOnEveryLocationType) {
  const Services& s = GetServices();
  RoundTrip(S3Profile(s, UniquePrefix("rt-s3")), "s3");
  RoundTrip(AzureProfile(s, UniquePrefix("rt-azure")), "azure");
  const std::string dir = fs::temp_directory_path() / ("kando-fs-" + std::to_string(getpid()));
  fs::create_directories(dir);
  RoundTrip(R"({"Location":{"type":"filesystem","bucket":")" + dir + R"(","prefix":"p"}})", "fs");
  fs::remove_all(dir);
}

// Memory stays bounded by the part pool (8 MiB parts, 4 in flight), not by the stream's size.
TEST(KandoE2eTest, PushAndPullMemoryIsBounded) {
  const std::string profile = S3Profile(GetServices(), UniquePrefix("rss"));
  const std::string data = RandomBytes(160 * kMiB, 51);
  ProcResult push = RunKando({"location", "push", "-p", profile, "-s", "big", "-"}, data, {}, true);
  ASSERT_EQ(push.exit_code, 0) << push.err;
  EXPECT_LT(push.max_rss_kib, 128 * 1024) << "push peak RSS";
  ProcResult pull = RunKando({"location", "pull", "-p", profile, "-s", "big", "-"}, "", {}, true);
  ASSERT_EQ(pull.exit_code, 0) << pull.err;
  EXPECT_TRUE(pull.out == data);
  EXPECT_GT(push.max_rss_kib, 0);
  EXPECT_LT(pull.max_rss_kib, 128 * 1024) << "pull peak RSS";
  EXPECT_EQ(RunKando({"location", "delete", "-p", profile, "-s", "big"}).exit_code, 0);
}

TEST(KandoE2eTest, WrongSecretExits69NamingStoreAndKeyButNotTheSecret) {
  const Services& s = GetServices();
  const std::string prefix = UniquePrefix("badcred");
  const std::string wrong = "wrong-secret-value-0987654321";
  ProcResult r = RunKando(
      {"location", "push", "--profile", S3Profile(s, prefix, wrong), "--path", "k", "-"}, "data");
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_NE(r.err.find("s3 bucket \"" + s.s3_bucket + "\" at " + s.s3_endpoint), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(prefix + "k"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HTTP 403"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(wrong), std::string::npos) << r.err;
}

TEST(KandoE2eTest, BadProfilesExit69WithAClearMessage) {
  ProcResult r = RunKando(
      {"location", "push", "--profile",
       R"({"Location":{"type":"s3Compliant","bucket":"b"},"Credentail":{}})", "--path", "k", "-"},
      "x");
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_NE(r.err.find("unknown field \"Credentail\"; did you mean \"Credential\"?"),
            std::string::npos)
      << r.err;
  r = RunKando({"location", "pull", "--profile", "{not json", "--path", "k", "-"});
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_NE(r.err.find("profile:"), std::string::npos) << r.err;
  r = RunKando({"location", "push", "--path", "k", "-"}, "x");
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_NE(r.err.find("--profile is required"), std::string::npos) << r.err;
}

TEST(KandoE2eTest, UnreachableEndpointExits69) {
  const Services& s = GetServices();
  ProcResult r = RunKando({"location", "push", "--profile",
                           S3Profile(s, "x", "", "http://127.0.0.1:9"), "--path", "k", "-"},
                          "data");
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_NE(r.err.find("http://127.0.0.1:9"), std::string::npos) << r.err;
}

TEST(KandoE2eTest, FailedPullToFileLeavesNoFile) {
  const std::string dir = fs::temp_directory_path() / ("kando-pull-" + std::to_string(getpid()));
  fs::create_directories(dir);
  ProcResult r =
      RunKando({"location", "pull", "--profile", S3Profile(GetServices(), UniquePrefix("nofile")),
                "--path", "missing", dir + "/out.bin"});
  EXPECT_EQ(r.exit_code, 69);
  EXPECT_TRUE(fs::is_empty(dir)) << "pull left files behind";
  fs::remove_all(dir);
}

TEST(KandoE2eTest, OutputPrintsThePhaseOutputLine) {
  ProcResult r = RunKando({"output", "backupLocation", "s3://b/x y&z"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "###Phase-output###: {\"key\":\"backupLocation\",\"value\":\"s3://b/x y\\u0026z\"}\n");
  EXPECT_EQ(RunKando({"output", "bad-key", "v"}).exit_code, 69);
}

// A push killed with SIGKILL mid-upload: no object, and the multipart upload it had begun is
// aborted by its OrphanGuard watcher. Also checks that `ps` cannot see the profile's secret.
TEST(KandoE2eTest, SigkilledPushLeavesNoObjectAndNoUpload) {
  const Services& s = GetServices();
  const std::string prefix = UniquePrefix("sigkill");
  auto raw = RawS3();
  int in_fd = -1, err_fd = -1;
  pid_t pid =
      SpawnKando({"location", "push", "--profile", S3Profile(s, prefix), "--path", "victim", "-"},
                 {{"KANON_PART_SIZE_MIB", "5"}}, &in_fd, &err_fd);
  ASSERT_GT(pid, 0);
  const std::string chunk = RandomBytes(12 * kMiB, 41);  // two full parts in flight, no end
  ASSERT_EQ(::write(in_fd, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
  ASSERT_TRUE(WaitFor([&] {
    auto u = raw->ListUploads(prefix);
    return u.ok() && u->size() == 1;
  })) << "kando never began a multipart upload";
  std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline");
  std::string args((std::istreambuf_iterator<char>(cmdline)), {});
  EXPECT_NE(args.find("location"), std::string::npos);
  EXPECT_EQ(args.find(s.s3_secret_key), std::string::npos) << "secret visible in cmdline";
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  ::waitpid(pid, nullptr, 0);
  ::close(in_fd);
  EXPECT_TRUE(WaitFor([&] {
    auto u = raw->ListUploads(prefix);
    return u.ok() && u->empty();
  })) << "the multipart upload of the killed push is still there";
  EXPECT_EQ(raw->Stat(prefix + "victim").status().code(), Code::kNotFound);
  ::close(err_fd);
}

}  // namespace
}  // namespace kanon::store::e2e
