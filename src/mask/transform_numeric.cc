// Perturbing transformers: noise on numbers, dateShift on dates. Both keep the value's shape
// (precision, time of day, era) and draw the change from the key, so it is stable per value.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/suggest.h"
#include "mask/registry.h"

namespace kanon::mask {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Syntax of a decimal number: sign, digits, optional fraction and exponent.
bool ScanNumber(std::string_view t, int* decimals, bool* exponent) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t digits = 0;
  while (i < t.size() && IsDigit(t[i])) ++i, ++digits;
  *decimals = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && IsDigit(t[i])) ++i, ++digits, ++*decimals;
  }
  *exponent = i < t.size() && (t[i] == 'e' || t[i] == 'E');
  if (*exponent) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (i == t.size() || !IsDigit(t[i])) return false;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  return digits > 0 && i == t.size();
}

bool NonFinite(std::string_view t) {
  return t == "NaN" || t == "Infinity" || t == "-Infinity" || t == "inf" || t == "-inf" ||
         t == "nan";
}

class NoiseMask final : public Transformer {
 public:
  NoiseMask(const KeyedHash& key, double fraction, ColumnType type)
      : key_(key), fraction_(fraction), type_(std::move(type)) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    if (NonFinite(in.text)) {
      out->assign(in.text);
      return true;
    }
    int decimals = 0;
    bool exponent = false;
    if (!ScanNumber(in.text, &decimals, &exponent)) {
      return InvalidArgument("noise needs a number and the value is not one");
    }
    std::string text(in.text);
    long double v = std::strtold(text.c_str(), nullptr);
    KeyedStream s(key_, in.text, ctx.attempt);
    long double u = static_cast<long double>(s.Next64() >> 11) * 0x1p-53L;
    long double r = Clamp(v * (1 + (2 * u - 1) * fraction_));
    if (type_.cls == TypeClass::kDecimal && type_.scale > 0) decimals = type_.scale;
    Format(r, exponent && type_.cls != TypeClass::kInteger, decimals, out);
    return true;
  }

 private:
  long double Clamp(long double r) const {
    if (type_.cls == TypeClass::kInteger && type_.int_bytes > 0) {
      long double hi = static_cast<long double>(IntegerMax(type_));
      long double lo = type_.is_unsigned ? 0 : -hi - 1;
      return std::min(hi, std::max(lo, std::round(r)));
    }
    if (type_.cls == TypeClass::kDecimal && type_.precision > 0) {
      long double hi =
          std::pow(10.0L, type_.precision - type_.scale) - std::pow(10.0L, -type_.scale);
      return std::min(hi, std::max(-hi, r));
    }
    const long double kMax = 1.7976931348623157e308L;
    return std::min(kMax, std::max(-kMax, r));
  }

  static void Format(long double r, bool exponent, int decimals, std::string* out) {
    char buf[400];
    int n;
    if (exponent) {
      auto res = std::to_chars(buf, buf + sizeof(buf), static_cast<double>(r));
      n = static_cast<int>(res.ptr - buf);
    } else {
      n = std::snprintf(buf, sizeof(buf), "%.*Lf", decimals, r);
    }
    out->assign(buf, static_cast<size_t>(std::max(n, 0)));
    if (!out->empty() && (*out)[0] == '-' && out->find_first_not_of("-0.") == std::string::npos) {
      out->erase(0, 1);  // no "-0.00"
    }
  }

  KeyedHash key_;
  double fraction_;
  ColumnType type_;
};

// Days since 1970-01-01 of a proleptic Gregorian date (astronomical year: 1 BC = 0).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

int64_t DaysInMonth(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Writes v (>= 0) in decimal, zero-padded to `width` digits, at p; returns the end.
char* WritePadded(int64_t v, int width, char* p) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) *p++ = buf[--n];
  return p;
}

class DateShiftMask final : public Transformer {
 public:
  DateShiftMask(const KeyedHash& key, int64_t max_days, std::optional<size_t> by)
      : key_(key), max_days_(max_days), by_(by) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    std::string_view t = in.text;
    if (t == "infinity" || t == "-infinity" || t.substr(0, 10) == "0000-00-00") {
      out->assign(t);  // no day to move
      return true;
    }
    size_t i = 0;
    while (i < t.size() && IsDigit(t[i])) ++i;
    int64_t y = 0, m = 0, d = 0;
    bool ok = i >= 4 && i + 6 <= t.size() && t[i] == '-' && t[i + 3] == '-' && IsDigit(t[i + 1]) &&
              IsDigit(t[i + 2]) && IsDigit(t[i + 4]) && IsDigit(t[i + 5]);
    if (ok) {
      std::from_chars(t.data(), t.data() + i, y);
      m = (t[i + 1] - '0') * 10 + (t[i + 2] - '0');
      d = (t[i + 4] - '0') * 10 + (t[i + 5] - '0');
      ok = m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
    }
    if (!ok) return InvalidArgument("dateShift needs a date (YYYY-MM-DD...) and the value is not");
    std::string_view rest = t.substr(i + 6);
    bool bc = rest.size() >= 3 && rest.substr(rest.size() - 3) == " BC";
    if (bc) rest.remove_suffix(3), y = 1 - y;
    Cell seed = by_ && ctx.row ? ctx.row->Input(*by_) : in;
    KeyedStream s(key_, seed.null ? std::string_view("\\N") : seed.text, 0);
    int64_t r = static_cast<int64_t>(s.Uniform(static_cast<uint64_t>(2 * max_days_)));
    int64_t shift = r < max_days_ ? r - max_days_ : r - max_days_ + 1;
    CivilFromDays(DaysFromCivil(y, m, d) + shift, &y, &m, &d);
    bc = y <= 0;
    char buf[32];
    char* p = WritePadded(bc ? 1 - y : y, 4, buf);
    *p++ = '-';
    p = WritePadded(m, 2, p);
    *p++ = '-';
    p = WritePadded(d, 2, p);
    out->assign(buf, static_cast<size_t>(p - buf));
    out->append(rest);
    if (bc) out->append(" BC");
    return true;
  }

 private:
  KeyedHash key_;
  int64_t max_days_;
  std::optional<size_t> by_;
};

}  // namespace

Result<std::unique_ptr<Transformer>> MakeNoise(const Params& p, const BuildContext& ctx) {
  double percent = p.Number("percent");
  if (!(percent > 0 && percent <= 100)) {
    return InvalidArgument("percent must be more than 0 and at most 100");
  }
  return NewTransformer<NoiseMask>(*ctx.key, percent / 100, ctx.type);
}

Result<std::unique_ptr<Transformer>> MakeDateShift(const Params& p, const BuildContext& ctx) {
  int64_t max_days = p.Int("maxDays");
  if (max_days < 1 || max_days > 36500) {
    return InvalidArgument("maxDays must be between 1 and 36500");
  }
  std::optional<size_t> by;
  if (p.Has("by") && ctx.columns != nullptr) {
    std::string name = p.String("by");
    for (size_t i = 0; i < ctx.columns->size(); ++i) {
      if ((*ctx.columns)[i] == name) by = i;
    }
    if (!by) {
      return InvalidArgument("by: the table has no column \"" + name + "\"" +
                             DidYouMeanSuffix(name, *ctx.columns));
    }
  }
  return NewTransformer<DateShiftMask>(*ctx.key, max_days, by);
}

}  // namespace kanon::mask
