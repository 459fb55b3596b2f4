#include <gtest/gtest.h>

#include "mask/command.h"
#include "mask/mysql_codec.h"
#include "mask/pg_codec.h"

namespace kanon::mask {
namespace {

std::string Encoded(const FieldCodec& codec, std::string_view text, std::string_view raw) {
  StringWriter w;
  Output out(&w, 64);
  codec.Encode(text, raw, &out);
  EXPECT_TRUE(out.Flush().ok());
  return w.str();
}

TEST(PgCodecTest, DecodesEveryEscapeCopyAccepts) {
  PgCodec c;
  std::string scratch;
  EXPECT_EQ(c.Decode("plain", &scratch), "plain");
  EXPECT_EQ(c.Decode("tab\\there\\nnl\\r\\\\", &scratch), "tab\there\nnl\r\\");
  EXPECT_EQ(c.Decode("\\x41\\101\\q\\\\z", &scratch), "AAq\\z");
  EXPECT_EQ(c.Decode("\\b\\f\\v\\.", &scratch), "\b\f\v.");
  EXPECT_EQ(c.Decode("\\xZ", &scratch), "xZ");
}

TEST(PgCodecTest, NullIsOnlyTheWholeField) {
  PgCodec c;
  EXPECT_TRUE(c.IsNull("\\N"));
  EXPECT_FALSE(c.IsNull("\\\\N"));
  EXPECT_FALSE(c.IsNull("N"));
}

TEST(PgCodecTest, EncodesLikePgDump) {
  PgCodec c;
  EXPECT_EQ(Encoded(c, "a\tb\nc\rd\\e\bf\vg\fh", ""), "a\\tb\\nc\\rd\\\\e\\bf\\vg\\fh");
  EXPECT_EQ(Encoded(c, "\\.", ""), "\\\\.");
  std::string big(200, '\t');  // longer than the output buffer
  EXPECT_EQ(Encoded(c, big, "").size(), 400u);
}

TEST(PgCodecTest, RoundTripsEveryByte) {
  PgCodec c;
  std::string all;
  for (int i = 1; i < 256; ++i) all.push_back(static_cast<char>(i));
  std::string scratch;
  std::string enc = Encoded(c, all, "");
  EXPECT_EQ(enc.find('\t'), std::string::npos);
  EXPECT_EQ(enc.find('\n'), std::string::npos);
  EXPECT_EQ(c.Decode(enc, &scratch), all);
}

TEST(MysqlCodecTest, DecodesLiterals) {
  MysqlCodec c;
  std::string s;
  EXPECT_TRUE(c.IsNull("NULL"));
  EXPECT_TRUE(c.IsNull("null"));
  EXPECT_FALSE(c.IsNull("'NULL'"));
  EXPECT_EQ(c.Decode("'it\\'s'", &s), "it's");
  EXPECT_EQ(c.Decode("'it''s'", &s), "it's");
  EXPECT_EQ(c.Decode("'a\\0b\\n\\r\\Z\\\\\\\"'", &s), std::string("a\0b\n\r\x1a\\\"", 8));
  EXPECT_EQ(c.Decode("'100\\%'", &s), "100\\%");
  EXPECT_EQ(c.Decode("12.50", &s), "12.50");
  EXPECT_EQ(c.Decode("0xDEAD", &s), "\xde\xad");
  EXPECT_EQ(c.Decode("X'41'", &s), "A");
  EXPECT_EQ(c.Decode("_binary 'ab'", &s), "ab");
  EXPECT_EQ(c.Decode("''", &s), "");
}

TEST(MysqlCodecTest, EncodesKeepingTheLiteralKind) {
  MysqlCodec c;
  EXPECT_EQ(Encoded(c, "it's\n", "'x'"), "'it\\'s\\n'");
  EXPECT_EQ(Encoded(c, "12.5", "10.00"), "12.5");
  EXPECT_EQ(Encoded(c, "abc", "10.00"), "'abc'");  // not a number: quoted
  EXPECT_EQ(Encoded(c, "ab", "_binary 'xy'"), "_binary 'ab'");
  EXPECT_EQ(Encoded(c, "AB", "0x0000"), "0x4142");
  EXPECT_EQ(Encoded(c, std::string("\0\x1a", 2), "''"), "'\\0\\Z'");
}

TEST(CommandLineTest, EscapesSoEveryValueIsOneLine) {
  std::string line;
  EncodeCommandLine(Cell{"a\\b\nc\rd", false}, &line);
  EXPECT_EQ(line, "a\\\\b\\nc\\rd\n");
  EXPECT_EQ(DecodeCommandLine("a\\\\b\\nc\\rd"), std::optional<std::string>("a\\b\nc\rd"));
  line.clear();
  EncodeCommandLine(Cell{{}, true}, &line);
  EXPECT_EQ(line, "\\N\n");
  EXPECT_EQ(DecodeCommandLine("\\N"), std::nullopt);
}

}  // namespace
}  // namespace kanon::mask
