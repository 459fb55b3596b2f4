#include "mask/command.h"

#include <gtest/gtest.h>

namespace kanon::mask {
namespace {

TEST(CommandRunnerTest, ExchangesLinesInOrder) {
  CommandRunner r({"sed", "-u", "s/^/x-/"}, 10);
  std::vector<Cell> in = {{"a", false}, {"multi\nline", false}, {{}, true}};
  std::vector<std::optional<std::string>> out;
  size_t failed = 0;
  ASSERT_TRUE(r.Exchange(in, &out, &failed).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], "x-a");
  EXPECT_EQ(out[1], "x-multi\nline");
  EXPECT_EQ(out[2], "x-N");  // "x-\N" is no longer the NULL line: \N unescapes to N
  ASSERT_TRUE(r.Exchange(in, &out, &failed).ok());  // the same program, a second batch
  EXPECT_TRUE(r.Close().ok());
}

TEST(CommandRunnerTest, ReportsAProgramThatDies) {
  CommandRunner r({"head -n 1"}, 10);
  std::vector<Cell> in = {{"a", false}, {"b", false}};
  std::vector<std::optional<std::string>> out;
  size_t failed = 0;
  Status st = r.Exchange(in, &out, &failed);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(failed, 1u);
  EXPECT_NE(st.message().find("closed its output early"), std::string::npos) << st.message();
}

TEST(CommandRunnerTest, ReportsAMissingProgramAndAFailingExit) {
  CommandRunner missing({"/nonexistent/prog", "x"}, 10);
  std::vector<Cell> in = {{"a", false}};
  std::vector<std::optional<std::string>> out;
  size_t failed = 0;
  EXPECT_FALSE(missing.Exchange(in, &out, &failed).ok());
  CommandRunner fails({"sed -u 's/a/b/'; exit 3"}, 10);
  ASSERT_TRUE(fails.Exchange(in, &out, &failed).ok());
  Status st = fails.Close();
  EXPECT_NE(st.message().find("exited with status 3"), std::string::npos) << st.message();
}

TEST(CommandRunnerTest, TimesOutOnABufferingProgram) {
  CommandRunner r({"sleep 5"}, 0.3);
  std::vector<Cell> in = {{"a", false}};
  std::vector<std::optional<std::string>> out;
  size_t failed = 0;
  Status st = r.Exchange(in, &out, &failed);
  EXPECT_EQ(st.code(), Code::kDeadlineExceeded);
  EXPECT_NE(st.message().find("flush each"), std::string::npos);
}

}  // namespace
}  // namespace kanon::mask
