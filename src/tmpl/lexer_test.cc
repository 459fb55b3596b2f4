#include "tmpl/lexer.h"

#include <gtest/gtest.h>

namespace kanon::tmpl {
namespace {

std::string Kinds(std::string_view input) {
  std::string s;
  for (const Token& t : Lex(input)) {
    if (!s.empty()) s += ' ';
    switch (t.type) {
      case Tok::kText:
        s += "text(" + std::string(t.text) + ")";
        break;
      case Tok::kLeftDelim:
        s += "{{";
        break;
      case Tok::kRightDelim:
        s += "}}";
        break;
      case Tok::kSpace:
        s += "_";
        break;
      case Tok::kField:
        s += "field(" + std::string(t.text) + ")";
        break;
      case Tok::kIdentifier:
        s += "id(" + std::string(t.text) + ")";
        break;
      case Tok::kNumber:
        s += "num(" + std::string(t.text) + ")";
        break;
      case Tok::kString:
        s += "str";
        break;
      case Tok::kPipe:
        s += "|";
        break;
      case Tok::kEof:
        s += "EOF";
        break;
      case Tok::kError:
        s += "error(" + t.error + ")";
        break;
      default:
        s += TokenString(t);
        break;
    }
  }
  return s;
}

TEST(LexerTest, TextAndAction) {
  EXPECT_EQ(Kinds("a {{ .X | upper }} b"),
            "text(a ) {{ _ field(.X) _ | _ id(upper) _ }} text( b) EOF");
}

TEST(LexerTest, TrimMarkersEatSpaceOnBothSides) {
  EXPECT_EQ(Kinds("a \n {{- 3 -}} \n b"), "text(a) {{ num(3) }} text(b) EOF");
}

TEST(LexerTest, MinusWithoutSpaceIsANumber) { EXPECT_EQ(Kinds("{{-3}}"), "{{ num(-3) }} EOF"); }

TEST(LexerTest, CommentsVanish) { EXPECT_EQ(Kinds("x {{- /* hi */ -}} y"), "text(x) text(y) EOF"); }

TEST(LexerTest, KeywordsAndVariables) {
  EXPECT_EQ(
      Kinds("{{range $i, $v := .L}}{{break}}{{end}}"),
      "{{ <range> _ \"$i\" \",\" _ \"$v\" _ \":=\" _ field(.L) }} {{ <break> }} {{ <end> }} EOF");
}

TEST(LexerTest, Errors) {
  EXPECT_EQ(Kinds("{{ .x"), "{{ _ field(.x) error(unclosed action)");
  EXPECT_EQ(Kinds("{{ \"abc }}"), "{{ _ error(unterminated quoted string)");
  EXPECT_EQ(Kinds("{{/* x }}"), "error(unclosed comment)");
  EXPECT_EQ(Kinds("{{ 3x }}"), "{{ _ error(bad number syntax: \"3x\")");
  EXPECT_EQ(Kinds("{{ ( }}"), "{{ _ \"(\" _ error(unclosed left paren)");
}

TEST(LexerTest, LineNumbersCountNewlinesInText) {
  auto toks = Lex("a\nb\n{{ .x }}");
  ASSERT_GE(toks.size(), 2u);
  EXPECT_EQ(toks[1].type, Tok::kLeftDelim);
  EXPECT_EQ(toks[1].line, 3);
}

}  // namespace
}  // namespace kanon::tmpl
