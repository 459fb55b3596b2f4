// Value printing in the Go fmt layer: how fmt's printArg/printValue walk a Go value, applied
// to Values: verbs per kind, containers and structs recursively, nil forms, bad-verb reports,
// and the String/GoString methods of time.Time and semver.Version.

#include <memory>
#include <string>

#include "tmpl/gofmt.h"
#include "tmpl/gofmt_printer.h"
#include "tmpl/gotime_calendar.h"

namespace kanon::tmpl::gofmt {
namespace {

using value::GoType;
using value::Kind;

bool IsSemver(const Value& v) {
  return v.kind() == Kind::kStruct && v.AsStruct().type->name == "semver.Version";
}

bool IsStringVerb(char32_t verb) {
  return verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q';
}

const Value* SemverField(const Value& v, std::string_view lower, std::string_view upper) {
  const Value* f = v.Find(lower);
  return f != nullptr ? f : v.Find(upper);
}

// semver's Version.String(): major.minor.patch[-prerelease][+metadata]. A struct modelled
// with only an Original field prints that.
std::string SemverString(const Value& v) {
  const auto text = [&](std::string_view lower, std::string_view upper) -> std::string {
    const Value* f = SemverField(v, lower, upper);
    if (f == nullptr) return "";
    if (f->kind() == Kind::kString) return f->AsString();
    if (f->kind() == Kind::kUint) return std::to_string(f->AsUint());
    if (f->kind() == Kind::kInt) return std::to_string(f->AsInt());
    return "";
  };
  if (SemverField(v, "major", "Major") == nullptr) return text("original", "Original");
  std::string s =
      text("major", "Major") + "." + text("minor", "Minor") + "." + text("patch", "Patch");
  std::string pre = text("pre", "Prerelease");
  std::string meta = text("metadata", "Metadata");
  if (!pre.empty()) s += "-" + pre;
  if (!meta.empty()) s += "+" + meta;
  return s;
}

// time.Time as the struct fmt sees without its methods: {wall ext loc}, for a time without a
// monotonic reading. The location pointer is nil for UTC.
Value TimeAsStruct(const value::Time& t) {
  static const auto kTimeType = std::make_shared<const value::StructType>(value::StructType{
      "time.Time", {{"wall", "", false}, {"ext", "", false}, {"loc", "", false}}});
  static const auto kLocationType = std::make_shared<const value::StructType>(
      value::StructType{"time.Location", {{"name", "", false}}});
  constexpr int64_t kUnixToYearOne = 62135596800;
  Value loc = t.zone == "UTC" && t.offset_sec == 0
                  ? Value::NilPointer(kLocationType)
                  : Value::FromStruct(kLocationType, {Value("Local")}, true);
  return Value::FromStruct(kTimeType,
                           {Value::Uint(static_cast<uint64_t>(t.nsec)),
                            Value::Int(t.unix_sec + kUnixToYearOne, GoType::kInt64), loc},
                           false);
}

}  // namespace

bool Printer::HandleMethods(const Value& v, char32_t verb) {
  if (erroring_) return false;
  if (verb == 'w') {  // %w is for fmt.Errorf only
    BadVerb(verb, v);
    return true;
  }
  if (v.kind() == Kind::kTime) {
    if (flags.sharp_v) {
      FmtS(GoTimeGoString(v.AsTime()));
      return true;
    }
    if (!IsStringVerb(verb)) return false;
    PrintString(v, GoTimeString(v.AsTime()), verb);
    return true;
  }
  if (IsSemver(v) && !flags.sharp_v && IsStringVerb(verb)) {
    if (v.is_nil_pointer()) {
      buf.append("<nil>");  // the value-receiver method panics on nil; fmt prints <nil>
    } else {
      PrintString(v, SemverString(v), verb);
    }
    return true;
  }
  return false;
}

void Printer::PrintArg(const Value& v, char32_t verb) {
  if (v.is_nil()) {
    if (verb == 'T' || verb == 'v') {
      Pad("<nil>");
    } else {
      BadVerb(verb, v);
    }
    return;
  }
  if (verb == 'T') {
    FmtS(v.GoTypeName());
    return;
  }
  if (verb == 'p') {
    bool is_reference = v.kind() == Kind::kList || v.kind() == Kind::kMap ||
                        v.kind() == Kind::kBytes || v.is_pointer();
    if (is_reference) {
      Fmt0x64(v.is_nil_pointer() ? 0 : kFakeAddress, !flags.sharp);
    } else {
      BadVerb(verb, v);
    }
    return;
  }
  switch (v.kind()) {
    case Kind::kBytes:
      PrintBytes(v, verb, true);
      return;
    case Kind::kList:
    case Kind::kMap:
    case Kind::kStruct:
    case Kind::kTime:
      if (!HandleMethods(v, verb)) PrintValue(v, verb, 0);
      return;
    default:
      PrintValue(v, verb, 0);
      return;
  }
}

void Printer::PrintValue(const Value& v, char32_t verb, int depth) {
  if (depth > 0 && HandleMethods(v, verb)) return;
  switch (v.kind()) {
    case Kind::kNil:  // a nil interface inside a container or struct
      buf.append(flags.sharp_v ? "interface {}(nil)" : "<nil>");
      return;
    case Kind::kBool:
      if (verb == 't' || verb == 'v') {
        FmtBoolean(v.AsBool());
      } else {
        BadVerb(verb, v);
      }
      return;
    case Kind::kInt:
      PrintInteger(v, static_cast<uint64_t>(v.AsInt()), true, verb);
      return;
    case Kind::kUint:
      PrintInteger(v, v.AsUint(), false, verb);
      return;
    case Kind::kFloat:
      PrintFloat(v, verb);
      return;
    case Kind::kString:
      PrintString(v, v.AsString(), verb);
      return;
    case Kind::kBytes:
      PrintBytes(v, verb, false);
      return;
    case Kind::kList:
      PrintList(v, verb, depth);
      return;
    case Kind::kMap:
      PrintMap(v, verb, depth);
      return;
    case Kind::kStruct:
      if (!v.is_pointer()) {
        PrintStruct(v, verb, depth);
      } else if (depth == 0 && !v.is_nil_pointer()) {
        buf.push_back('&');
        PrintStruct(v, verb, depth + 1);
      } else {
        PrintPointer(v, verb);
      }
      return;
    case Kind::kTime:
      PrintStruct(TimeAsStruct(v.AsTime()), verb, depth);
      return;
  }
}

void Printer::BadVerb(char32_t verb, const Value& v) {
  erroring_ = true;
  buf.append("%!");
  AppendRune(&buf, verb);
  buf.push_back('(');
  if (v.is_nil()) {
    buf.append("<nil>");
  } else {
    buf.append(v.GoTypeName());
    buf.push_back('=');
    PrintArg(v, 'v');
  }
  buf.push_back(')');
  erroring_ = false;
}

void Printer::PrintInteger(const Value& v, uint64_t u, bool is_signed, char32_t verb) {
  switch (verb) {
    case 'v':
      if (flags.sharp_v && !is_signed) {
        Fmt0x64(u, true);
      } else {
        FmtInteger(u, 10, is_signed, verb, false);
      }
      return;
    case 'd':
      FmtInteger(u, 10, is_signed, verb, false);
      return;
    case 'b':
      FmtInteger(u, 2, is_signed, verb, false);
      return;
    case 'o':
    case 'O':
      FmtInteger(u, 8, is_signed, verb, false);
      return;
    case 'x':
      FmtInteger(u, 16, is_signed, verb, false);
      return;
    case 'X':
      FmtInteger(u, 16, is_signed, verb, true);
      return;
    case 'c':
      FmtC(u);
      return;
    case 'q':
      FmtQc(u);
      return;
    case 'U':
      FmtUnicode(u);
      return;
    default:
      BadVerb(verb, v);
      return;
  }
}

void Printer::PrintFloat(const Value& v, char32_t verb) {
  double f = v.AsFloat();
  switch (verb) {
    case 'v':
      FmtFloat(f, 'g', -1);
      return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      FmtFloat(f, static_cast<char>(verb), -1);
      return;
    case 'f':
    case 'e':
    case 'E':
      FmtFloat(f, static_cast<char>(verb), 6);
      return;
    case 'F':
      FmtFloat(f, 'f', 6);
      return;
    default:
      BadVerb(verb, v);
      return;
  }
}

void Printer::PrintString(const Value& v, std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (flags.sharp_v) {
        FmtQ(s);
      } else {
        FmtS(s);
      }
      return;
    case 's':
      FmtS(s);
      return;
    case 'x':
      FmtSbx(s, false);
      return;
    case 'X':
      FmtSbx(s, true);
      return;
    case 'q':
      FmtQ(s);
      return;
    default:
      BadVerb(verb, v);
      return;
  }
}

}  // namespace kanon::tmpl::gofmt
