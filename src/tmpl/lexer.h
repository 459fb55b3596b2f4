// Lexer for Go text/template source: splits text and {{actions}} into tokens, applying the
// trim markers ({{- and -}}) and dropping comments, exactly as Go's lexer does. The whole
// input is tokenised up front; a lexical error becomes a kError token that ends the stream.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanon::tmpl {

enum class Tok {
  kError,  // text is the message
  kBool,
  kChar,  // a printable ASCII character such as ','
  kCharConstant,
  kComplex,
  kAssign,   // =
  kDeclare,  // :=
  kEof,
  kField,       // .Name
  kIdentifier,  // name
  kLeftDelim,
  kLeftParen,
  kNumber,
  kPipe,
  kRawString,
  kRightDelim,
  kRightParen,
  kSpace,
  kString,
  kText,
  kVariable,  // $ or $name
  // keywords
  kBlock,
  kBreak,
  kContinue,
  kDot,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kNil,
  kRange,
  kTemplate,
  kWith,
};

struct Token {
  Tok type = Tok::kEof;
  size_t pos = 0;  // byte offset in the input
  std::string_view text;
  std::string error;  // for kError
  int line = 1;       // line at the start of the token
};

// Go's printed form of a token for "unexpected X in Y" messages.
std::string TokenString(const Token& t);

// Tokenises `input`. `break_ok`/`continue_ok` are false when a function of that name exists,
// in which case the word lexes as an identifier.
std::vector<Token> Lex(std::string_view input, bool break_ok = true, bool continue_ok = true);

}  // namespace kanon::tmpl
