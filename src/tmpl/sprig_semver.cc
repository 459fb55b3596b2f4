// semver and semverCompare, and the methods of the *semver.Version that semver returns
// (Major, Minor, Patch, Prerelease, Metadata, Original, String, Compare, LessThan,
// GreaterThan, Equal, IncMajor, IncMinor, IncPatch, SetPrerelease, SetMetadata). Versions are
// parsed and ordered as Masterminds/semver v3 does.
#include <re2/re2.h>

#include <algorithm>

#include "tmpl/sprig_families.h"
#include "tmpl/sprig_semver.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::StructField;
using value::StructType;
using value::Value;

constexpr std::string_view kPartChars =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

bool ContainsOnly(std::string_view s, std::string_view allowed) {
  return s.find_first_not_of(allowed) == std::string_view::npos;
}

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  for (size_t dot; (dot = s.find('.')) != std::string_view::npos; s.remove_prefix(dot + 1)) {
    parts.push_back(s.substr(0, dot));
  }
  parts.push_back(s);
  return parts;
}

Status ValidatePrerelease(std::string_view pre) {
  for (std::string_view part : SplitDots(pre)) {
    if (ContainsOnly(part, "0123456789")) {
      if (part.size() > 1 && part[0] == '0') return GoError("Version segment starts with 0");
    } else if (!ContainsOnly(part, kPartChars)) {
      return GoError("Invalid Prerelease string");
    }
  }
  return OkStatus();
}

Status ValidateMetadata(std::string_view meta) {
  for (std::string_view part : SplitDots(meta)) {
    if (!ContainsOnly(part, kPartChars)) return GoError("Invalid Metadata string");
  }
  return OkStatus();
}

Result<uint64_t> ParseSegment(std::string_view digits) {
  uint64_t n = 0;
  if (GoParseUint(digits, 10, 64, &n) != NumError::kNone) {
    return GoError("Error parsing version segment: strconv.ParseUint: parsing \"" +
                   std::string(digits) + "\": value out of range");
  }
  return n;
}

int CompareSegment(uint64_t a, uint64_t b) { return a < b ? -1 : a > b ? 1 : 0; }

// Numeric identifiers compare as numbers and sort before alphanumeric ones; a missing
// identifier sorts first.
int ComparePrePart(std::string_view s, std::string_view o) {
  if (s == o) return 0;
  if (s.empty()) return -1;
  if (o.empty()) return 1;
  uint64_t si = 0, oi = 0;
  const bool o_num = GoParseUint(o, 10, 64, &oi) == NumError::kNone;
  const bool s_num = GoParseUint(s, 10, 64, &si) == NumError::kNone;
  if (!o_num && !s_num) return s > o ? 1 : -1;
  if (!o_num) return -1;
  if (!s_num) return 1;
  return si > oi ? 1 : -1;
}

int ComparePrerelease(std::string_view a, std::string_view b) {
  std::vector<std::string_view> ap = SplitDots(a), bp = SplitDots(b);
  for (size_t i = 0; i < std::max(ap.size(), bp.size()); ++i) {
    int d = ComparePrePart(i < ap.size() ? ap[i] : "", i < bp.size() ? bp[i] : "");
    if (d != 0) return d;
  }
  return 0;
}

// The template side: a *semver.Version is a pointer struct with the library's unexported
// fields, in declaration order.
enum Field { kMajor, kMinor, kPatch, kPre, kMetadata, kOriginal };

StructField Unexported(const char* name) { return StructField{name, "", false}; }

std::shared_ptr<const StructType> VersionType() {
  static const auto type = std::make_shared<const StructType>(
      StructType{"semver.Version",
                 {Unexported("major"), Unexported("minor"), Unexported("patch"), Unexported("pre"),
                  Unexported("metadata"), Unexported("original")}});
  return type;
}

Value ToValue(const SemverVersion& v, bool pointer) {
  return Value::FromStruct(VersionType(),
                           {Value::Uint(v.major), Value::Uint(v.minor), Value::Uint(v.patch),
                            Value(v.pre), Value(v.metadata), Value(v.original)},
                           pointer);
}

bool IsVersion(const Value& v) {
  return v.kind() == value::Kind::kStruct && !v.is_nil_pointer() &&
         v.AsStruct().type->name == "semver.Version";
}

SemverVersion FromValue(const Value& v) {
  const auto& f = v.AsStruct().fields;
  return SemverVersion{f[kMajor].AsUint(), f[kMinor].AsUint(),      f[kPatch].AsUint(),
                       f[kPre].AsString(), f[kMetadata].AsString(), f[kOriginal].AsString()};
}

Result<Value> SemverFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(SemverVersion v, ParseSemver(a[0].AsString()));
  return ToValue(v, true);
}

Result<Value> SemverCompareFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(bool ok, SemverSatisfies(a[0].AsString(), a[1].AsString()));
  return Value(ok);
}

// Method receivers arrive as args[0]; a nil *Version receiver is Go's nil dereference.
Result<SemverVersion> Receiver(std::span<const Value> a) {
  if (!IsVersion(a[0])) return GoError(std::string(kNilDeref));
  return FromValue(a[0]);
}

// The *Version argument of Compare and friends.
Result<SemverVersion> VersionArg(const Value& v) {
  if (!IsVersion(v)) {
    if (v.is_nil_pointer() || v.is_nil()) return GoError(std::string(kNilDeref));
    return GoError("wrong type for value; expected *semver.Version; got " + v.GoTypeName());
  }
  return FromValue(v);
}

template <typename F>
FuncImpl Getter() {
  return [](std::span<const Value> a) -> Result<Value> {
    ASSIGN_OR_RETURN(SemverVersion v, Receiver(a));
    return F{}(v);
  };
}

struct GetMajor {
  Value operator()(const SemverVersion& v) { return Value::Uint(v.major); }
};
struct GetMinor {
  Value operator()(const SemverVersion& v) { return Value::Uint(v.minor); }
};
struct GetPatch {
  Value operator()(const SemverVersion& v) { return Value::Uint(v.patch); }
};
struct GetPre {
  Value operator()(const SemverVersion& v) { return Value(v.pre); }
};
struct GetMetadata {
  Value operator()(const SemverVersion& v) { return Value(v.metadata); }
};
struct GetOriginal {
  Value operator()(const SemverVersion& v) { return Value(v.original); }
};
struct GetString {
  Value operator()(const SemverVersion& v) { return Value(SemverString(v)); }
};

// The original's "v" prefix, kept by the Inc*/Set* results.
std::string VPrefix(const SemverVersion& v) {
  return !v.original.empty() && v.original[0] == 'v' ? "v" : "";
}

SemverVersion Reoriginate(SemverVersion next, const SemverVersion& from) {
  next.original = VPrefix(from) + SemverString(next);
  return next;
}

struct IncMajor {
  Value operator()(const SemverVersion& v) {
    SemverVersion n{v.major + 1, 0, 0, "", "", ""};
    return ToValue(Reoriginate(n, v), false);
  }
};
struct IncMinor {
  Value operator()(const SemverVersion& v) {
    SemverVersion n{v.major, v.minor + 1, 0, "", "", ""};
    return ToValue(Reoriginate(n, v), false);
  }
};
struct IncPatch {
  Value operator()(const SemverVersion& v) {
    // A prerelease bumps to its release, not past it.
    SemverVersion n{v.major, v.minor, v.pre.empty() ? v.patch + 1 : v.patch, "", "", ""};
    return ToValue(Reoriginate(n, v), false);
  }
};

template <int kWant>
Result<Value> CompareWith(std::span<const Value> a) {
  ASSIGN_OR_RETURN(SemverVersion v, Receiver(a));
  ASSIGN_OR_RETURN(SemverVersion o, VersionArg(a[1]));
  const int c = CompareSemver(v, o);
  if constexpr (kWant == 2) {
    return Value::Int(c, GoType::kInt);
  } else {
    return Value(c == kWant);
  }
}

Result<Value> SetPrereleaseFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(SemverVersion v, Receiver(a));
  const std::string& pre = a[1].AsString();
  if (!pre.empty()) RETURN_IF_ERROR(ValidatePrerelease(pre));
  SemverVersion n = v;
  n.pre = pre;
  return ToValue(Reoriginate(n, v), false);
}

Result<Value> SetMetadataFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(SemverVersion v, Receiver(a));
  const std::string& meta = a[1].AsString();
  if (!meta.empty()) RETURN_IF_ERROR(ValidateMetadata(meta));
  SemverVersion n = v;
  n.metadata = meta;
  return ToValue(Reoriginate(n, v), false);
}

void AddMethods(MethodTable* methods, bool pointer) {
  using P = ParamType;
  const std::string type = pointer ? "*semver.Version" : "semver.Version";
  auto add = [&](std::string name, std::vector<P> params, FuncImpl impl) {
    methods->Add(type, FuncDef{std::move(name), std::move(params), false, impl});
  };
  add("Major", {}, Getter<GetMajor>());
  add("Minor", {}, Getter<GetMinor>());
  add("Patch", {}, Getter<GetPatch>());
  add("Prerelease", {}, Getter<GetPre>());
  add("Metadata", {}, Getter<GetMetadata>());
  add("String", {}, Getter<GetString>());
  add("IncMajor", {}, Getter<IncMajor>());
  add("IncMinor", {}, Getter<IncMinor>());
  add("IncPatch", {}, Getter<IncPatch>());
  add("SetPrerelease", {P::kString}, SetPrereleaseFn);
  add("SetMetadata", {P::kString}, SetMetadataFn);
  if (!pointer) return;  // the rest have pointer receivers
  add("Original", {}, Getter<GetOriginal>());
  add("Compare", {P::kAny}, CompareWith<2>);
  add("LessThan", {P::kAny}, CompareWith<-1>);
  add("GreaterThan", {P::kAny}, CompareWith<1>);
  add("Equal", {P::kAny}, CompareWith<0>);
}

}  // namespace

Result<SemverVersion> ParseSemver(std::string_view text) {
  static const RE2 re(R"(^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?)"
                      R"((-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)"
                      R"((\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$)");
  re2::StringPiece m[10];
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, m, 10)) {
    return GoError("Invalid Semantic Version");
  }
  SemverVersion v;
  v.metadata = std::string(m[8]);
  v.pre = std::string(m[5]);
  v.original = std::string(text);
  ASSIGN_OR_RETURN(v.major, ParseSegment(m[1]));
  if (!m[2].empty()) {
    ASSIGN_OR_RETURN(v.minor, ParseSegment(m[2].substr(1)));
  }
  if (!m[3].empty()) {
    ASSIGN_OR_RETURN(v.patch, ParseSegment(m[3].substr(1)));
  }
  if (!v.pre.empty()) RETURN_IF_ERROR(ValidatePrerelease(v.pre));
  if (!v.metadata.empty()) RETURN_IF_ERROR(ValidateMetadata(v.metadata));
  return v;
}

std::string SemverString(const SemverVersion& v) {
  std::string s =
      std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch);
  if (!v.pre.empty()) s += "-" + v.pre;
  if (!v.metadata.empty()) s += "+" + v.metadata;
  return s;
}

int CompareSemver(const SemverVersion& v, const SemverVersion& o) {
  if (int d = CompareSegment(v.major, o.major); d != 0) return d;
  if (int d = CompareSegment(v.minor, o.minor); d != 0) return d;
  if (int d = CompareSegment(v.patch, o.patch); d != 0) return d;
  if (v.pre.empty() && o.pre.empty()) return 0;
  if (v.pre.empty()) return 1;
  if (o.pre.empty()) return -1;
  return ComparePrerelease(v.pre, o.pre);
}

void RegisterSemver(FuncMap* funcs, MethodTable* methods) {
  funcs->Add("semver", {ParamType::kString}, SemverFn);
  funcs->Add("semverCompare", {ParamType::kString, ParamType::kString}, SemverCompareFn);
  if (methods == nullptr) return;
  AddMethods(methods, true);
  AddMethods(methods, false);
}

}  // namespace kanon::tmpl::sprig
