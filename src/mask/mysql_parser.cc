#include "mask/mysql_parser.h"

#include <cstring>

namespace kanon::mask {
namespace {

constexpr size_t kLook = 64;
constexpr size_t kHeadCap = 1 << 20;  // statement bytes held to read a CREATE TABLE

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string Key(const std::string& db, const std::string& name) { return db + '\0' + name; }

bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() <= word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if ((s[i] | 0x20) != (word[i] | 0x20)) return false;
  }
  return s[word.size()] == ' ' || s[word.size()] == '\t';
}

}  // namespace

MysqlParser::MysqlParser(Input& in, Output& out, DumpHandler& handler)
    : in_(in), out_(out), handler_(handler) {}

void MysqlParser::Release() {
  if (pos_ > mark_ && !drop_) out_.Append(std::string_view(d() + mark_, pos_ - mark_));
  mark_ = pos_;
}

Status MysqlParser::More() {
  if (hold_ && !in_insert_ && pos_ - mark_ >= kHeadCap) hold_ = false;  // too long to read
  if (!hold_) Release();
  ASSIGN_OR_RETURN(size_t shift, in_.Refill(mark_));
  pos_ -= shift;
  mark_ -= shift;
  return out_.status();
}

Status MysqlParser::CheckFailed() {
  if (handler_.failed() && !aborted_) Abort();
  return OkStatus();
}

void MysqlParser::Abort() {
  if (aborted_) return;
  aborted_ = true;
  std::string m = in_string_ ? std::string(1, quote_) : std::string();
  // Not valid SQL in any context, so the client stops here (unless run with --force).
  m += "\nkanon mask failed: this dump is incomplete;\n";
  out_.Append(m);
  (void)out_.Flush();
  out_.Disable();
}

Status MysqlParser::Run() {
  while (true) {
    if (!Ahead(kLook)) {
      RETURN_IF_ERROR(More());
      continue;
    }
    if (pos_ >= in_.size()) break;
    char c = d()[pos_];
    if (IsSpace(c)) {
      ++pos_;
      continue;
    }
    char c2 = At(pos_ + 1);
    if ((c == '-' && c2 == '-' && (IsSpace(At(pos_ + 2)) || At(pos_ + 2) < ' ')) || c == '#') {
      RETURN_IF_ERROR(Line(false));
    } else if (c == '/' && c2 == '*') {
      RETURN_IF_ERROR(Comment());
    } else if (StartsWithWord(std::string_view(d() + pos_, in_.size() - pos_), "DELIMITER")) {
      RETURN_IF_ERROR(Line(true));
    } else {
      RETURN_IF_ERROR(Statement());
    }
  }
  Release();
  if (banner_ && !complete_) {
    return DataLoss(
        "the dump ends without its \"-- Dump completed\" line: the input was cut "
        "short");
  }
  return out_.status();
}

Status MysqlParser::Line(bool delimiter) {
  Release();
  hold_ = true;
  while (true) {
    const void* lf = std::memchr(d() + pos_, '\n', in_.size() - pos_);
    if (lf != nullptr) {
      pos_ = static_cast<size_t>(static_cast<const char*>(lf) - d()) + 1;
      break;
    }
    pos_ = in_.size();
    if (in_.eof()) break;
    RETURN_IF_ERROR(More());
  }
  hold_ = false;
  std::string_view line(d() + mark_, pos_ - mark_);
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  if (delimiter) {
    std::string_view rest = line.substr(9);
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
    size_t end = rest.find_first_of(" \t");
    if (!rest.empty()) delimiter_ = std::string(rest.substr(0, end));
  } else if (line.rfind("-- MySQL dump", 0) == 0 || line.rfind("-- MariaDB dump", 0) == 0) {
    banner_ = true;
  } else if (line.rfind("-- Dump completed", 0) == 0) {
    complete_ = true;
  }
  Release();
  return OkStatus();
}

Status MysqlParser::Comment() {
  Release();
  hold_ = true;
  pos_ += 2;
  while (true) {
    const void* end = memmem(d() + pos_, in_.size() - pos_, "*/", 2);
    if (end != nullptr) {
      pos_ = static_cast<size_t>(static_cast<const char*>(end) - d()) + 2;
      break;
    }
    pos_ = in_.size() > pos_ + 1 ? in_.size() - 1 : pos_;
    if (in_.eof()) {
      pos_ = in_.size();
      break;
    }
    RETURN_IF_ERROR(More());
  }
  if (hold_) {
    auto names = ParseMysqlSetNames(std::string_view(d() + mark_, pos_ - mark_));
    if (names && UnsafeMysqlCharset(*names)) {
      return InvalidArgument("line " + std::to_string(in_.LineOf(mark_)) + ": character set " +
                             *names +
                             " is not supported (a multi-byte character can hold a "
                             "backslash byte); dump with --default-character-set=utf8mb4");
    }
  }
  hold_ = false;
  Release();
  return OkStatus();
}

Status MysqlParser::Statement() {
  Release();
  hold_ = true;
  if (delimiter_ == ";" &&
      StartsMysqlInsert(std::string_view(d() + pos_, std::min<size_t>(16, in_.size() - pos_)))) {
    return Insert();
  }
  lex_ = Lex::kNormal;
  bool end = false;
  while (!end) {
    if (!Ahead(kLook)) {
      RETURN_IF_ERROR(More());
      continue;
    }
    if (pos_ >= in_.size()) break;
    RETURN_IF_ERROR(LexStep(&end));
  }
  if (hold_) RETURN_IF_ERROR(Classify(std::string_view(d() + mark_, pos_ - mark_)));
  hold_ = false;
  Release();
  return OkStatus();
}

Status MysqlParser::LexStep(bool* end) {
  const char* p = d();
  const size_t n = in_.size();
  const size_t limit = in_.eof() ? n : n - 1;
  char c = p[pos_];
  switch (lex_) {
    case Lex::kNormal:
      if (c == delimiter_[0] &&
          std::string_view(p + pos_, std::min(n - pos_, delimiter_.size())) == delimiter_) {
        pos_ += delimiter_.size();
        *end = true;
      } else if (c == '\'' || c == '"' || c == '`') {
        lex_ = Lex::kQuote;
        quote_ = c;
        ++pos_;
      } else if ((c == '-' && At(pos_ + 1) == '-' && At(pos_ + 2) <= ' ') || c == '#') {
        lex_ = Lex::kLineComment;
      } else if (c == '/' && At(pos_ + 1) == '*') {
        lex_ = Lex::kBlockComment;
        pos_ += 2;
      } else {
        ++pos_;
      }
      return OkStatus();
    case Lex::kQuote: {
      size_t i = pos_;
      for (; i < limit; ++i) {
        if (p[i] == '\\' && quote_ != '`') {
          if (i + 1 >= limit && !in_.eof()) break;
          ++i;
        } else if (p[i] == quote_) {
          if (i + 1 < n && p[i + 1] == quote_) {
            ++i;
            continue;
          }
          pos_ = i + 1;
          lex_ = Lex::kNormal;
          return OkStatus();
        }
      }
      pos_ = std::max(pos_, std::min(i, limit));
      return OkStatus();
    }
    case Lex::kLineComment: {
      const void* lf = std::memchr(p + pos_, '\n', n - pos_);
      pos_ = lf ? static_cast<size_t>(static_cast<const char*>(lf) - p) + 1 : n;
      if (lf) lex_ = Lex::kNormal;
      return OkStatus();
    }
    case Lex::kBlockComment: {
      const void* e = memmem(p + pos_, n - pos_, "*/", 2);
      if (e != nullptr) {
        pos_ = static_cast<size_t>(static_cast<const char*>(e) - p) + 2;
        lex_ = Lex::kNormal;
      } else {
        pos_ = in_.eof() ? n : std::max(pos_, n - 1);
      }
      return OkStatus();
    }
  }
  return OkStatus();
}

Status MysqlParser::Classify(std::string_view text) {
  if (auto db = ParseMysqlUse(text)) {
    db_ = *db;
    return OkStatus();
  }
  if (auto def = ParseMysqlCreateTable(text)) {
    TableName name{def->name.size() > 1 ? def->name[0] : db_, "", def->name.back()};
    handler_.SawTable(name);
    catalog_[Key(name.db, name.name)] = std::move(*def);
  }
  return OkStatus();
}

}  // namespace kanon::mask
