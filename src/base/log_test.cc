#include "base/log.h"

#include <gtest/gtest.h>

namespace kanon {
namespace {

TEST(LoggerTest, RedactsSecretsInMessageAndFields) {
  std::string captured;
  Logger log(LogLevel::kDebug, [&](std::string_view l) { captured += l; });
  log.redactor().Add("s3cr3t-key");
  log.Info("connecting with s3cr3t-key", {{"secret", "s3cr3t-key"}, {"bucket", "b1"}});
  EXPECT_EQ(captured.find("s3cr3t-key"), std::string::npos) << captured;
  EXPECT_NE(captured.find("connecting with [REDACTED]"), std::string::npos) << captured;
  EXPECT_NE(captured.find("secret=[REDACTED]"), std::string::npos) << captured;
  EXPECT_NE(captured.find("bucket=b1"), std::string::npos) << captured;
}

TEST(LoggerTest, FiltersByLevel) {
  std::string captured;
  Logger log(LogLevel::kWarning, [&](std::string_view l) { captured += l; });
  log.Info("quiet");
  log.Error("loud", {{"why", "two words"}});
  EXPECT_EQ(captured.find("quiet"), std::string::npos);
  EXPECT_NE(captured.find(" error loud why=\"two words\"\n"), std::string::npos) << captured;
}

TEST(RedactorTest, IgnoresTinySecretsAndRedactsAllOccurrences) {
  Redactor r;
  r.Add("ab");
  r.Add("hunter2");
  EXPECT_EQ(r.Redact("ab hunter2 hunter2"), "ab [REDACTED] [REDACTED]");
}

TEST(LogLevelTest, Parses) {
  LogLevel l;
  EXPECT_TRUE(ParseLogLevel("warn", &l));
  EXPECT_EQ(l, LogLevel::kWarning);
  EXPECT_FALSE(ParseLogLevel("loud", &l));
}

}  // namespace
}  // namespace kanon
