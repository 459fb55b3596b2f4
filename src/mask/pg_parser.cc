#include "mask/pg_parser.h"

#include <algorithm>
#include <cstring>

#include "mask/sql_tokens.h"

namespace kanon::mask {
namespace {

constexpr size_t kLook = 80;          // lookahead so a token is never split by a refill
constexpr size_t kHeadCap = 1 << 20;  // statement bytes held before classifying anyway

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsTagChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80 || (!first && c >= '0' && c <= '9');
}

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

PgParser::PgParser(Input& in, Output& out, DumpHandler& handler)
    : in_(in), out_(out), handler_(handler) {}

void PgParser::Release() {
  if (pos_ > mark_ && !drop_) out_.Append(std::string_view(d() + mark_, pos_ - mark_));
  mark_ = pos_;
}

Status PgParser::More() {
  if (hold_ && in_statement_ && pos_ - mark_ >= kHeadCap) RETURN_IF_ERROR(Decide(false));
  if (!hold_) Release();
  ASSIGN_OR_RETURN(size_t shift, in_.Refill(mark_));
  pos_ -= shift;
  mark_ -= shift;
  return out_.status();
}

Status PgParser::CheckFailed() {
  if (handler_.failed() && !aborted_) Abort();
  return OkStatus();
}

void PgParser::Abort() {
  if (aborted_) return;
  aborted_ = true;
  std::string m = "\n";
  if (in_copy_) {
    m += "\\.\n";
  } else if (in_statement_ && !hold_) {  // part of a long statement is out: close it
    if (lex_ == Lex::kQuote || lex_ == Lex::kEscQuote) m += "'";
    if (lex_ == Lex::kIdent) m += "\"";
    if (lex_ == Lex::kDollar) m += tag_;
    m += ";\n";
  }
  m += "DO $kanon_mask$ BEGIN RAISE EXCEPTION 'kanon mask failed: this dump is incomplete'; "
       "END $kanon_mask$;\n";
  out_.Append(m);
  (void)out_.Flush();
  out_.Disable();
}

Status PgParser::Run() {
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
    if (c == '-' && At(pos_ + 1) == '-') {
      RETURN_IF_ERROR(LineThing(false));
    } else if (c == '/' && At(pos_ + 1) == '*') {
      RETURN_IF_ERROR(BlockComment());
    } else if (c == '\\') {
      RETURN_IF_ERROR(LineThing(true));
    } else {
      RETURN_IF_ERROR(Statement());
    }
    first_line_ = false;
  }
  Release();
  if (banner_ == Banner::kDump && !dump_complete_) {
    return DataLoss(
        "the dump ends without pg_dump's \"-- PostgreSQL database dump complete\" "
        "line: the input was cut short");
  }
  if (banner_ == Banner::kCluster && !cluster_complete_) {
    return DataLoss(
        "the dump ends without pg_dumpall's \"-- PostgreSQL database cluster dump "
        "complete\" line: the input was cut short");
  }
  return out_.status();
}

// A comment line or a psql meta-command line: held whole to read it, then written.
Status PgParser::LineThing(bool meta) {
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
  std::string_view line = TrimLine(std::string_view(d() + mark_, pos_ - mark_));
  hold_ = false;
  if (meta) {
    if (auto db = ParsePgConnect(line)) db_ = *db;
    SqlTokens t(line, Dialect::kPostgres);
    if (t.Punct('\\') && t.Keyword("encoding") && UnsafeEncoding(t.Word())) {
      return InvalidArgument("line " + std::to_string(in_.LineOf(mark_)) +
                             ": this encoding is not supported (a multi-byte character can "
                             "hold a backslash byte); dump with -E UTF8");
    }
  } else if (line == "-- PostgreSQL database dump") {
    if (banner_ == Banner::kNone) banner_ = Banner::kDump;
  } else if (line == "-- PostgreSQL database cluster dump") {
    if (banner_ == Banner::kNone) banner_ = Banner::kCluster;
  } else if (line == "-- PostgreSQL database dump complete") {
    dump_complete_ = true;
  } else if (line == "-- PostgreSQL database cluster dump complete") {
    cluster_complete_ = true;
  }
  Release();
  return OkStatus();
}

Status PgParser::BlockComment() {
  pos_ += 2;
  int depth = 1;
  while (depth > 0) {
    if (!Ahead(2)) {
      RETURN_IF_ERROR(More());
      continue;
    }
    if (pos_ >= in_.size()) break;
    char c = d()[pos_];
    if (c == '*' && At(pos_ + 1) == '/') {
      --depth;
      pos_ += 2;
    } else if (c == '/' && At(pos_ + 1) == '*') {
      ++depth;
      pos_ += 2;
    } else {
      ++pos_;
    }
  }
  return OkStatus();
}

Status PgParser::Statement() {
  Release();
  hold_ = in_statement_ = true;
  lex_ = Lex::kNormal;
  depth_ = 0;
  prev_ = prev2_ = ' ';
  bool end = false;
  while (!end) {
    if (!Ahead(kLook)) {
      RETURN_IF_ERROR(More());
      continue;
    }
    if (pos_ >= in_.size()) break;
    RETURN_IF_ERROR(LexStep(&end));
  }
  in_statement_ = false;
  if (hold_) RETURN_IF_ERROR(Decide(true));
  if (copy_pending_) {  // the data starts on the next line
    while (true) {
      const void* lf = std::memchr(d() + pos_, '\n', in_.size() - pos_);
      if (lf != nullptr) {
        pos_ = static_cast<size_t>(static_cast<const char*>(lf) - d()) + 1;
        break;
      }
      pos_ = in_.size();
      if (in_.eof()) return EndedEarly();
      RETURN_IF_ERROR(More());
    }
    Release();
    return CopyBlock();
  }
  Release();
  drop_ = false;
  return OkStatus();
}

// Advances over one token or quoted run of the current statement; sets *end after its ';'.
Status PgParser::LexStep(bool* end) {
  const char* p = d();
  const size_t n = in_.size();
  // Quoted runs stop one byte short of the window so a doubled quote is never split.
  const size_t limit = in_.eof() ? n : n - 1;
  char c = p[pos_];
  switch (lex_) {
    case Lex::kNormal:
      if (c == ';' && depth_ == 0) {
        ++pos_;
        *end = true;
        return OkStatus();
      }
      if (c == '\'' || c == '"') {
        bool e = (prev_ == 'E' || prev_ == 'e') && !IsIdentChar(prev2_);
        lex_ = c == '"' ? Lex::kIdent : (e || !scs_) ? Lex::kEscQuote : Lex::kQuote;
        ++pos_;
        return OkStatus();
      } else if (c == '-' && At(pos_ + 1) == '-') {
        lex_ = Lex::kLineComment;
      } else if (c == '/' && At(pos_ + 1) == '*') {
        lex_ = Lex::kBlockComment;
        comment_depth_ = 1;
        pos_ += 2;
        return OkStatus();
      } else if (c == '$' && !IsIdentChar(prev_)) {
        size_t i = pos_ + 1;
        while (i < n && i - pos_ < 70 && IsTagChar(p[i], i == pos_ + 1)) ++i;
        if (i < n && p[i] == '$') {
          tag_.assign(p + pos_, i + 1 - pos_);
          lex_ = Lex::kDollar;
          pos_ = i + 1;
          return OkStatus();
        }
      } else if (c == '(') {
        ++depth_;
      } else if (c == ')' && depth_ > 0) {
        --depth_;
      }
      prev2_ = prev_;
      prev_ = c;
      ++pos_;
      return OkStatus();
    case Lex::kQuote:
    case Lex::kIdent: {
      char q = lex_ == Lex::kQuote ? '\'' : '"';
      const void* hit = pos_ < limit ? std::memchr(p + pos_, q, limit - pos_) : nullptr;
      if (hit == nullptr) {
        pos_ = std::max(pos_, limit);
        return OkStatus();
      }
      size_t at = static_cast<size_t>(static_cast<const char*>(hit) - p);
      if (at + 1 < n && p[at + 1] == q) {
        pos_ = at + 2;  // a doubled quote: still inside
      } else {
        pos_ = at + 1;
        lex_ = Lex::kNormal;
        prev_ = q;
      }
      return OkStatus();
    }
    case Lex::kEscQuote: {
      size_t i = pos_;
      for (; i < limit; ++i) {
        if (p[i] == '\\') {
          if (i + 1 >= limit && !in_.eof()) break;  // keep the escape with its byte
          ++i;
        } else if (p[i] == '\'') {
          if (i + 1 < n && p[i + 1] == '\'') {
            ++i;
            continue;
          }
          pos_ = i + 1;
          lex_ = Lex::kNormal;
          prev_ = '\'';
          return OkStatus();
        }
      }
      pos_ = std::max(pos_, std::min(i, limit));
      return OkStatus();
    }
    case Lex::kDollar: {
      const void* hit = memmem(p + pos_, n - pos_, tag_.data(), tag_.size());
      if (hit != nullptr) {
        pos_ = static_cast<size_t>(static_cast<const char*>(hit) - p) + tag_.size();
        lex_ = Lex::kNormal;
        prev_ = '$';
      } else {
        pos_ = in_.eof() ? n : std::max(pos_, n - std::min(n, tag_.size()));
      }
      return OkStatus();
    }
    case Lex::kLineComment: {
      const void* lf = std::memchr(p + pos_, '\n', n - pos_);
      pos_ = lf ? static_cast<size_t>(static_cast<const char*>(lf) - p) + 1 : n;
      if (lf) lex_ = Lex::kNormal;
      return OkStatus();
    }
    case Lex::kBlockComment:
      if (c == '*' && At(pos_ + 1) == '/') {
        pos_ += 2;
        if (--comment_depth_ == 0) lex_ = Lex::kNormal;
      } else if (c == '/' && At(pos_ + 1) == '*') {
        pos_ += 2;
        ++comment_depth_;
      } else {
        ++pos_;
      }
      return OkStatus();
  }
  return OkStatus();
}

}  // namespace kanon::mask
