// Scanning values against Go layout elements: the small readers time.Parse and
// time.ParseDuration share, with the time package's quoting for error messages.

#include <optional>
#include <string>

#include "tmpl/gotime_calendar.h"

namespace kanon::tmpl::gotime {
namespace {

size_t SignedOffsetLength(std::string_view v) {
  if (v.empty() || (v[0] != '-' && v[0] != '+')) return 0;
  size_t i = 1;
  uint64_t x = 0;
  for (; i < v.size() && IsDigit(v, i); ++i) {
    if (x > (uint64_t{1} << 63) / 10) return 0;
    x = x * 10 + static_cast<uint64_t>(v[i] - '0');
  }
  if (i == 1 || x > 23) return 0;
  return i;
}

}  // namespace

// The time package's own quoting for error messages: non-ASCII and control bytes as \x.
std::string TimeQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<uint8_t>(ch);
    if (c >= 0x80 || c < ' ') {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
      continue;
    }
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  out.push_back('"');
  return out;
}

bool IsDigit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Go's time.atoi: an optional sign and decimal digits, nothing else.
std::optional<int64_t> Atoi(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (x > (uint64_t{1} << 63) / 10) return std::nullopt;
    x = x * 10 + static_cast<uint64_t>(c - '0');
    if (x > (uint64_t{1} << 63)) return std::nullopt;
  }
  return neg ? -static_cast<int64_t>(x) : static_cast<int64_t>(x);
}

// One or two digits (exactly two when fixed); leaves s alone on failure.
std::optional<int> GetNum(std::string_view* s, bool fixed) {
  if (!IsDigit(*s, 0)) return std::nullopt;
  if (!IsDigit(*s, 1)) {
    if (fixed) return std::nullopt;
    int n = (*s)[0] - '0';
    s->remove_prefix(1);
    return n;
  }
  int n = ((*s)[0] - '0') * 10 + ((*s)[1] - '0');
  s->remove_prefix(2);
  return n;
}

// One to three digits (exactly three when fixed).
std::optional<int> GetNum3(std::string_view* s, bool fixed) {
  int n = 0;
  size_t i = 0;
  for (; i < 3 && IsDigit(*s, i); ++i) n = n * 10 + ((*s)[i] - '0');
  if (i == 0 || (fixed && i != 3)) return std::nullopt;
  s->remove_prefix(i);
  return n;
}

// A name from `names` at the front of s, ignoring ASCII case; returns its index.
std::optional<int> LookupName(const char* const* names, int count, std::string_view* s) {
  for (int i = 0; i < count; ++i) {
    std::string_view name = names[i];
    if (s->size() < name.size()) continue;
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) {
      char a = (*s)[k], b = name[k];
      if (a != b) {
        a = static_cast<char>(a | 0x20);
        b = static_cast<char>(b | 0x20);
        match = a == b && a >= 'a' && a <= 'z';
      }
    }
    if (match) {
      s->remove_prefix(name.size());
      return i;
    }
  }
  return std::nullopt;
}

// Removes `prefix` from value, where a run of spaces matches any run of spaces.
bool Skip(std::string_view* value, std::string_view prefix) {
  const auto cut_spaces = [](std::string_view* s) {
    while (!s->empty() && (*s)[0] == ' ') s->remove_prefix(1);
  };
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value->empty() && (*value)[0] != ' ') return false;
      cut_spaces(&prefix);
      cut_spaces(value);
      continue;
    }
    if (value->empty() || (*value)[0] != prefix[0]) return false;
    prefix.remove_prefix(1);
    value->remove_prefix(1);
  }
  return true;
}

// Go's parseTimeZone: the length of a zone abbreviation at the front of v, or 0.
size_t TimeZoneLength(std::string_view v) {
  if (v.size() < 3) return 0;
  if (v.starts_with("ChST") || v.starts_with("MeST")) return 4;
  if (v.starts_with("GMT")) return 3 + (v.size() > 3 ? SignedOffsetLength(v.substr(3)) : 0);
  if (v[0] == '+' || v[0] == '-') return SignedOffsetLength(v);
  size_t upper = 0;
  while (upper < 6 && upper < v.size() && v[upper] >= 'A' && v[upper] <= 'Z') ++upper;
  if (upper == 3) return 3;
  if (upper == 4 && (v[3] == 'T' || v.starts_with("WITA"))) return 4;
  if (upper == 5 && v[4] == 'T') return 5;
  return 0;
}

// A separator and digits (nbytes in all) as nanoseconds.
Nanos ParseNanoseconds(std::string_view value, size_t nbytes) {
  if (value.empty() || (value[0] != '.' && value[0] != ',')) return {};
  if (nbytes > 10) nbytes = 10;
  std::optional<int64_t> ns = Atoi(value.substr(1, nbytes - 1));
  if (!ns) return {};
  if (*ns < 0) return {0, true, true};
  for (size_t i = nbytes; i < 10; ++i) *ns *= 10;
  return {static_cast<int>(*ns), true, false};
}

}  // namespace kanon::tmpl::gotime
