#include "tmpl/lexer.h"

#include <algorithm>
#include <cstdio>

namespace kanon::tmpl {
namespace {

constexpr std::string_view kLeft = "{{";
constexpr std::string_view kRight = "}}";
constexpr std::string_view kSpaceChars = " \t\r\n";

bool IsSpace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Decodes one UTF-8 rune at s[i]; returns the rune (0xFFFD if invalid) and sets `width`.
int DecodeRune(std::string_view s, size_t i, size_t* width) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *width = 1;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *width = 1;
    return 0xFFFD;
  }
  int r = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      *width = 1;
      return 0xFFFD;
    }
    r = (r << 6) | (cc & 0x3F);
  }
  *width = static_cast<size_t>(n);
  return r;
}

// Letters and digits for identifiers: ASCII plus any non-ASCII rune treated as a letter (Go
// uses unicode.IsLetter; templates in the wild are ASCII, so this approximation is safe for
// acceptance and only differs on exotic symbols).
bool IsAlnumRune(int r) {
  if (r == '_') return true;
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
  return r != 0xFFFD && !(r >= 0x2000 && r <= 0x206F) && !(r >= 0x3000 && r <= 0x303F);
}

bool HasLeftTrim(std::string_view s) { return s.size() >= 2 && s[0] == '-' && IsSpace(s[1]); }
bool HasRightTrim(std::string_view s) { return s.size() >= 2 && IsSpace(s[0]) && s[1] == '-'; }

class Lexer {
 public:
  Lexer(std::string_view in, bool break_ok, bool continue_ok)
      : in_(in), break_ok_(break_ok), continue_ok_(continue_ok) {}

  std::vector<Token> Run() {
    bool ok = LexText();
    while (ok) ok = inside_ ? LexInside() : LexText();
    return std::move(out_);
  }

 private:
  int Next() {
    if (pos_ >= in_.size()) {
      at_eof_ = true;
      return -1;
    }
    size_t w;
    int r = DecodeRune(in_, pos_, &w);
    pos_ += w;
    last_width_ = w;
    if (r == '\n') ++line_;
    return r;
  }
  void Backup() {
    if (!at_eof_ && pos_ > 0) {
      pos_ -= last_width_;
      if (in_[pos_] == '\n') --line_;
    }
    at_eof_ = false;
  }
  int Peek() {
    int r = Next();
    Backup();
    return r;
  }
  void Emit(Tok t) {
    out_.push_back(Token{t, start_, in_.substr(start_, pos_ - start_), {}, start_line_});
    start_ = pos_;
    start_line_ = line_;
  }
  void Ignore() {
    line_ += static_cast<int>(std::count(in_.begin() + start_, in_.begin() + pos_, '\n'));
    start_ = pos_;
    start_line_ = line_;
  }
  bool Error(std::string msg) {
    out_.push_back(Token{Tok::kError, start_, {}, std::move(msg), start_line_});
    return false;
  }
  bool AtRightDelim(bool* trim) {
    std::string_view rest = in_.substr(pos_);
    if (HasRightTrim(rest) && rest.substr(2).starts_with(kRight)) {
      *trim = true;
      return true;
    }
    *trim = false;
    return rest.starts_with(kRight);
  }
  bool AtTerminator() {
    int r = Peek();
    if (IsSpace(r)) return true;
    switch (r) {
      case -1:
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
    }
    return in_.substr(pos_).starts_with(kRight);
  }

  bool LexText();
  bool LexLeftDelim();
  bool LexComment();
  bool LexRightDelim();
  bool LexInside();
  bool LexSpace();
  bool LexIdentifier();
  bool LexFieldOrVariable(Tok t);
  bool LexQuote(char q, Tok t, const char* unterminated);
  bool LexRawQuote();
  bool LexNumber();
  bool ScanNumber();

  std::string_view in_;
  bool break_ok_, continue_ok_;
  size_t pos_ = 0, start_ = 0, last_width_ = 1;
  bool at_eof_ = false;
  int line_ = 1, start_line_ = 1;
  int paren_depth_ = 0;
  bool inside_ = false;
  std::vector<Token> out_;
};

bool Lexer::LexText() {
  size_t x = in_.find(kLeft, pos_);
  if (x != std::string_view::npos) {
    pos_ = x;
    size_t trim = 0;
    if (HasLeftTrim(in_.substr(pos_ + kLeft.size()))) {
      std::string_view text = in_.substr(start_, pos_ - start_);
      size_t keep = text.find_last_not_of(kSpaceChars);
      trim = keep == std::string_view::npos ? text.size() : text.size() - keep - 1;
    }
    pos_ -= trim;
    if (pos_ > start_) {
      line_ += static_cast<int>(std::count(in_.begin() + start_, in_.begin() + pos_, '\n'));
      Emit(Tok::kText);
    }
    pos_ += trim;
    Ignore();
    return LexLeftDelim();
  }
  pos_ = in_.size();
  if (pos_ > start_) {
    line_ += static_cast<int>(std::count(in_.begin() + start_, in_.begin() + pos_, '\n'));
    Emit(Tok::kText);
  }
  Emit(Tok::kEof);
  return false;
}

bool Lexer::LexLeftDelim() {
  pos_ += kLeft.size();
  bool trim = HasLeftTrim(in_.substr(pos_));
  size_t after = trim ? 2 : 0;
  if (in_.substr(pos_ + after).starts_with("/*")) {
    pos_ += after;
    Ignore();
    return LexComment();
  }
  Emit(Tok::kLeftDelim);
  pos_ += after;
  Ignore();
  paren_depth_ = 0;
  inside_ = true;
  return true;
}

bool Lexer::LexComment() {
  pos_ += 2;
  size_t i = in_.find("*/", pos_);
  if (i == std::string_view::npos) return Error("unclosed comment");
  pos_ = i + 2;
  bool trim;
  if (!AtRightDelim(&trim)) return Error("comment ends before closing delimiter");
  if (trim) pos_ += 2;
  pos_ += kRight.size();
  if (trim) {
    size_t k = in_.find_first_not_of(kSpaceChars, pos_);
    pos_ = k == std::string_view::npos ? in_.size() : k;
  }
  Ignore();
  inside_ = false;
  return true;
}

bool Lexer::LexRightDelim() {
  bool trim = HasRightTrim(in_.substr(pos_));
  if (trim) {
    pos_ += 2;
    Ignore();
  }
  pos_ += kRight.size();
  Emit(Tok::kRightDelim);
  if (trim) {
    size_t k = in_.find_first_not_of(kSpaceChars, pos_);
    pos_ = k == std::string_view::npos ? in_.size() : k;
    Ignore();
  }
  inside_ = false;
  return true;
}

bool Lexer::LexInside() {
  bool trim;
  if (AtRightDelim(&trim)) {
    if (paren_depth_ == 0) return LexRightDelim();
    return Error("unclosed left paren");
  }
  int r = Next();
  if (r == -1) return Error("unclosed action");
  if (IsSpace(r)) {
    Backup();
    return LexSpace();
  }
  switch (r) {
    case '=':
      Emit(Tok::kAssign);
      return true;
    case ':':
      if (Next() != '=') return Error("expected :=");
      Emit(Tok::kDeclare);
      return true;
    case '|':
      Emit(Tok::kPipe);
      return true;
    case '"':
      return LexQuote('"', Tok::kString, "unterminated quoted string");
    case '`':
      return LexRawQuote();
    case '$':
      if (AtTerminator()) {
        Emit(Tok::kVariable);
        return true;
      }
      return LexFieldOrVariable(Tok::kVariable);
    case '\'':
      return LexQuote('\'', Tok::kCharConstant, "unterminated character constant");
    case '(':
      Emit(Tok::kLeftParen);
      ++paren_depth_;
      return true;
    case ')':
      Emit(Tok::kRightParen);
      --paren_depth_;
      if (paren_depth_ < 0) return Error("unexpected right paren U+0029 ')'");
      return true;
  }
  if (r == '.') {
    if (pos_ < in_.size() && (in_[pos_] < '0' || in_[pos_] > '9')) {
      return LexFieldOrVariable(Tok::kField);
    }
    Backup();
    return LexNumber();
  }
  if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
    Backup();
    return LexNumber();
  }
  if (IsAlnumRune(r)) {
    Backup();
    return LexIdentifier();
  }
  if (r < 0x80 && r >= 0x20 && r < 0x7F) {
    Emit(Tok::kChar);
    return true;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "unrecognized character in action: U+%04X", r);
  return Error(buf);
}

bool Lexer::LexSpace() {
  int spaces = 0;
  while (IsSpace(Peek())) {
    Next();
    ++spaces;
  }
  std::string_view rest = in_.substr(pos_ - 1);
  if (HasRightTrim(rest) && rest.substr(2).starts_with(kRight)) {
    Backup();
    if (spaces == 1) return LexRightDelim();
  }
  Emit(Tok::kSpace);
  return true;
}

bool Lexer::LexIdentifier() {
  for (;;) {
    int r = Next();
    if (IsAlnumRune(r)) continue;
    Backup();
    std::string_view word = in_.substr(start_, pos_ - start_);
    if (!AtTerminator()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "bad character U+%04X", r < 0 ? 0 : r);
      return Error(buf);
    }
    static const std::pair<std::string_view, Tok> kKeywords[] = {{"block", Tok::kBlock},
                                                                 {"break", Tok::kBreak},
                                                                 {"continue", Tok::kContinue},
                                                                 {"define", Tok::kDefine},
                                                                 {"else", Tok::kElse},
                                                                 {"end", Tok::kEnd},
                                                                 {"if", Tok::kIf},
                                                                 {"range", Tok::kRange},
                                                                 {"nil", Tok::kNil},
                                                                 {"template", Tok::kTemplate},
                                                                 {"with", Tok::kWith}};
    for (const auto& [k, t] : kKeywords) {
      if (word == k) {
        if ((t == Tok::kBreak && !break_ok_) || (t == Tok::kContinue && !continue_ok_)) {
          Emit(Tok::kIdentifier);
        } else {
          Emit(t);
        }
        return true;
      }
    }
    Emit(word == "true" || word == "false" ? Tok::kBool : Tok::kIdentifier);
    return true;
  }
}

bool Lexer::LexFieldOrVariable(Tok t) {
  if (AtTerminator()) {
    Emit(t == Tok::kVariable ? Tok::kVariable : Tok::kDot);
    return true;
  }
  int r;
  for (;;) {
    r = Next();
    if (!IsAlnumRune(r)) {
      Backup();
      break;
    }
  }
  if (!AtTerminator()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "bad character U+%04X", r < 0 ? 0 : r);
    return Error(buf);
  }
  Emit(t);
  return true;
}

bool Lexer::LexQuote(char q, Tok t, const char* unterminated) {
  for (;;) {
    int r = Next();
    if (r == '\\') {
      r = Next();
      if (r != -1 && r != '\n') continue;
      return Error(unterminated);
    }
    if (r == -1 || r == '\n') return Error(unterminated);
    if (r == q) break;
  }
  Emit(t);
  return true;
}

bool Lexer::LexRawQuote() {
  for (;;) {
    int r = Next();
    if (r == -1) return Error("unterminated raw quoted string");
    if (r == '`') break;
  }
  Emit(Tok::kRawString);
  return true;
}

bool Lexer::ScanNumber() {
  auto accept = [&](std::string_view valid) {
    int r = Next();
    if (r >= 0 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
    Backup();
    return false;
  };
  auto accept_run = [&](std::string_view valid) {
    for (;;) {
      int r = Next();
      if (r < 0 || valid.find(static_cast<char>(r)) == std::string_view::npos) break;
    }
    Backup();
  };
  accept("+-");
  std::string_view digits = "0123456789_";
  if (accept("0")) {
    if (accept("xX")) {
      digits = "0123456789abcdefABCDEF_";
    } else if (accept("oO")) {
      digits = "01234567_";
    } else if (accept("bB")) {
      digits = "01_";
    }
  }
  accept_run(digits);
  if (accept(".")) accept_run(digits);
  if (digits.size() == 11 && accept("eE")) {
    accept("+-");
    accept_run("0123456789_");
  }
  if (digits.size() == 23 && accept("pP")) {
    accept("+-");
    accept_run("0123456789_");
  }
  accept("i");
  if (IsAlnumRune(Peek())) {
    Next();
    return false;
  }
  return true;
}

bool Lexer::LexNumber() {
  auto bad = [&] {
    return Error("bad number syntax: \"" + std::string(in_.substr(start_, pos_ - start_)) + "\"");
  };
  if (!ScanNumber()) return bad();
  int sign = Peek();
  if (sign == '+' || sign == '-') {
    if (!ScanNumber() || in_[pos_ - 1] != 'i') return bad();
    Emit(Tok::kComplex);
  } else {
    Emit(Tok::kNumber);
  }
  return true;
}

}  // namespace

std::string TokenString(const Token& t) {
  switch (t.type) {
    case Tok::kEof:
      return "EOF";
    case Tok::kError:
      return t.error;
    default:
      break;
  }
  if (t.type >= Tok::kBlock) return "<" + std::string(t.text) + ">";
  if (t.text.size() > 10) return "\"" + std::string(t.text.substr(0, 10)) + "\"...";
  return "\"" + std::string(t.text) + "\"";
}

std::vector<Token> Lex(std::string_view input, bool break_ok, bool continue_ok) {
  return Lexer(input, break_ok, continue_ok).Run();
}

}  // namespace kanon::tmpl
