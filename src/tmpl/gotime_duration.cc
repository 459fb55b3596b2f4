// time.ParseDuration and Duration.String.

#include <optional>
#include <string>

#include "tmpl/gotime.h"
#include "tmpl/gotime_calendar.h"

namespace kanon::tmpl {
namespace {

constexpr uint64_t kLimit = uint64_t{1} << 63;  // one past the largest duration

std::optional<uint64_t> UnitNanos(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\u00b5s" || unit == "\u03bcs") return 1000;
  if (unit == "ms") return 1000000;
  if (unit == "s") return 1000000000;
  if (unit == "m") return uint64_t{60} * 1000000000;
  if (unit == "h") return uint64_t{3600} * 1000000000;
  return std::nullopt;
}

// Leading decimal digits of s; nullopt on overflow past 2^63.
std::optional<uint64_t> LeadingInt(std::string_view* s) {
  uint64_t x = 0;
  size_t i = 0;
  for (; i < s->size() && (*s)[i] >= '0' && (*s)[i] <= '9'; ++i) {
    if (x > kLimit / 10) return std::nullopt;
    x = x * 10 + static_cast<uint64_t>((*s)[i] - '0');
    if (x > kLimit) return std::nullopt;
  }
  s->remove_prefix(i);
  return x;
}

// Fraction digits after the point: the value and its scale, digits past overflow ignored.
void LeadingFraction(std::string_view* s, uint64_t* x, double* scale) {
  bool overflow = false;
  size_t i = 0;
  for (; i < s->size() && (*s)[i] >= '0' && (*s)[i] <= '9'; ++i) {
    if (overflow) continue;
    if (*x > (kLimit - 1) / 10) {
      overflow = true;
      continue;
    }
    uint64_t y = *x * 10 + static_cast<uint64_t>((*s)[i] - '0');
    if (y > kLimit) {
      overflow = true;
      continue;
    }
    *x = y;
    *scale *= 10;
  }
  s->remove_prefix(i);
}

// Writes v's last `prec` decimal digits as a fraction, without trailing zeros.
void PrependFraction(std::string* out, uint64_t* v, int prec) {
  std::string frac;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    uint64_t digit = *v % 10;
    print = print || digit != 0;
    if (print) frac.insert(frac.begin(), static_cast<char>('0' + digit));
    *v /= 10;
  }
  if (print) out->insert(0, "." + frac);
}

}  // namespace

Result<int64_t> GoParseDuration(std::string_view text) {
  const std::string_view orig = text;
  const auto invalid = [&] {
    return InvalidArgument("time: invalid duration " + gotime::TimeQuote(orig));
  };
  bool neg = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    neg = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text == "0") return int64_t{0};
  if (text.empty()) return invalid();
  uint64_t total = 0;
  while (!text.empty()) {
    if (!(text[0] == '.' || (text[0] >= '0' && text[0] <= '9'))) return invalid();
    size_t before = text.size();
    std::optional<uint64_t> v = LeadingInt(&text);
    if (!v) return invalid();
    bool pre = before != text.size();
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!text.empty() && text[0] == '.') {
      text.remove_prefix(1);
      size_t at = text.size();
      LeadingFraction(&text, &f, &scale);
      post = at != text.size();
    }
    if (!pre && !post) return invalid();
    size_t i = 0;
    while (i < text.size() && text[i] != '.' && !(text[i] >= '0' && text[i] <= '9')) ++i;
    if (i == 0) return InvalidArgument("time: missing unit in duration " + gotime::TimeQuote(orig));
    std::string_view unit_text = text.substr(0, i);
    text.remove_prefix(i);
    std::optional<uint64_t> unit = UnitNanos(unit_text);
    if (!unit) {
      return InvalidArgument("time: unknown unit " + gotime::TimeQuote(unit_text) +
                             " in duration " + gotime::TimeQuote(orig));
    }
    if (*v > kLimit / *unit) return invalid();
    *v *= *unit;
    if (f > 0) {
      // Go computes the fractional part in float64 and truncates.
      *v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(*unit) / scale));
      if (*v > kLimit) return invalid();
    }
    total += *v;
    if (total > kLimit) return invalid();
  }
  if (neg) return static_cast<int64_t>(~total + 1);
  if (total > kLimit - 1) return invalid();
  return static_cast<int64_t>(total);
}

std::string GoDurationString(int64_t nanos) {
  bool neg = nanos < 0;
  uint64_t u = static_cast<uint64_t>(nanos);
  if (neg) u = ~u + 1;
  std::string out;
  if (u < 1000000000) {
    // Under a second: the largest unit among ns, µs and ms that fits.
    if (u == 0) return "0s";
    int prec = 0;
    const char* unit = "ns";
    if (u >= 1000000) {
      prec = 6;
      unit = "ms";
    } else if (u >= 1000) {
      prec = 3;
      unit = "\u00b5s";
    }
    PrependFraction(&out, &u, prec);
    out = std::to_string(u) + out + unit;
  } else {
    PrependFraction(&out, &u, 9);
    out = std::to_string(u % 60) + out + "s";
    u /= 60;
    if (u > 0) {
      out = std::to_string(u % 60) + "m" + out;
      u /= 60;
      if (u > 0) out = std::to_string(u) + "h" + out;  // hours are the largest unit
    }
  }
  return neg ? "-" + out : out;
}

}  // namespace kanon::tmpl
