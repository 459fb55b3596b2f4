#include "mask/sql_tokens.h"

#include <cctype>

namespace kanon::mask {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

void SqlTokens::SkipSpace() {
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i_;
    } else if (c == '-' && i_ + 1 < s_.size() && s_[i_ + 1] == '-') {
      size_t lf = s_.find('\n', i_);
      i_ = lf == std::string_view::npos ? s_.size() : lf + 1;
    } else if (c == '#' && dialect_ == Dialect::kMysql) {
      size_t lf = s_.find('\n', i_);
      i_ = lf == std::string_view::npos ? s_.size() : lf + 1;
    } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
      size_t end = s_.find("*/", i_ + 2);
      i_ = end == std::string_view::npos ? s_.size() : end + 2;
    } else {
      break;
    }
  }
}

bool SqlTokens::AtEnd() {
  SkipSpace();
  return i_ >= s_.size();
}

bool SqlTokens::Keyword(std::string_view word) {
  SkipSpace();
  if (s_.size() - i_ < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(s_[i_ + k])) !=
        std::tolower(static_cast<unsigned char>(word[k]))) {
      return false;
    }
  }
  if (i_ + word.size() < s_.size() && IsIdentChar(s_[i_ + word.size()])) return false;
  i_ += word.size();
  return true;
}

bool SqlTokens::Punct(char c) {
  SkipSpace();
  if (i_ < s_.size() && s_[i_] == c) {
    ++i_;
    return true;
  }
  return false;
}

std::optional<std::string> SqlTokens::Identifier() {
  SkipSpace();
  if (i_ >= s_.size()) return std::nullopt;
  char q = s_[i_];
  if (q == '"' || q == '`') {
    std::string out;
    for (size_t k = i_ + 1; k < s_.size(); ++k) {
      if (s_[k] != q) {
        out.push_back(s_[k]);
      } else if (k + 1 < s_.size() && s_[k + 1] == q) {
        out.push_back(q);
        ++k;
      } else {
        i_ = k + 1;
        return out;
      }
    }
    return std::nullopt;
  }
  if (!IsIdentChar(q) || q == '$') return std::nullopt;
  size_t start = i_;
  while (i_ < s_.size() && IsIdentChar(s_[i_])) ++i_;
  std::string out(s_.substr(start, i_ - start));
  if (dialect_ == Dialect::kPostgres) {
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
  }
  return out;
}

std::optional<std::vector<std::string>> SqlTokens::QualifiedName() {
  std::vector<std::string> parts;
  auto first = Identifier();
  if (!first) return std::nullopt;
  parts.push_back(*first);
  while (parts.size() < 3 && i_ < s_.size() && s_[i_] == '.') {
    ++i_;
    auto next = Identifier();
    if (!next) return std::nullopt;
    parts.push_back(*next);
  }
  return parts;
}

std::optional<std::vector<std::string>> SqlTokens::IdentifierList() {
  size_t save = i_;
  if (!Punct('(')) return std::nullopt;
  std::vector<std::string> out;
  if (Punct(')')) return out;
  while (true) {
    auto id = Identifier();
    if (!id) break;
    out.push_back(*id);
    if (Punct(')')) return out;
    if (!Punct(',')) break;
  }
  i_ = save;
  return std::nullopt;
}

void SqlTokens::SkipQuoted() {
  char q = s_[i_++];
  bool backslash = dialect_ == Dialect::kMysql && q != '`';
  while (i_ < s_.size()) {
    char c = s_[i_++];
    if (backslash && c == '\\') {
      ++i_;
    } else if (c == q) {
      if (i_ < s_.size() && s_[i_] == q) {
        ++i_;
      } else {
        return;
      }
    }
  }
}

bool SqlTokens::SkipParens() {
  SkipSpace();
  if (i_ >= s_.size() || s_[i_] != '(') return false;
  int depth = 0;
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (c == '\'' || c == '"' || c == '`') {
      SkipQuoted();
      continue;
    }
    ++i_;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return true;
  }
  return false;
}

std::string_view SqlTokens::Word() {
  SkipSpace();
  size_t start = i_;
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '(' || c == ')') {
      break;
    }
    ++i_;
  }
  return s_.substr(start, i_ - start);
}

}  // namespace kanon::mask
