// Go's strconv number parsers (ParseInt, ParseUint, ParseFloat) with their syntax rules:
// base prefixes, underscores, inf/nan, hex floats, and Go's range errors.
#include <locale.h>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

char Lower(char c) { return static_cast<char>(c | 0x20); }
bool IsDecimal(char c) { return c >= '0' && c <= '9'; }

// strconv's underscoreOK: underscores only between digits (a base prefix counts as a digit).
bool UnderscoreOk(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (IsDecimal(c) || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

int DigitValue(char c) {
  if (IsDecimal(c)) return c - '0';
  char l = Lower(c);
  if (l >= 'a' && l <= 'z') return l - 'a' + 10;
  return 99;
}

// special(): "inf", "infinity" (signed) and "nan", case-insensitive, as the whole input.
bool ParseSpecialFloat(std::string_view s, double* out) {
  auto equals_nocase = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (Lower(a[i]) != b[i]) return false;
    }
    return true;
  };
  if (equals_nocase(s, "nan")) {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  double sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (equals_nocase(s, "inf") || equals_nocase(s, "infinity")) {
    *out = sign * std::numeric_limits<double>::infinity();
    return true;
  }
  return false;
}

// readFloat's grammar, over the whole input: sign, digits with one dot, an exponent ('e', or
// the mandatory 'p' after a 0x prefix), underscores where underscoreOK allows them.
bool ValidFloatSyntax(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && Lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool saw_dot = false, saw_digits = false, underscores = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if (IsDecimal(c) || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  if (i < s.size() && Lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || !IsDecimal(s[i])) return false;
    for (; i < s.size() && (IsDecimal(s[i]) || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;
  }
  if (i != s.size()) return false;
  return !underscores || UnderscoreOk(s);
}

locale_t CNumericLocale() {
  static const locale_t loc = newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(0));
  return loc;
}

}  // namespace

NumError GoParseUint(std::string_view s, int base, int bit_size, uint64_t* out) {
  *out = 0;
  if (s.empty()) return NumError::kSyntax;
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && Lower(s[1]) == 'b') {
        base = 2, s.remove_prefix(2);
      } else if (s.size() >= 3 && Lower(s[1]) == 'o') {
        base = 8, s.remove_prefix(2);
      } else if (s.size() >= 3 && Lower(s[1]) == 'x') {
        base = 16, s.remove_prefix(2);
      } else {
        base = 8, s.remove_prefix(1);
      }
    }
  }
  if (bit_size == 0) bit_size = 64;
  const uint64_t max_val =
      bit_size >= 64 ? std::numeric_limits<uint64_t>::max() : (uint64_t{1} << bit_size) - 1;
  const uint64_t cutoff = std::numeric_limits<uint64_t>::max() / static_cast<uint64_t>(base) + 1;
  bool underscores = false;
  uint64_t n = 0;
  for (char c : s) {
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    int d = DigitValue(c);
    if (d >= base) return NumError::kSyntax;
    if (n >= cutoff) {
      *out = max_val;
      return NumError::kRange;
    }
    n *= static_cast<uint64_t>(base);
    uint64_t n1 = n + static_cast<uint64_t>(d);
    if (n1 < n || n1 > max_val) {
      *out = max_val;
      return NumError::kRange;
    }
    n = n1;
  }
  if (underscores && !UnderscoreOk(s0)) return NumError::kSyntax;
  *out = n;
  return NumError::kNone;
}

NumError GoParseInt(std::string_view s, int base, int bit_size, int64_t* out, int64_t* clamped) {
  *out = 0;
  if (s.empty()) return NumError::kSyntax;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t un = 0;
  NumError err = GoParseUint(s, base, bit_size, &un);
  if (err == NumError::kSyntax) return err;
  if (bit_size == 0) bit_size = 64;
  const uint64_t cutoff = uint64_t{1} << (bit_size - 1);
  if (!neg && un >= cutoff) {
    if (clamped != nullptr) *clamped = static_cast<int64_t>(cutoff - 1);
    return NumError::kRange;
  }
  if (neg && un > cutoff) {
    if (clamped != nullptr) *clamped = -static_cast<int64_t>(cutoff - 1) - 1;
    return NumError::kRange;
  }
  *out = neg ? static_cast<int64_t>(0 - un) : static_cast<int64_t>(un);
  return NumError::kNone;
}

NumError GoParseFloat(std::string_view s, double* out) {
  *out = 0;
  if (ParseSpecialFloat(s, out)) return NumError::kNone;
  if (!ValidFloatSyntax(s)) return NumError::kSyntax;
  std::string clean;
  for (char c : s) {
    if (c != '_') clean.push_back(c);
  }
  errno = 0;
  char* end = nullptr;
  double d = strtod_l(clean.c_str(), &end, CNumericLocale());
  if (errno == ERANGE && std::isinf(d)) {
    *out = d;
    return NumError::kRange;
  }
  *out = d;
  return NumError::kNone;
}

}  // namespace kanon::tmpl::sprig
