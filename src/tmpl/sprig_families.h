// Internal to the sprig function library: one registrar per family, plus the few Go
// conversions several families share (sprig's strval/empty, spf13/cast's number casts,
// strconv's integer and float parsers, reflect's kind names).
//
// Every function here is pure and thread-safe. Implementations follow the Go sources that
// Kanister's sprig build runs (sprig v3 as Debian ships it, minus the functions added after
// v2.22), including their error texts, so template output matches the Go oracle.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "tmpl/func.h"
#include "value/value.h"

namespace kanon::tmpl::sprig {

void RegisterStrings(FuncMap* funcs);    // sprig_strings.cc
void RegisterCase(FuncMap* funcs);       // sprig_case.cc
void RegisterTextShape(FuncMap* funcs);  // sprig_text.cc: wrap, abbrev, random text
void RegisterDefaults(FuncMap* funcs);   // sprig_defaults.cc: default, empty, json, reflection
void RegisterLists(FuncMap* funcs);      // sprig_lists.cc
void RegisterDicts(FuncMap* funcs);      // sprig_dicts.cc
void RegisterMath(FuncMap* funcs);       // sprig_math.cc
void RegisterConvert(FuncMap* funcs);    // sprig_convert.cc
void RegisterEncoding(FuncMap* funcs);   // sprig_encoding.cc
void RegisterOs(FuncMap* funcs);         // sprig_os.cc: env, paths, getHostByName
void RegisterUrl(FuncMap* funcs);        // sprig_url.cc
void RegisterRegex(FuncMap* funcs);      // sprig_regex.cc
void RegisterSemver(FuncMap* funcs, MethodTable* methods);  // sprig_semver.cc
void RegisterCrypto(FuncMap* funcs);  // sprig_crypto.cc: keys, AES, derivePassword
void RegisterCerts(FuncMap* funcs);   // sprig_certs.cc

// A Go error or recovered panic, as a Status carrying Go's message.
inline Status GoError(std::string message) { return InvalidArgument(std::move(message)); }

// Go's runtime panic for dereferencing nil, e.g. reflect.TypeOf(nil).Kind().
inline constexpr std::string_view kNilDeref =
    "runtime error: invalid memory address or nil pointer dereference";

// sprig's strval: strings and []byte as their text, everything else as fmt's %v.
std::string StrVal(const value::Value& v);

// sprig's empty(): nil, false, zero numbers, empty strings and containers, nil pointers.
inline bool IsEmptyValue(const value::Value& v) { return !v.Truthy(); }

// sprig's strslice (toStrings): []string as is, other lists element-wise through StrVal
// (skipping nil elements), nil as [], anything else as a one-element list.
value::Value StrSlice(const value::Value& v);

// spf13/cast ToInt64 / ToFloat64: numbers convert, strings parse, bools are 0/1, anything
// that cannot convert is 0.
int64_t CastToInt64(const value::Value& v);
double CastToFloat64(const value::Value& v);

// Go's float64 -> int64 conversion as amd64 performs it (NaN and out of range give MinInt64).
int64_t GoFloatToInt64(double d);

// reflect.Kind.String() of a value's dynamic type: "string", "slice", "map", "ptr", "invalid".
std::string_view GoKindName(const value::Value& v);

// strconv.ParseInt/ParseUint (sprig_strconv.cc). Base 0 takes Go's prefixes (0x, 0o, 0b, leading 0)
// and underscores. On a range error `clamped` (if given) receives Go's saturated result.
enum class NumError { kNone, kSyntax, kRange };
NumError GoParseInt(std::string_view s, int base, int bit_size, int64_t* out,
                    int64_t* clamped = nullptr);
NumError GoParseUint(std::string_view s, int base, int bit_size, uint64_t* out);
// strconv.ParseFloat(s, 64): decimal and hex (p exponent) forms, inf/infinity/nan, underscores.
NumError GoParseFloat(std::string_view s, double* out);

// encoding/base64 StdEncoding; decoding skips newlines and fails with Go's message
// ("illegal base64 data at input byte N").
std::string GoBase64Encode(std::string_view src);
Result<std::string> GoBase64Decode(std::string_view src);

// A uniformly random integer in [0, n) from the system CSPRNG; n > 0.
uint64_t RandomBelow(uint64_t n);

// The Go result types sprig functions declare.
inline value::Value GoInt(int64_t i) { return value::Value::Int(i, value::GoType::kInt); }
inline value::Value GoInt64(int64_t i) { return value::Value::Int(i, value::GoType::kInt64); }
value::Value GoStringList(std::vector<std::string> items);

}  // namespace kanon::tmpl::sprig
