// Value -> JSON text, following Go's encoding/json (Marshal and MarshalIndent) byte for byte.

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "value/json.h"

namespace kanon::value {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Decodes one UTF-8 sequence at s[i] with Go's rules (no surrogates, no overlongs, at most
// U+10FFFF). Returns the sequence length, or 0 when the byte at s[i] starts no valid sequence.
size_t ValidUtf8Length(std::string_view s, size_t i, uint32_t* rune) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t b0 = byte(i);
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || i + n > s.size()) return 0;
  // The second byte's range depends on the first; later bytes are plain continuations.
  uint8_t lo = 0x80, hi = 0xBF;
  if (b0 == 0xE0) lo = 0xA0;
  if (b0 == 0xED) hi = 0x9F;
  if (b0 == 0xF0) lo = 0x90;
  if (b0 == 0xF4) hi = 0x8F;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  uint32_t r = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) r = (r << 6) | (byte(i + k) & 0x3F);
  *rune = r;
  return n;
}

void AppendUnicodeEscape(std::string* out, uint32_t code) {
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHexDigits[(code >> shift) & 0xF]);
}

void AppendAsciiByte(std::string* out, char c, bool escape_html) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      break;
  }
  bool html = c == '<' || c == '>' || c == '&';
  if (static_cast<uint8_t>(c) < 0x20 || (html && escape_html)) {
    AppendUnicodeEscape(out, static_cast<uint8_t>(c));
  } else {
    out->push_back(c);
  }
}

void AppendJsonString(std::string* out, std::string_view s, bool escape_html) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    if (static_cast<uint8_t>(s[i]) < 0x80) {
      AppendAsciiByte(out, s[i], escape_html);
      ++i;
      continue;
    }
    uint32_t rune = 0;
    size_t n = ValidUtf8Length(s, i, &rune);
    if (n == 0) {
      out->append("\\ufffd");  // each invalid byte becomes one replacement character
      ++i;
    } else if (rune == 0x2028 || rune == 0x2029) {
      AppendUnicodeEscape(out, rune);  // JavaScript line separators
      i += n;
    } else {
      out->append(s.substr(i, n));
      i += n;
    }
  }
  out->push_back('"');
}

// Shortest round-trip decimal digits of a finite non-zero |f| and the decimal point position:
// |f| ~= 0.DIGITS * 10^dp.
std::string ShortestDigits(double f, int* dp) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(f), std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = 0;
  std::string_view exp_text = text.substr(e + 1);
  if (exp_text[0] == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  *dp = exp + 1;
  return digits;
}

Status AppendJsonFloat(std::string* out, double f) {
  if (std::isnan(f) || std::isinf(f)) {
    const char* text = std::isnan(f) ? "NaN" : (f > 0 ? "+Inf" : "-Inf");
    return InvalidArgument(std::string("json: unsupported value: ") + text);
  }
  if (std::signbit(f)) out->push_back('-');
  if (f == 0) {
    out->push_back('0');
    return OkStatus();
  }
  int dp = 0;
  std::string digits = ShortestDigits(f, &dp);
  int nd = static_cast<int>(digits.size());
  double a = std::fabs(f);
  if (a < 1e-6 || a >= 1e21) {
    // d.ddde-7 / d.ddde+21: Go's exponent has no leading zero.
    out->push_back(digits[0]);
    if (nd > 1) out->append("." + digits.substr(1));
    int exp = dp - 1;
    out->append(exp < 0 ? "e-" : "e+");
    out->append(std::to_string(std::abs(exp)));
    return OkStatus();
  }
  // Plain notation with the shortest digits, zero-filled to the decimal point.
  if (dp <= 0) {
    out->append("0." + std::string(static_cast<size_t>(-dp), '0') + digits);
  } else if (dp >= nd) {
    out->append(digits + std::string(static_cast<size_t>(dp - nd), '0'));
  } else {
    out->append(digits.substr(0, static_cast<size_t>(dp)) + "." +
                digits.substr(static_cast<size_t>(dp)));
  }
  return OkStatus();
}

// Civil date of a day count since 1970-01-01 (proleptic Gregorian).
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2 ? 1 : 0);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// time.Time.MarshalJSON: RFC 3339 with trimmed nanoseconds, in the time's own zone offset.
Status AppendJsonTime(std::string* out, const Time& t) {
  // A wrapping sum, as Go's is, for instants near the ends of the int64 range.
  auto local = static_cast<int64_t>(static_cast<uint64_t>(t.unix_sec) +
                                    static_cast<uint64_t>(static_cast<int64_t>(t.offset_sec)));
  int64_t days = FloorDiv(local, 86400);
  int64_t secs = local - days * 86400;
  int64_t year = 0;
  int month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  if (year < 0 || year >= 10000) {
    return InvalidArgument(
        "json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside "
        "of range [0,9999]");
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02dT%02d:%02d:%02d", static_cast<int>(year), month,
                day, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  out->append(buf);
  if (t.nsec != 0) {
    std::snprintf(buf, sizeof buf, ".%09d", t.nsec);
    std::string frac(buf);
    while (frac.back() == '0') frac.pop_back();
    out->append(frac);
  }
  if (t.offset_sec == 0) {
    out->append("Z\"");
    return OkStatus();
  }
  int off_min = std::abs(t.offset_sec) / 60;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d\"", t.offset_sec < 0 ? '-' : '+', off_min / 60,
                off_min % 60);
  out->append(buf);
  return OkStatus();
}

void AppendBase64(std::string* out, std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(data[i]) << 16) | (static_cast<uint8_t>(data[i + 1]) << 8) |
                 static_cast<uint8_t>(data[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out->push_back(kAlphabet[(v >> shift) & 63]);
  }
  size_t rest = data.size() - i;
  if (rest == 0) return;
  uint32_t v = static_cast<uint8_t>(data[i]) << 16;
  if (rest == 2) v |= static_cast<uint8_t>(data[i + 1]) << 8;
  out->push_back(kAlphabet[(v >> 18) & 63]);
  out->push_back(kAlphabet[(v >> 12) & 63]);
  out->push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
  out->push_back('=');
}

// encoding/json's notion of an empty value for omitempty; structs are never empty.
bool IsEmptyForOmit(const Value& v) {
  switch (v.kind()) {
    case Kind::kNil:
      return true;
    case Kind::kBool:
      return !v.AsBool();
    case Kind::kInt:
      return v.AsInt() == 0;
    case Kind::kUint:
      return v.AsUint() == 0;
    case Kind::kFloat:
      return v.AsFloat() == 0;
    case Kind::kString:
    case Kind::kBytes:
      return v.AsString().empty();
    case Kind::kList:
      return v.AsList().empty();
    case Kind::kMap:
      return v.AsMap().empty();
    case Kind::kStruct:
      return v.is_nil_pointer();
    case Kind::kTime:
      return false;
  }
  return false;
}

// Go marshals only exported fields (upper-case first letter) not tagged "-".
bool IsEncodedField(const StructField& f) {
  if (f.json_name == "-") return false;
  return !f.name.empty() && f.name[0] >= 'A' && f.name[0] <= 'Z';
}

// semver's Version marshals as its String() form: major.minor.patch[-pre][+metadata].
std::string SemverText(const Value& v) {
  const auto field = [&](std::string_view lower, std::string_view upper) -> const Value* {
    const Value* f = v.Find(lower);
    return f != nullptr ? f : v.Find(upper);
  };
  const Value* major = field("major", "Major");
  if (major == nullptr) {
    const Value* original = field("original", "Original");
    return original != nullptr && original->kind() == Kind::kString ? original->AsString() : "";
  }
  std::string text;
  const auto number = [&](const Value* n) {
    if (n == nullptr) return std::string("0");
    return n->kind() == Kind::kUint  ? std::to_string(n->AsUint())
           : n->kind() == Kind::kInt ? std::to_string(n->AsInt())
                                     : "0";
  };
  text =
      number(major) + "." + number(field("minor", "Minor")) + "." + number(field("patch", "Patch"));
  const Value* pre = field("pre", "Prerelease");
  if (pre != nullptr && pre->kind() == Kind::kString && !pre->AsString().empty()) {
    text += "-" + pre->AsString();
  }
  const Value* meta = field("metadata", "Metadata");
  if (meta != nullptr && meta->kind() == Kind::kString && !meta->AsString().empty()) {
    text += "+" + meta->AsString();
  }
  return text;
}

class Encoder {
 public:
  explicit Encoder(bool escape_html) : escape_html_(escape_html) {}

  Status Encode(const Value& v) {
    switch (v.kind()) {
      case Kind::kNil:
        out_.append("null");
        return OkStatus();
      case Kind::kBool:
        out_.append(v.AsBool() ? "true" : "false");
        return OkStatus();
      case Kind::kInt:
        out_.append(std::to_string(v.AsInt()));
        return OkStatus();
      case Kind::kUint:
        out_.append(std::to_string(v.AsUint()));
        return OkStatus();
      case Kind::kFloat:
        return AppendJsonFloat(&out_, v.AsFloat());
      case Kind::kString:
        AppendJsonString(&out_, v.AsString(), escape_html_);
        return OkStatus();
      case Kind::kBytes:
        out_.push_back('"');
        AppendBase64(&out_, v.AsString());
        out_.push_back('"');
        return OkStatus();
      case Kind::kList:
        return EncodeList(v.AsList());
      case Kind::kMap:
        return EncodeMap(v.AsMap());
      case Kind::kStruct:
        return EncodeStruct(v);
      case Kind::kTime:
        return AppendJsonTime(&out_, v.AsTime());
    }
    return OkStatus();
  }

  std::string Take() { return std::move(out_); }

 private:
  Status EncodeList(const List& items) {
    out_.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_.push_back(',');
      RETURN_IF_ERROR(Encode(items[i]));
    }
    out_.push_back(']');
    return OkStatus();
  }

  Status EncodeMap(const Map& entries) {
    out_.push_back('{');
    bool first = true;
    for (const auto& [key, val] : entries) {  // std::map order is Go's byte-wise key order
      if (!first) out_.push_back(',');
      first = false;
      AppendJsonString(&out_, key, escape_html_);
      out_.push_back(':');
      RETURN_IF_ERROR(Encode(val));
    }
    out_.push_back('}');
    return OkStatus();
  }

  Status EncodeStruct(const Value& v) {
    if (v.is_nil_pointer()) {
      out_.append("null");
      return OkStatus();
    }
    const Struct& s = v.AsStruct();
    if (s.type->name == "semver.Version") {
      AppendJsonString(&out_, SemverText(v), escape_html_);
      return OkStatus();
    }
    out_.push_back('{');
    bool first = true;
    for (size_t i = 0; i < s.type->fields.size() && i < s.fields.size(); ++i) {
      const StructField& f = s.type->fields[i];
      if (!IsEncodedField(f) || (f.omitempty && IsEmptyForOmit(s.fields[i]))) continue;
      if (!first) out_.push_back(',');
      first = false;
      AppendJsonString(&out_, f.json_name.empty() ? f.name : f.json_name, escape_html_);
      out_.push_back(':');
      RETURN_IF_ERROR(Encode(s.fields[i]));
    }
    out_.push_back('}');
    return OkStatus();
  }

  bool escape_html_;
  std::string out_;
};

void NewlineAndIndent(std::string* out, std::string_view indent, int depth) {
  out->push_back('\n');
  for (int i = 0; i < depth; ++i) out->append(indent);
}

// json.Indent over compact JSON: a newline and indentation after every opening bracket and
// comma, ": " after keys, and empty arrays/objects left as [] and {}.
std::string Indent(std::string_view compact, std::string_view indent) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  bool need_indent = false;  // an opening bracket was written; newline deferred until content
  for (size_t i = 0; i < compact.size(); ++i) {
    char c = compact[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\') {
        out.push_back(compact[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (need_indent && c != ']' && c != '}') {
      need_indent = false;
      NewlineAndIndent(&out, indent, ++depth);
    }
    switch (c) {
      case '"':
        in_string = true;
        out.push_back(c);
        break;
      case '[':
      case '{':
        out.push_back(c);
        need_indent = true;
        break;
      case ',':
        out.push_back(c);
        NewlineAndIndent(&out, indent, depth);
        break;
      case ':':
        out.append(": ");
        break;
      case ']':
      case '}':
        if (need_indent) {
          need_indent = false;  // empty container stays on one line
        } else {
          NewlineAndIndent(&out, indent, --depth);
        }
        out.push_back(c);
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  return out;
}

}  // namespace

Result<std::string> ToJson(const Value& v, const JsonOptions& options) {
  Encoder encoder(options.escape_html);
  RETURN_IF_ERROR(encoder.Encode(v));
  std::string compact = encoder.Take();
  if (options.indent.empty()) return compact;
  return Indent(compact, options.indent);
}

}  // namespace kanon::value
