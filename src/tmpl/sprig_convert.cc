// Conversions: strconv's parsers, spf13/cast's number casts, sprig's strval/strslice, and the
// sprig functions built on them (toString, toStrings, atoi, int, int64, float64, toDecimal).
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <locale.h>

#include "tmpl/gofmt.h"
#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Kind;
using value::Value;

char Lower(char c) { return static_cast<char>(c | 0x20); }
bool IsDecimal(char c) { return c >= '0' && c <= '9'; }

// strconv's underscoreOK: underscores only between digits (a base prefix counts as a digit).
bool UnderscoreOk(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' ||
                                       Lower(s[1]) == 'x')) {
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

int64_t GoFloatToInt64(double d) {
  // Outside (-2^63, 2^63) and for NaN, amd64's conversion yields the "integer indefinite".
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    return std::numeric_limits<int64_t>::min();
  }
  return static_cast<int64_t>(d);
}

int64_t CastToInt64(const Value& v) {
  switch (v.kind()) {
    case Kind::kInt: return v.AsInt();
    case Kind::kUint: return static_cast<int64_t>(v.AsUint());
    case Kind::kFloat: return GoFloatToInt64(v.AsFloat());
    case Kind::kBool: return v.AsBool() ? 1 : 0;
    case Kind::kString: {
      std::string_view s = v.AsString();
      // cast drops a zero fraction ("3.00" -> "3") before parsing with base prefixes.
      bool found_zero = false;
      for (size_t i = s.size(); i > 0; --i) {
        char c = s[i - 1];
        if (c == '.' && found_zero) {
          s = s.substr(0, i - 1);
          break;
        }
        if (c == '0') {
          found_zero = true;
        } else if (c != '.') {
          break;
        }
      }
      int64_t n = 0;
      return GoParseInt(s, 0, 0, &n) == NumError::kNone ? n : 0;
    }
    default: return 0;
  }
}

double CastToFloat64(const Value& v) {
  switch (v.kind()) {
    case Kind::kInt: return static_cast<double>(v.AsInt());
    case Kind::kUint: return static_cast<double>(v.AsUint());
    case Kind::kFloat: return v.AsFloat();
    case Kind::kBool: return v.AsBool() ? 1 : 0;
    case Kind::kString: {
      double d = 0;
      return GoParseFloat(v.AsString(), &d) == NumError::kNone ? d : 0;
    }
    default: return 0;
  }
}

std::string StrVal(const Value& v) {
  if (v.kind() == Kind::kString || v.kind() == Kind::kBytes) return v.AsString();
  std::string out;
  AppendGoValue(&out, v);
  return out;
}

Value GoStringList(std::vector<std::string> items) {
  value::List list;
  list.reserve(items.size());
  for (auto& s : items) list.emplace_back(std::move(s));
  return Value::FromList(std::move(list), GoType::kStringList);
}

Value StrSlice(const Value& v) {
  if (v.go_type() == GoType::kStringList) return v;
  if (v.kind() == Kind::kList) {
    std::vector<std::string> out;
    for (const Value& item : v.AsList()) {
      if (!item.is_nil()) out.push_back(StrVal(item));
    }
    return GoStringList(std::move(out));
  }
  if (v.kind() == Kind::kBytes) {
    std::vector<std::string> out;
    for (unsigned char c : v.AsString()) out.push_back(std::to_string(c));
    return GoStringList(std::move(out));
  }
  if (v.is_nil()) return GoStringList({});
  return GoStringList({StrVal(v)});
}

std::string_view GoKindName(const Value& v) {
  switch (v.go_type()) {
    case GoType::kNil: return "invalid";
    case GoType::kBytes:
    case GoType::kAnyList:
    case GoType::kStringList:
    case GoType::kIntList: return "slice";
    case GoType::kAnyMap:
    case GoType::kStringMap: return "map";
    case GoType::kStruct: return v.is_pointer() ? "ptr" : "struct";
    case GoType::kTime: return "struct";
    default: break;
  }
  // Scalars: the kind is the type's name.
  static const std::string_view kNames[] = {"bool",  "int",    "int32",  "int64",
                                            "uint8", "uint32", "uint",   "uint64",
                                            "float64", "string"};
  switch (v.go_type()) {
    case GoType::kBool: return kNames[0];
    case GoType::kInt: return kNames[1];
    case GoType::kInt32: return kNames[2];
    case GoType::kInt64: return kNames[3];
    case GoType::kUint8: return kNames[4];
    case GoType::kUint32: return kNames[5];
    case GoType::kUint: return kNames[6];
    case GoType::kUint64: return kNames[7];
    case GoType::kFloat64: return kNames[8];
    default: return kNames[9];
  }
}

namespace {

Result<Value> ToStringFn(std::span<const Value> args) { return Value(StrVal(args[0])); }
Result<Value> ToStringsFn(std::span<const Value> args) { return StrSlice(args[0]); }
Result<Value> IntFn(std::span<const Value> args) { return GoInt(CastToInt64(args[0])); }
Result<Value> Int64Fn(std::span<const Value> args) { return GoInt64(CastToInt64(args[0])); }
Result<Value> Float64Fn(std::span<const Value> args) {
  return Value::Float(CastToFloat64(args[0]));
}

// strconv.Atoi with the error dropped: 0 for bad syntax, the saturated value out of range.
Result<Value> AtoiFn(std::span<const Value> args) {
  int64_t n = 0, clamped = 0;
  NumError err = GoParseInt(args[0].AsString(), 10, 64, &n, &clamped);
  if (err == NumError::kRange) n = clamped;
  return GoInt(n);
}

// Reads fmt.Sprint(v) as octal; anything unparsable is 0.
Result<Value> ToDecimalFn(std::span<const Value> args) {
  std::string text;
  AppendGoValue(&text, args[0]);
  int64_t n = 0;
  if (GoParseInt(text, 8, 64, &n) != NumError::kNone) n = 0;
  return GoInt64(n);
}

}  // namespace

void RegisterConvert(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("toString", {P::kAny}, ToStringFn);
  funcs->Add("toStrings", {P::kAny}, ToStringsFn);
  funcs->Add("atoi", {P::kString}, AtoiFn);
  funcs->Add("int", {P::kAny}, IntFn);
  funcs->Add("int64", {P::kAny}, Int64Fn);
  funcs->Add("float64", {P::kAny}, Float64Fn);
  funcs->Add("toDecimal", {P::kAny}, ToDecimalFn);
}

}  // namespace kanon::tmpl::sprig
