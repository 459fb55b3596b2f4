#include <gtest/gtest.h>

#include "mask/mask.h"

namespace kanon::mask {
namespace {

Result<std::string> Mask(const std::string& policy_tables, const std::string& dump) {
  auto policy = ParsePolicy(
      "apiVersion: kanon.io/v1alpha1\nkind: MaskPolicy\nspec:\n"
      "  key: {env: K}\n  tables:\n" +
          policy_tables,
      "p");
  if (!policy.ok()) return policy.status();
  KeyedHash key("mysql-test-key-0123456789");
  StringReader in(dump);
  StringWriter out;
  auto r = MaskDump(*policy, key, in, out, MaskOptions{});
  if (!r.ok()) return r.status();
  return out.str();
}

std::string Table(const std::string& body) {
  return "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` text\n) ENGINE=InnoDB;\n" + body;
}

TEST(MysqlMaskTest, SplitsAStatementWhoseValuesGrow) {
  std::string rows;
  for (int i = 0; i < 40000; ++i) {
    rows += (i == 0 ? "" : ",\n") + ("(" + std::to_string(i) + ",'a')");
  }
  auto out = Mask("    t: {columns: {id: keep, v: {mask: hash, length: 64}}}\n",
                  Table("INSERT INTO `t` VALUES\n" + rows + ";\n"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  size_t statements = 0, largest = 0, start = 0;
  for (size_t p = out->find("INSERT INTO"); p != std::string::npos;
       p = out->find("INSERT INTO", p + 1)) {
    if (statements++ > 0) largest = std::max(largest, p - start);
    start = p;
  }
  largest = std::max(largest, out->size() - start);
  EXPECT_GE(statements, 3u);
  EXPECT_LE(largest, (1u << 20) + 200);
  EXPECT_EQ(std::count(out->begin(), out->end(), '('), 40000 + 2);  // + int(11) and (
}

TEST(MysqlMaskTest, KeepsTheMysqlOneLineLayout) {
  auto out = Mask("    t: {columns: {id: keep, v: {mask: set, value: x}}}\n",
                  Table("INSERT INTO `t` VALUES (1,'a'),(2,'b');\n"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("INSERT INTO `t` VALUES (1,'x'),(2,'x');\n"), std::string::npos) << *out;
}

TEST(MysqlMaskTest, RefusesAnUnsafeCharacterSet) {
  auto out =
      Mask("    t: {columns: {id: keep, v: keep}}\n", "/*!40101 SET NAMES sjis */;\n" + Table(""));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("character set sjis is not supported"), std::string::npos);
}

TEST(MysqlMaskTest, ReadsAnsiQuotedNamesAndReplace) {
  auto out = Mask("    t: {columns: {id: keep, v: {mask: \"null\"}}}\n",
                  Table("REPLACE INTO `t` (`id`, `v`) VALUES (1,'a');\n"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_NE(out->find("REPLACE INTO `t` (`id`, `v`) VALUES (1,NULL);"), std::string::npos);
}

}  // namespace
}  // namespace kanon::mask
