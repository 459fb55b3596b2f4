#include "engine/output.h"

#include <gtest/gtest.h>

namespace kanon::engine {
namespace {

TEST(OutputParserTest, MarkerAnywhereInLineLastKeyWins) {
  OutputParser p;
  ASSERT_TRUE(
      p.Feed("log line\nprefix ###Phase-output###: {\"key\":\"a\",\"value\":\"1\"}  \n").ok());
  ASSERT_TRUE(p.Feed("###Phase-output###: {\"key\":\"a\",\"value\":\"2\"}\n\n").ok());
  ASSERT_TRUE(p.Finish().ok());
  EXPECT_EQ(p.outputs().at("a"), "2");
}

TEST(OutputParserTest, MarkerSplitAcrossChunksAndLongLines) {
  std::string big(200 * 1024, 'x');
  std::string stream = big + "\n###Phase-output###: {\"key\":\"big\",\"value\":\"" + big + "\"}\n";
  OutputParser p;
  for (size_t i = 0; i < stream.size(); i += 4093) {
    ASSERT_TRUE(p.Feed(std::string_view(stream).substr(i, 4093)).ok());
  }
  ASSERT_TRUE(p.Finish().ok());
  EXPECT_EQ(p.outputs().at("big"), big);
}

TEST(OutputParserTest, FinalLineWithoutNewline) {
  OutputParser p;
  ASSERT_TRUE(p.Feed("###Phase-output###: {\"key\":\"k\",\"value\":\"v\"}").ok());
  ASSERT_TRUE(p.Finish().ok());
  EXPECT_EQ(p.outputs().at("k"), "v");
}

TEST(OutputParserTest, InvalidJsonAfterMarkerIsAnError) {
  OutputParser p;
  EXPECT_FALSE(p.Feed("###Phase-output###: {not json}\n").ok());
}

TEST(OutputParserTest, NoOutputsIsNil) {
  OutputParser p;
  ASSERT_TRUE(p.Feed("nothing here\n").ok());
  EXPECT_TRUE(p.ToValue().is_nil());
}

TEST(OutputLineTest, FormatsLikeKando) {
  EXPECT_EQ(FormatOutputLine("path", "a<b>\"c\""),
            "###Phase-output###: {\"key\":\"path\",\"value\":\"a\\u003cb\\u003e\\\"c\\\"\"}");
  EXPECT_TRUE(ValidOutputKey("backup_Location1"));
  EXPECT_FALSE(ValidOutputKey(""));
  EXPECT_FALSE(ValidOutputKey("a-b"));
}

}  // namespace
}  // namespace kanon::engine
