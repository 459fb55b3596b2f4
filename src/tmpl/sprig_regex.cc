// Regular expressions: regexMatch, regexFind, regexFindAll, regexReplaceAll,
// regexReplaceAllLiteral, regexSplit. Go's regexp is RE2, so RE2 does the matching; the
// iteration rules around empty matches, the $-expansion of replacements and the compile
// error texts are Go's.
#include <re2/re2.h>

#include <memory>

#include "tmpl/gofmt.h"
#include "tmpl/sprig_families.h"
#include "tmpl/sprig_unicode.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

// Go's regexp/syntax message for an RE2 error code.
std::string_view SyntaxErrorText(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "regexp/syntax: internal error";
  }
}

// regexp.quote: backquoted when Go can, else a Go string literal.
std::string QuoteExpr(std::string_view s) {
  bool can_backquote = true;
  for (std::string_view rest = s; !rest.empty();) {
    auto [r, width] = DecodeRune(rest);
    if ((r == kRuneError && width == 1) || r == '`' || r == 0xFEFF || (r < ' ' && r != '\t') ||
        r == 0x7F) {
      can_backquote = false;
      break;
    }
    rest.remove_prefix(width);
  }
  if (can_backquote) return "`" + std::string(s) + "`";
  Value v(s);
  return GoSprintf("%q", std::span<const Value>(&v, 1));
}

// Offset of the first byte that is not valid UTF-8 (the size when there is none).
size_t FirstInvalidByte(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto [r, width] = DecodeRune(s.substr(i));
    if (r == kRuneError && width == 1) break;
    i += width;
  }
  return i;
}

// regexp.MustCompile; the failure is its panic text.
Result<std::unique_ptr<RE2>> MustCompile(std::string_view expr) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  auto re = std::make_unique<RE2>(expr, options);
  if (re->ok()) return re;
  std::string arg = re->error_arg();
  if (re->error_code() == RE2::ErrorMissingParen || re->error_code() == RE2::ErrorPatternTooLarge) {
    arg = std::string(expr);
  } else if (re->error_code() == RE2::ErrorBadUTF8) {
    arg = std::string(expr.substr(FirstInvalidByte(expr)));
  }
  return GoError("regexp: Compile(" + QuoteExpr(expr) + "): error parsing regexp: " +
                 std::string(SyntaxErrorText(re->error_code())) + ": `" + arg + "`");
}

// The text a regexp runs over. Go's regexp reads each invalid UTF-8 byte as U+FFFD (so '.'
// matches it); RE2 does not, so matching runs over a copy with those bytes spelled U+FFFD, and
// results are cut from the original text through a position map.
class Subject final {
 public:
  explicit Subject(std::string_view original) : original_(original) {
    for (std::string_view rest = original; !rest.empty();) {
      auto [r, width] = DecodeRune(rest);
      if (r == kRuneError && width == 1) {
        Transform();
        break;
      }
      rest.remove_prefix(width);
    }
  }

  // What RE2 matches against; positions below are in this text.
  std::string_view text() const { return to_original_.empty() ? original_ : text_; }
  // The original bytes between two rune boundaries of text().
  std::string_view Slice(size_t begin, size_t end) const {
    if (to_original_.empty()) return original_.substr(begin, end - begin);
    return original_.substr(to_original_[begin], to_original_[end] - to_original_[begin]);
  }

 private:
  void Transform() {
    for (size_t i = 0; i < original_.size();) {
      auto [r, width] = DecodeRune(original_.substr(i));
      const size_t at = text_.size();
      if (r == kRuneError && width == 1) {
        text_.append("\xEF\xBF\xBD");
      } else {
        text_.append(original_.substr(i, width));
      }
      to_original_.resize(text_.size(), i);
      to_original_[at] = i;
      i += width;
    }
    to_original_.push_back(original_.size());
  }

  std::string_view original_;
  std::string text_;
  std::vector<size_t> to_original_;  // empty when the original is valid UTF-8
};

// Match positions (begin, end) per group of the leftmost match at or after `pos`; -1 for
// groups that did not take part. Empty when there is no match.
std::vector<int64_t> MatchAt(const RE2& re, std::string_view s, size_t pos, int groups) {
  std::vector<re2::StringPiece> sub(static_cast<size_t>(groups));
  if (!re.Match(s, pos, s.size(), RE2::UNANCHORED, sub.data(), groups)) return {};
  std::vector<int64_t> m;
  for (const auto& g : sub) {
    if (g.data() == nullptr) {
      m.push_back(-1), m.push_back(-1);
    } else {
      m.push_back(g.data() - s.data());
      m.push_back(g.data() - s.data() + static_cast<int64_t>(g.size()));
    }
  }
  return m;
}

// regexp's allMatches: up to n matches, skipping an empty match right after a previous one.
std::vector<std::vector<int64_t>> AllMatches(const RE2& re, std::string_view s, int64_t n,
                                             int groups) {
  std::vector<std::vector<int64_t>> out;
  int64_t prev_end = -1;
  for (size_t pos = 0; static_cast<int64_t>(out.size()) < n && pos <= s.size();) {
    std::vector<int64_t> m = MatchAt(re, s, pos, groups);
    if (m.empty()) break;
    bool accept = true;
    if (m[1] == static_cast<int64_t>(pos)) {
      if (m[0] == prev_end) accept = false;
      size_t width = DecodeRune(s.substr(pos)).second;
      pos = width > 0 ? pos + width : s.size() + 1;
    } else {
      pos = static_cast<size_t>(m[1]);
    }
    prev_end = m[1];
    if (accept) out.push_back(std::move(m));
  }
  return out;
}

// Regexp.expand: $n, ${n}, $name, ${name} and $$ in `tmpl`, from match `m` of `s`.
void Expand(const RE2& re, std::string_view tmpl, const Subject& s, const std::vector<int64_t>& m,
            std::string* out) {
  auto append_group = [&](int64_t i) {
    if (2 * i + 1 < static_cast<int64_t>(m.size()) && m[2 * i] >= 0) {
      out->append(s.Slice(m[2 * i], m[2 * i + 1]));
    }
  };
  while (!tmpl.empty()) {
    size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out->append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out->push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    const bool brace = !tmpl.empty() && tmpl[0] == '{';
    std::string_view str = brace ? tmpl.substr(1) : tmpl;
    size_t i = 0;
    while (i < str.size()) {
      auto [r, width] = DecodeRune(str.substr(i));
      if (!IsLetter(r) && !IsDigit(r) && r != '_') break;
      i += width;
    }
    if (i == 0 || (brace && (i >= str.size() || str[i] != '}'))) {
      out->push_back('$');  // malformed: the '$' is literal text
      continue;
    }
    const std::string_view name = str.substr(0, i);
    tmpl = str.substr(brace ? i + 1 : i);
    int64_t num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) num = -1;
    if (num >= 0) {
      append_group(num);
      continue;
    }
    for (const auto& [index, group_name] : re.CapturingGroupNames()) {
      if (group_name == name) {
        append_group(index);
        break;
      }
    }
  }
  out->append(tmpl);
}

// Regexp.replaceAll: replaces every match, except an empty one right after a match.
template <typename Repl>
std::string ReplaceAll(const RE2& re, const Subject& src, int groups, Repl repl) {
  const std::string_view text = src.text();
  std::string out;
  size_t last_end = 0, search = 0;
  while (search <= text.size()) {
    std::vector<int64_t> m = MatchAt(re, text, search, groups);
    if (m.empty()) break;
    out.append(src.Slice(last_end, static_cast<size_t>(m[0])));
    if (static_cast<size_t>(m[1]) > last_end || m[0] == 0) repl(m, &out);
    last_end = static_cast<size_t>(m[1]);
    size_t width = DecodeRune(text.substr(search)).second;
    if (search + width > static_cast<size_t>(m[1])) {
      search += width;
    } else if (search + 1 > static_cast<size_t>(m[1])) {
      ++search;
    } else {
      search = static_cast<size_t>(m[1]);
    }
  }
  out.append(src.Slice(last_end, text.size()));
  return out;
}

Result<Value> RegexMatchFn(std::span<const Value> a) {
  Result<std::unique_ptr<RE2>> re = MustCompile(a[0].AsString());
  if (!re.ok()) return Value(false);  // sprig drops the compile error
  const Subject s(a[1].AsString());
  return Value(RE2::PartialMatch(s.text(), **re));
}

Result<Value> RegexFindFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::unique_ptr<RE2> re, MustCompile(a[0].AsString()));
  const Subject s(a[1].AsString());
  std::vector<int64_t> m = MatchAt(*re, s.text(), 0, 1);
  return Value(m.empty() ? std::string_view() : s.Slice(m[0], m[1]));
}

Result<Value> RegexFindAllFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::unique_ptr<RE2> re, MustCompile(a[0].AsString()));
  const Subject s(a[1].AsString());
  int64_t n = a[2].AsInt();
  if (n < 0) n = static_cast<int64_t>(a[1].AsString().size()) + 1;
  std::vector<std::string> out;
  for (const auto& m : AllMatches(*re, s.text(), n, 1)) out.emplace_back(s.Slice(m[0], m[1]));
  return GoStringList(std::move(out));
}

Result<Value> RegexReplaceAllFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::unique_ptr<RE2> re, MustCompile(a[0].AsString()));
  const Subject src(a[1].AsString());
  const std::string_view tmpl = a[2].AsString();
  const int groups = re->NumberOfCapturingGroups() + 1;
  return Value(ReplaceAll(*re, src, groups, [&](const std::vector<int64_t>& m, std::string* out) {
    Expand(*re, tmpl, src, m, out);
  }));
}

Result<Value> RegexReplaceAllLiteralFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::unique_ptr<RE2> re, MustCompile(a[0].AsString()));
  const Subject src(a[1].AsString());
  const std::string_view repl = a[2].AsString();
  return Value(ReplaceAll(
      *re, src, 1, [&](const std::vector<int64_t>&, std::string* out) { out->append(repl); }));
}

// Regexp.Split: the text between up to n-1 matches (n < 0: all), an empty leading match
// producing no element.
Result<Value> RegexSplitFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::unique_ptr<RE2> re, MustCompile(a[0].AsString()));
  const Subject s(a[1].AsString());
  const std::string_view text = s.text();
  const int64_t n = a[2].AsInt();
  std::vector<std::string> out;
  if (n == 0) return GoStringList({});
  if (!a[0].AsString().empty() && text.empty()) return GoStringList({""});
  int64_t limit = n < 0 ? static_cast<int64_t>(a[1].AsString().size()) + 1 : n;
  size_t begin = 0, end = 0;
  for (const auto& m : AllMatches(*re, text, limit, 1)) {
    if (n > 0 && static_cast<int64_t>(out.size()) >= n - 1) break;
    end = static_cast<size_t>(m[0]);
    if (m[1] != 0) out.emplace_back(s.Slice(begin, end));
    begin = static_cast<size_t>(m[1]);
  }
  if (end != text.size()) out.emplace_back(s.Slice(begin, text.size()));
  return GoStringList(std::move(out));
}

}  // namespace

void RegisterRegex(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("regexMatch", {P::kString, P::kString}, RegexMatchFn);
  funcs->Add("regexFind", {P::kString, P::kString}, RegexFindFn);
  funcs->Add("regexFindAll", {P::kString, P::kString, P::kInt}, RegexFindAllFn);
  funcs->Add("regexReplaceAll", {P::kString, P::kString, P::kString}, RegexReplaceAllFn);
  funcs->Add("regexReplaceAllLiteral", {P::kString, P::kString, P::kString},
             RegexReplaceAllLiteralFn);
  funcs->Add("regexSplit", {P::kString, P::kString, P::kInt}, RegexSplitFn);
}

}  // namespace kanon::tmpl::sprig
