// Case functions: upper, lower, title (Go's strings), untitle and swapcase (goutils), camelcase,
// snakecase and kebabcase (huandu/xstrings word splitting).
#include "tmpl/sprig_families.h"
#include "tmpl/sprig_unicode.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

bool IsConnector(char32_t r) { return r == '-' || r == '_' || IsSpace(r); }

// A letter outside the CJK ideograph blocks.
bool IsAlphabet(char32_t r) {
  if (!IsLetter(r)) return false;
  if (r < 0x3400) return true;
  return !((r >= 0x4E00 && r <= 0x9FCC) || (r >= 0x3400 && r <= 0x4D85) ||
           (r >= 0x20000 && r <= 0x2B81D));
}

// strings.Title's separators: ASCII non-alphanumerics other than '_', and Unicode spaces.
bool IsTitleSeparator(char32_t r) {
  if (r <= 0x7F) {
    return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
             r == '_');
  }
  if (IsLetter(r) || IsDigit(r)) return false;
  return IsSpace(r);
}

Result<Value> UpperFn(std::span<const Value> a) {
  return Value(MapRunes(a[0].AsString(), ToUpper));
}
Result<Value> LowerFn(std::span<const Value> a) {
  return Value(MapRunes(a[0].AsString(), ToLower));
}

Result<Value> TitleFn(std::span<const Value> a) {
  char32_t prev = ' ';
  return Value(MapRunes(a[0].AsString(), [&prev](char32_t r) {
    char32_t out = IsTitleSeparator(prev) ? ToTitle(r) : r;
    prev = r;
    return out;
  }));
}

// Lower-cases the first rune of every space-separated word.
Result<Value> UntitleFn(std::span<const Value> a) {
  bool next = true;
  return Value(MapRunes(a[0].AsString(), [&next](char32_t r) {
    if (IsSpace(r)) {
      next = true;
      return r;
    }
    if (!next) return r;
    next = false;
    return ToLower(r);
  }));
}

// Upper and title case become lower; lower becomes title case after a space (or at the
// start) and upper case elsewhere.
Result<Value> SwapcaseFn(std::span<const Value> a) {
  bool after_space = true;
  return Value(MapRunes(a[0].AsString(), [&after_space](char32_t r) {
    if (IsUpper(r) || IsTitle(r)) {
      after_space = false;
      return ToLower(r);
    }
    if (IsLower(r)) {
      char32_t out = after_space ? ToTitle(r) : ToUpper(r);
      after_space = false;
      return out;
    }
    after_space = IsSpace(r);
    return r;
  }));
}

// Connector-separated words joined with their first letters upper-cased; leading connectors
// stay, the last connector of each inner run is dropped.
Result<Value> CamelcaseFn(std::span<const Value> a) {
  std::string_view s = a[0].AsString();
  std::string out;
  if (s.empty()) return Value(out);
  char32_t r0 = 0;
  size_t size = 0;
  while (!s.empty()) {
    std::tie(r0, size) = DecodeRune(s);
    s.remove_prefix(size);
    if (!IsConnector(r0)) {
      r0 = ToUpper(r0);
      break;
    }
    AppendRune(&out, r0);
  }
  if (s.empty()) {
    // One rune left, or only connectors (xstrings writes the last one twice).
    AppendRune(&out, r0);
    return Value(out);
  }
  while (!s.empty()) {
    char32_t r1 = r0;
    std::tie(r0, size) = DecodeRune(s);
    s.remove_prefix(size);
    if (IsConnector(r0) && IsConnector(r1)) {
      AppendRune(&out, r1);
      continue;
    }
    if (IsConnector(r1)) {
      r0 = ToUpper(r0);
    } else {
      r0 = ToLower(r0);
      AppendRune(&out, r1);
    }
  }
  AppendRune(&out, r0);
  return Value(out);
}

// xstrings' word classes, in its order.
enum class Word { kInvalid, kNumber, kUpper, kAlphabet, kConnector, kPunct, kOther };

struct NextWord {
  Word type = Word::kInvalid;
  std::string_view word;
  std::string_view rest;
};

// The next valid rune of `s` and the bytes up to and including it (invalid bytes before it
// are skipped over but counted); `prev` when only invalid bytes remain.
std::pair<char32_t, size_t> NextValidRune(std::string_view s, char32_t prev) {
  size_t size = 0;
  while (!s.empty()) {
    auto [r, width] = DecodeRune(s);
    size += width;
    if (r != kRuneError) return {r, size};  // a literal U+FFFD is skipped too
    s.remove_prefix(width);
  }
  return {prev, size};
}

// Splits off the next word: a run of connectors, of punctuation, of digits, of lower-case
// letters, an upper-case letter followed by lower-case ones, a run of capitals (leaving the
// last one when a lower-case letter follows: "HTTPServer" -> "HTTP", "Server"), or other.
NextWord SplitWord(std::string_view str) {
  NextWord w;
  if (str.empty()) return w;
  std::string_view rest = str;
  char32_t r;
  size_t size;
  std::tie(r, size) = NextValidRune(rest, kRuneError);
  size_t offset = size;
  if (r == kRuneError) {
    return {Word::kInvalid, str.substr(0, offset), str.substr(offset)};
  }
  // Extends the word while `keep` holds for the next valid rune.
  auto extend = [&](auto keep) {
    while (!rest.empty()) {
      std::tie(r, size) = NextValidRune(rest, r);
      if (!keep(r, size)) break;
      offset += size;
      rest.remove_prefix(size);
    }
  };
  auto lower_run = [](char32_t c, size_t) { return IsAlphabet(c) && !IsUpper(c); };
  rest.remove_prefix(size);
  if (IsConnector(r)) {
    w.type = Word::kConnector;
    extend([](char32_t c, size_t) { return IsConnector(c); });
  } else if (IsPunct(r)) {
    w.type = Word::kPunct;
    extend([](char32_t c, size_t) { return IsPunct(c); });
  } else if (IsUpper(r)) {
    w.type = Word::kUpper;
    if (!rest.empty()) {
      std::tie(r, size) = NextValidRune(rest, r);
      if (IsUpper(r)) {
        size_t prev_size = size;
        offset += size;
        rest.remove_prefix(size);
        extend([&prev_size](char32_t c, size_t n) {
          if (!IsUpper(c)) return false;
          prev_size = n;
          return true;
        });
        if (!rest.empty() && IsAlphabet(r)) {
          offset -= prev_size;
          rest = str.substr(offset);
        }
      } else if (IsAlphabet(r)) {
        offset += size;
        rest.remove_prefix(size);
        extend(lower_run);
      }
    }
  } else if (IsAlphabet(r)) {
    w.type = Word::kAlphabet;
    extend(lower_run);
  } else if (IsNumber(r)) {
    w.type = Word::kNumber;
    extend([](char32_t c, size_t) { return IsNumber(c); });
  } else {
    w.type = Word::kOther;
    extend([](char32_t c, size_t n) {
      return n != 0 && !IsConnector(c) && !IsAlphabet(c) && !IsNumber(c) && !IsPunct(c);
    });
  }
  w.word = str.substr(0, offset);
  w.rest = rest;
  return w;
}

// Writes a word; capitals and connectors of upper-case and connector words are rewritten.
void AppendLowered(std::string* out, Word type, std::string_view word, char32_t connector) {
  if (type != Word::kUpper && type != Word::kConnector) {
    out->append(word);
    return;
  }
  while (!word.empty()) {
    auto [r, width] = DecodeRune(word);
    word.remove_prefix(width);
    AppendRune(out, IsConnector(r) ? connector : IsUpper(r) ? ToLower(r) : r);
  }
}

// xstrings' camelCaseToLowerCase: words lower-cased and joined by `connector`, digits kept
// with the word before them unless lower-case letters follow ("Bld4Floor" -> "bld4_floor",
// "HTTP2xx" -> "http_2xx").
std::string ToLowerWords(std::string_view s, char32_t connector) {
  std::string out;
  if (s.empty()) return out;
  NextWord cur = SplitWord(s);
  auto advance = [&cur] { cur = SplitWord(cur.rest); };
  auto write = [&](Word type, std::string_view word) {
    AppendLowered(&out, type, word, connector);
  };
  auto not_joiner = [](Word t) { return t != Word::kConnector && t != Word::kPunct; };
  while (!cur.rest.empty()) {
    if (cur.type != Word::kConnector) write(cur.type, cur.word);
    const Word prev = cur.type;
    const std::string_view last = cur.word;
    advance();
    if (prev == Word::kNumber) {
      while (cur.type == Word::kAlphabet || cur.type == Word::kNumber) {
        write(cur.type, cur.word);
        advance();
      }
      if (cur.type != Word::kInvalid && not_joiner(cur.type)) AppendRune(&out, connector);
    } else if (prev == Word::kConnector) {
      write(prev, last);
    } else if (prev == Word::kPunct) {
      // Punctuation joins words without a connector.
    } else if (cur.type != Word::kNumber) {
      if (not_joiner(cur.type)) AppendRune(&out, connector);
    } else if (!cur.rest.empty()) {
      const std::string_view number = cur.word;
      advance();
      if (cur.type != Word::kAlphabet) {
        write(Word::kNumber, number);
        if (not_joiner(cur.type)) AppendRune(&out, connector);
      } else {
        AppendRune(&out, connector);
        write(Word::kNumber, number);
        while (cur.type == Word::kAlphabet || cur.type == Word::kNumber) {
          write(cur.type, cur.word);
          advance();
        }
        if (cur.type != Word::kInvalid && not_joiner(cur.type)) AppendRune(&out, connector);
      }
    }
  }
  write(cur.type, cur.word);
  return out;
}

Result<Value> SnakecaseFn(std::span<const Value> a) {
  return Value(ToLowerWords(a[0].AsString(), '_'));
}
Result<Value> KebabcaseFn(std::span<const Value> a) {
  return Value(ToLowerWords(a[0].AsString(), '-'));
}

}  // namespace

void RegisterCase(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("upper", {P::kString}, UpperFn);
  funcs->Add("lower", {P::kString}, LowerFn);
  funcs->Add("title", {P::kString}, TitleFn);
  funcs->Add("untitle", {P::kString}, UntitleFn);
  funcs->Add("swapcase", {P::kString}, SwapcaseFn);
  funcs->Add("camelcase", {P::kString}, CamelcaseFn);
  funcs->Add("snakecase", {P::kString}, SnakecaseFn);
  funcs->Add("kebabcase", {P::kString}, KebabcaseFn);
}

}  // namespace kanon::tmpl::sprig
