// Numbers in the Go fmt layer: strconv.FormatFloat for float64 and the raw formatter's
// integer and float printing (signs, zero padding, precision, the # forms).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "tmpl/gofmt_printer.h"

namespace kanon::tmpl::gofmt {
namespace {

// A decimal 0.DIGITS x 10^dp without trailing zeros; zero has no digits.
struct Decimal {
  std::string digits;
  int dp = 0;
};

// to_chars' scientific form "d.ddde+XX" of |v| as a Decimal; precision < 0 is shortest.
Decimal ScientificDigits(double v, int precision) {
  Decimal d;
  if (v == 0) return d;
  std::vector<char> buf(static_cast<size_t>(precision < 0 ? 0 : precision) + 64);
  auto res = precision < 0 ? std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v),
                                           std::chars_format::scientific)
                           : std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v),
                                           std::chars_format::scientific, precision);
  std::string_view text(buf.data(), static_cast<size_t>(res.ptr - buf.data()));
  size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') d.digits.push_back(c);
  }
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  std::string_view exp_text = text.substr(e + 1);
  if (exp_text[0] == '+') exp_text.remove_prefix(1);
  int exp = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  d.dp = exp + 1;
  return d;
}

// strconv's %e layout of a Decimal with `prec` fraction digits.
std::string LayoutE(bool neg, const Decimal& d, int prec, char e) {
  std::string out = neg ? "-" : "";
  int nd = static_cast<int>(d.digits.size());
  out.push_back(nd == 0 ? '0' : d.digits[0]);
  if (prec > 0) {
    out.push_back('.');
    for (int i = 1; i <= prec; ++i) out.push_back(i < nd ? d.digits[static_cast<size_t>(i)] : '0');
  }
  out.push_back(e);
  int exp = nd == 0 ? 0 : d.dp - 1;
  out.push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp < 10) out.push_back('0');
  out.append(std::to_string(exp));
  return out;
}

// strconv's %f layout of a Decimal with `prec` fraction digits.
std::string LayoutF(bool neg, const Decimal& d, int prec) {
  std::string out = neg ? "-" : "";
  int nd = static_cast<int>(d.digits.size());
  const auto digit = [&](int j) {
    return j >= 0 && j < nd ? d.digits[static_cast<size_t>(j)] : '0';
  };
  if (d.dp > 0) {
    for (int j = 0; j < d.dp; ++j) out.push_back(digit(j));
  } else {
    out.push_back('0');
  }
  if (prec > 0) {
    out.push_back('.');
    for (int i = 0; i < prec; ++i) out.push_back(digit(d.dp + i));
  }
  return out;
}

// %g: exponent form for small or large exponents, otherwise plain; no padding zeros.
std::string LayoutG(bool neg, const Decimal& d, int prec, bool shortest, char e) {
  int nd = static_cast<int>(d.digits.size());
  int eprec = prec;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  if (shortest) eprec = 6;  // Go's %v switches to an exponent at 1e+06
  int exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) return LayoutE(neg, d, std::min(prec, nd) - 1, e);
  if (prec > d.dp) prec = nd;
  return LayoutF(neg, d, std::max(prec - d.dp, 0));
}

std::string FormatBinaryExponent(bool neg, uint64_t mant, int exp) {
  std::string out = neg ? "-" : "";
  out += std::to_string(mant) + "p" + (exp >= 0 ? "+" : "") + std::to_string(exp);
  return out;
}

// %x: 0x1.hhhhp+dd with the mantissa normalized to one leading bit.
std::string FormatHexFloat(bool neg, uint64_t mant, int exp, int prec, char fmt) {
  if (mant == 0) exp = 0;
  mant <<= 60 - 52;  // the leading bit now sits at bit 60
  while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    // Round to nearest even at 4*prec fraction bits.
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) ++mant;
    mant <<= 60 - shift;
    if (mant & (uint64_t{1} << 61)) {
      mant >>= 1;
      ++exp;
    }
  }
  const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out = neg ? "-" : "";
  out += {'0', fmt, static_cast<char>('0' + ((mant >> 60) & 1))};
  mant <<= 4;
  if ((prec < 0 && mant != 0) || prec > 0) {
    out.push_back('.');
    for (int i = 0; prec < 0 ? mant != 0 : i < prec; ++i) {
      out.push_back(hex[(mant >> 60) & 15]);
      mant <<= 4;
    }
  }
  out.push_back(fmt == 'X' ? 'P' : 'p');
  out.push_back(exp < 0 ? '-' : '+');
  exp = std::abs(exp);
  if (exp < 10) out.push_back('0');
  out.append(std::to_string(exp));
  return out;
}

std::string FormatFixedOrExponent(double v, char fmt, int prec) {
  std::vector<char> buf(static_cast<size_t>(prec) + 400);
  auto res =
      std::to_chars(buf.data(), buf.data() + buf.size(), v,
                    fmt == 'f' ? std::chars_format::fixed : std::chars_format::scientific, prec);
  std::string out(buf.data(), res.ptr);
  if (fmt == 'E') {
    for (char& c : out) c = c == 'e' ? 'E' : c;
  }
  return out;
}

// The # flag for floats: always a decimal point, and for %g and %x the trailing zeros that
// shortest formatting dropped, up to the precision (6 by default). num starts with its sign.
void KeepPointAndZeros(std::string* num, char verb, int prec) {
  int digits = 0;
  if (verb == 'g' || verb == 'G' || verb == 'x') digits = prec == -1 ? 6 : prec;
  std::string tail;
  bool has_point = false, saw_nonzero = false;
  for (size_t i = 1; i < num->size(); ++i) {
    char c = (*num)[i];
    if (c == '.') {
      has_point = true;
    } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
      tail = num->substr(i);
      num->resize(i);
      break;
    } else {
      saw_nonzero = saw_nonzero || c != '0';
      if (saw_nonzero) --digits;  // significant digits already shown
    }
  }
  if (!has_point) {
    if (num->size() == 2 && (*num)[1] == '0') --digits;  // a lone 0 counts as a digit
    num->push_back('.');
  }
  if (digits > 0) num->append(static_cast<size_t>(digits), '0');
  *num += tail;
}

}  // namespace

std::string FormatFloat(double v, char fmt, int prec) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  bool neg = std::signbit(v);
  if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    int exp = static_cast<int>((bits >> 52) & 0x7FF);
    uint64_t mant = bits & ((uint64_t{1} << 52) - 1);
    if (exp == 0) {
      ++exp;  // subnormal
    } else {
      mant |= uint64_t{1} << 52;
    }
    exp -= 1023;
    if (fmt == 'b') return FormatBinaryExponent(neg, mant, exp - 52);
    return FormatHexFloat(neg, mant, exp, prec, fmt);
  }
  bool shortest = prec < 0;
  if (!shortest && (fmt == 'f' || fmt == 'e' || fmt == 'E')) {
    return FormatFixedOrExponent(v, fmt, prec);
  }
  if (!shortest && prec == 0) prec = 1;  // %g with precision 0 means one digit
  Decimal d = ScientificDigits(v, shortest ? -1 : prec - 1);
  int nd = static_cast<int>(d.digits.size());
  char e = fmt == 'E' || fmt == 'G' ? 'E' : 'e';
  switch (fmt) {
    case 'e':
    case 'E':
      return LayoutE(neg, d, std::max(nd - 1, 0), e);
    case 'f':
      return LayoutF(neg, d, std::max(nd - d.dp, 0));
    default:
      return LayoutG(neg, d, shortest ? nd : prec, shortest, e);
  }
}

void Printer::FmtInteger(uint64_t u, int base, bool is_signed, char32_t verb, bool upper) {
  bool negative = is_signed && static_cast<int64_t>(u) < 0;
  if (negative) u = ~u + 1;
  // Leading zeros come from the precision, or from the width under the 0 flag.
  int min_digits = 0;
  if (flags.prec_present) {
    min_digits = prec;
    if (prec == 0 && u == 0) {  // %.0d of 0 prints nothing but padding
      bool zero = flags.zero;
      flags.zero = false;
      WritePadding(wid);
      flags.zero = zero;
      return;
    }
  } else if (flags.zero && flags.wid_present) {
    min_digits = wid;
    if (negative || flags.plus || flags.space) --min_digits;  // room for the sign
  }
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string num;
  do {
    num.push_back(digits[u % static_cast<uint64_t>(base)]);
    u /= static_cast<uint64_t>(base);
  } while (u != 0);
  while (static_cast<int>(num.size()) < min_digits) num.push_back('0');
  if (flags.sharp) {
    if (base == 2) num += "b0";
    if (base == 8 && num.back() != '0') num.push_back('0');
    if (base == 16) num += upper ? "X0" : "x0";
  }
  if (verb == 'O') num += "o0";
  if (negative) {
    num.push_back('-');
  } else if (flags.plus) {
    num.push_back('+');
  } else if (flags.space) {
    num.push_back(' ');
  }
  std::string text(num.rbegin(), num.rend());
  bool zero = flags.zero;
  flags.zero = false;  // zero padding was done above as precision
  Pad(text);
  flags.zero = zero;
}

void Printer::FmtFloat(double v, char verb, int default_prec) {
  int p = flags.prec_present ? prec : default_prec;
  std::string num = FormatFloat(v, verb, p);
  if (num[0] != '-' && num[0] != '+') num.insert(num.begin(), '+');
  if (flags.space && num[0] == '+' && !flags.plus) num[0] = ' ';
  if (num[1] == 'I' || num[1] == 'N') {
    // Infinities and NaN are never zero padded; NaN shows a sign only when asked.
    bool zero = flags.zero;
    flags.zero = false;
    if (num[1] == 'N' && !flags.space && !flags.plus) num.erase(0, 1);
    Pad(num);
    flags.zero = zero;
    return;
  }
  if (flags.sharp && verb != 'b') KeepPointAndZeros(&num, verb, p);
  if (flags.plus || num[0] != '+') {
    if (flags.zero && flags.wid_present && wid > static_cast<int>(num.size())) {
      // The sign goes before the zero padding.
      buf.push_back(num[0]);
      WritePadding(wid - static_cast<int>(num.size()));
      buf.append(num, 1);
      return;
    }
    Pad(num);
    return;
  }
  Pad(std::string_view(num).substr(1));
}

void Printer::Fmt0x64(uint64_t v, bool leading0x) {
  bool sharp = flags.sharp;
  flags.sharp = leading0x;
  FmtInteger(v, 16, false, 'v', false);
  flags.sharp = sharp;
}

}  // namespace kanon::tmpl::gofmt
