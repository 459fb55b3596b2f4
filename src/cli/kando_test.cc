#include <gtest/gtest.h>

#include <cstring>

#include "cli/kando_main.h"
#include "cli/kando_output.h"
#include "cli/kando_progress.h"

namespace kanon::cli {
namespace {

TEST(KandoTest, PhaseOutputLineIsGoJson) {
  auto line = PhaseOutputLine("backupID", "a<b>&\"c\"\n");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(*line,
            "###Phase-output###: "
            "{\"key\":\"backupID\",\"value\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\"}");
  EXPECT_EQ(PhaseOutputLine("", "v").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(PhaseOutputLine("a.b", "v").status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(PhaseOutputLine("A_1", "").ok());
}

TEST(KandoTest, ScrubsEveryFormOfTheProfileFlag) {
  char a0[] = "kando", a1[] = "location", a2[] = "push", a3[] = "--profile", a4[] = "{secret}",
       a5[] = "-p", a6[] = "{s2}", a7[] = "--profile={s3}", a8[] = "-p{s4}", a9[] = "--path",
       a10[] = "keep";
  char* argv[] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10};
  ScrubProfileArgs(11, argv);
  EXPECT_STREQ(argv[4], "********");
  EXPECT_STREQ(argv[6], "****");
  EXPECT_STREQ(argv[7], "--profile=****");
  EXPECT_STREQ(argv[8], "-p****");
  EXPECT_STREQ(argv[10], "keep");
}

TEST(KandoTest, ProgressLineFormat) {
  EXPECT_EQ(ProgressLine::Format("pushing", 10 << 20, 0, 2.0), "pushing 10.0 MiB  5.0 MiB/s");
  EXPECT_EQ(ProgressLine::Format("pulling", 50 << 20, 100 << 20, 5.0),
            "pulling 50.0 MiB of 100.0 MiB (50%)  10.0 MiB/s  ETA 0:05");
  EXPECT_EQ(HumanBytes(512), "512 B");
  EXPECT_EQ(HumanBytes(1.5 * (1 << 30)), "1.5 GiB");
}

}  // namespace
}  // namespace kanon::cli
