#include "store/orphan_guard.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace kanon::store {
namespace {

namespace fs = std::filesystem;

std::string TempDir() {
  std::string t = (fs::temp_directory_path() / "kanon-guard-XXXXXX").string();
  EXPECT_NE(::mkdtemp(t.data()), nullptr);
  return t;
}

// The cleanup writes a file per record, so the test can see what the watcher did.
OrphanGuard::Cleanup Marker(const std::string& dir) {
  return [dir](const std::string& record) { std::ofstream(dir + "/" + record) << "cleaned"; };
}

bool WaitFor(const std::function<bool()>& cond) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return cond();
}

TEST(OrphanGuardTest, CleansOnlyRecordsStillOpenWhenOwnerFinishes) {
  const std::string dir = TempDir();
  {
    auto g = OrphanGuard::Start(Marker(dir));
    ASSERT_TRUE(g.ok());
    (*g)->Add("done");
    (*g)->Add("open");
    (*g)->Remove("done");
  }  // the destructor waits for the watcher
  EXPECT_TRUE(fs::exists(dir + "/open"));
  EXPECT_FALSE(fs::exists(dir + "/done"));
  fs::remove_all(dir);
}

TEST(OrphanGuardTest, CleansUpAfterOwnerIsKilled) {
  const std::string dir = TempDir();
  pid_t owner = ::fork();
  ASSERT_GE(owner, 0);
  if (owner == 0) {
    auto g = OrphanGuard::Start(Marker(dir));
    if (!g.ok()) ::_exit(1);
    (*g)->Add("upload-1");
    std::ofstream(dir + "/ready") << "x";
    ::pause();
    ::_exit(0);
  }
  ASSERT_TRUE(WaitFor([&] { return fs::exists(dir + "/ready"); }));
  ::kill(owner, SIGKILL);
  ::waitpid(owner, nullptr, 0);
  EXPECT_TRUE(WaitFor([&] { return fs::exists(dir + "/upload-1"); }));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kanon::store
