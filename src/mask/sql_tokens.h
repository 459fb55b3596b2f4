// SqlTokens: reads the few statement heads the masker must understand (COPY, INSERT, CREATE
// TABLE, SET, USE, \connect) in PostgreSQL or MySQL spelling. Keywords compare
// case-insensitively; PostgreSQL folds bare identifiers to lower case and quotes with "...",
// MySQL keeps case and quotes with `...` (or "..." under ANSI_QUOTES). Comments and white
// space between tokens are skipped. A plain cursor over a string_view; not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kanon::mask {

enum class Dialect { kPostgres, kMysql };

class SqlTokens final {
 public:
  SqlTokens(std::string_view text, Dialect dialect) : s_(text), dialect_(dialect) {}

  // Consumes `word` if it is the next token (not followed by an identifier character).
  bool Keyword(std::string_view word);
  // Consumes `c` if it is the next non-space character.
  bool Punct(char c);
  // A quoted or bare identifier.
  std::optional<std::string> Identifier();
  // ident [. ident [. ident]]
  std::optional<std::vector<std::string>> QualifiedName();
  // "(" ident {"," ident} ")"; an empty list "()" is accepted.
  std::optional<std::vector<std::string>> IdentifierList();
  // Skips one balanced (...) group, quotes respected; false if none starts here.
  bool SkipParens();
  // Next run of characters up to white space, ',' , '(' or ')' (a type word, a value).
  std::string_view Word();
  void SkipSpace();
  bool AtEnd();
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }
  std::string_view text() const { return s_; }
  // Skips a quoted string or identifier starting at i_ (any of ' " `).
  void SkipQuoted();

 private:
  std::string_view s_;
  Dialect dialect_;
  size_t i_ = 0;
};

bool IsIdentChar(char c);

}  // namespace kanon::mask
