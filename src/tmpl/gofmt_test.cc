// GoSprintf, GoSprint, GoSprintln and AppendGoValue against Go 1.19's fmt. Each expected
// string was produced by running fmt.Sprintf / Sprint / Sprintln on the corresponding Go
// values (T is `struct { Name string; Any interface{} }`, the semver value is
// semver.MustParse("v1.2.3-rc.1+b7")).

#include "tmpl/gofmt.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kanon::tmpl {
namespace {

using value::GoType;
using value::StructType;
using value::Value;

Value Int(int64_t i) { return Value::Int(i); }

std::shared_ptr<const StructType> TType() {
  static const auto kType = std::make_shared<const StructType>(
      StructType{"main.T", {{"Name", "", false}, {"Any", "", false}}});
  return kType;
}

Value Struct(const char* name, Value any, bool pointer) {
  return Value::FromStruct(TType(), {Value(name), std::move(any)}, pointer);
}

Value NilStruct() { return Value::NilPointer(TType()); }

// sprig's *semver.Version, modelled with the Go struct's own (unexported) fields.
Value Semver() {
  static const auto kType =
      std::make_shared<const StructType>(StructType{"semver.Version",
                                                    {{"major", "", false},
                                                     {"minor", "", false},
                                                     {"patch", "", false},
                                                     {"pre", "", false},
                                                     {"metadata", "", false},
                                                     {"original", "", false}}});
  return Value::FromStruct(kType,
                           {Value::Uint(1), Value::Uint(2), Value::Uint(3), Value("rc.1"),
                            Value("b7"), Value("v1.2.3-rc.1+b7")},
                           true);
}

struct FmtCase {
  char kind;  // f: Sprintf, p: Sprint, l: Sprintln
  const char* format;
  std::vector<Value> args;
  const char* want;
};

std::vector<FmtCase> Cases() {
  // clang-format off
  return {
    {'f', "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%O|%b|%#x|%#o|%#b", {Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42), Int(42)}, "42|   42|42   |00042|+42| 42|2a|2A|52|0o52|101010|0x2a|052|0b101010"},
    {'f', "%d|%x|%.3d|%08.3d|%+.0d|%.0d|%5.0d|%#X", {Int(-42), Int(-255), Int(7), Int(-7), Int(0), Int(0), Int(0), Int(255)}, "-42|-ff|007|    -007|||     |0XFF"},
    {'f', "%c|%q|%U|%#U|%+q|%c|%q|%U", {Int(65), Int(9786), Int(128512), Int(9786), Int(9786), Int(-1), Int(1114112), Int(-1)}, "A|'☺'|U+1F600|U+263A '☺'|'\\u263a'|�|'�'|U+FFFFFFFFFFFFFFFF"},
    {'f', "%d %d %d %d %d %d", {Value::Int(INT64_MIN, GoType::kInt64), Value::Int(-5, GoType::kInt32), Value::Uint(255, GoType::kUint8), Value::Uint(7u, GoType::kUint), Value::Uint(18446744073709551615u), Int(9223372036854775807)}, "-9223372036854775808 -5 255 7 18446744073709551615 9223372036854775807"},
    {'f', "%v|%#v|%x|%#x", {Value::Uint(255u), Value::Uint(255u), Value::Uint(10, GoType::kUint8), Value::Uint(10, GoType::kUint8)}, "255|0xff|a|0xa"},
    {'f', "%#v|%#v|%#v", {Int(-3), Value::Int(3, GoType::kInt64), Value::Uint(3, GoType::kUint8)}, "-3|3|0x3"},
    {'f', "%s|%t|%e|%q|%z", {Int(1), Int(1), Int(1), Int(39), Int(1)}, "%!s(int=1)|%!t(int=1)|%!e(int=1)|'\\''|%!z(int=1)"},
    {'f', "%v|%v|%v|%v|%v|%v|%v", {Value::Float(1.0), Value::Float(1000000.0), Value::Float(123456.7), Value::Float(1e+21), Value::Float(1e-05), Value::Float(0.0001), Value::Float(12345678901234567890.0)}, "1|1e+06|123456.7|1e+21|1e-05|0.0001|1.2345678901234567e+19"},
    {'f', "%v|%v|%v|%v", {Value::Float(-0.0), Value::Float(std::numeric_limits<double>::infinity()), Value::Float(-std::numeric_limits<double>::infinity()), Value::Float(std::nan(""))}, "-0|+Inf|-Inf|NaN"},
    {'f', "%f|%.2f|%8.3f|%-8.3f|%08.3f|%+.1f|% .1f|%.0f|%.0f|%.0f", {Value::Float(3.14159), Value::Float(3.14159), Value::Float(3.14159), Value::Float(3.14159), Value::Float(-3.14159), Value::Float(2.0), Value::Float(2.0), Value::Float(0.5), Value::Float(1.5), Value::Float(2.5)}, "3.141590|3.14|   3.142|3.142   |-003.142|+2.0| 2.0|0|2|2"},
    {'f', "%e|%E|%.3e|%.0e|%g|%G|%.3g|%.10g|%g|%g", {Value::Float(123456.789), Value::Float(123456.789), Value::Float(0.000123456), Value::Float(5.5), Value::Float(1e-07), Value::Float(1e+21), Value::Float(1234567.0), Value::Float(0.3333333333333333), Value::Float(100000.0), Value::Float(1000000.0)}, "1.234568e+05|1.234568E+05|1.235e-04|6e+00|1e-07|1E+21|1.23e+06|0.3333333333|100000|1e+06"},
    {'f', "%#g|%#.3g|%#e|%#.0f|%#v|%#x|%x|%X|%b|%.3x", {Value::Float(1.0), Value::Float(2.0), Value::Float(1.0), Value::Float(3.0), Value::Float(1.5), Value::Float(1.0), Value::Float(-3.5), Value::Float(1e+300), Value::Float(1.0), Value::Float(3.14159)}, "1.00000|2.00|1.000000e+00|3.|1.5|0x1.0000p+00|-0x1.cp+01|0X1.7E43C8800759CP+996|4503599627370496p-52|0x1.922p+01"},
    {'f', "%6.2f|%-8v|%08v|%+v|%010.3e|%-010.2f|%010v|% 010.2f", {Value::Float(1.005), Value::Float(2.5), Value::Float(-2.5), Value::Float(2.5), Value::Float(-12345.678), Value::Float(1.5), Value::Float(std::numeric_limits<double>::infinity()), Value::Float(3.0)}, "  1.00|2.5     |-00002.5|2.5|-1.235e+04|1.50      |      +Inf| 000003.00"},
    {'f', "%F|%.1F|%d|%s|%t", {Value::Float(1.25), Value::Float(1.25), Value::Float(1.5), Value::Float(1.5), Value::Float(1.5)}, "1.250000|1.2|%!d(float64=1.5)|%!s(float64=1.5)|%!t(float64=1.5)"},
    {'f', "%.3g|%.3g|%.3g|%.5g|%.1g|%.0g|%.20g|%.17g", {Value::Float(100.0), Value::Float(1.5), Value::Float(1.234e-05), Value::Float(1e-05), Value::Float(0.95), Value::Float(123.0), Value::Float(0.1), Value::Float(0.1)}, "100|1.5|1.23e-05|1e-05|0.9|1e+02|0.10000000000000000555|0.10000000000000001"},
    {'f', "%v|%v|%v|%.30f|%.25e", {Value::Float(5e-324), Value::Float(1.7976931348623157e+308), Value::Float(1e-06), Value::Float(0.1), Value::Float(0.3333333333333333)}, "5e-324|1.7976931348623157e+308|1e-06|0.100000000000000005551115123126|3.3333333333333331482961626e-01"},
    {'f', "%s|%v|%q|%x|%X|% x|%#x|% #x|%10s|%-10s|%.2s|%5.1s|%05s", {Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo"), Value("héllo")}, "héllo|héllo|\"héllo\"|68c3a96c6c6f|68C3A96C6C6F|68 c3 a9 6c 6c 6f|0x68c3a96c6c6f|0x68 0xc3 0xa9 0x6c 0x6c 0x6f|     héllo|héllo     |hé|    h|héllo"},
    {'f', "%q|%+q|%#q|%#q|%#+q|%q|%x|%.1x|%10x|%-6x|", {Value("a\"b\\c\n\t\x01""\x7f"""), Value("héllo☺"), Value("back`tick"), Value("plain"), Value("é"), Value("\xff""\xfe"" ok \xc2""\xa0""\xe2""\x80""\x8b""😀"), Value(""), Value("hello"), Value("hi"), Value("hi")}, "\"a\\\"b\\\\c\\n\\t\\x01\\x7f\"|\"h\\u00e9llo\\u263a\"|\"back`tick\"|`plain`|`é`|\"\\xff\\xfe ok \\u00a0\\u200b😀\"||68|      6869|6869  |"},
    {'f', "%d|%t|%c|%08q|%-8q|%T", {Value("x"), Value("x"), Value("x"), Value("ab"), Value("ab"), Value("x")}, "%!d(string=x)|%!t(string=x)|%!c(string=x)|0000\"ab\"|\"ab\"    |string"},
    {'f', "%5s|%-5s|%.3s|%q", {Value("日本語日本語"), Value("日本"), Value("日本語日本語"), Value("\xe2""\x80""\xa8""")}, "日本語日本語|日本   |日本語|\"\\u2028\""},
    {'f', "%t|%v|%5t|%-6v|%d|%s", {Value(true), Value(false), Value(true), Value(false), Value(true), Value(false)}, "true|false| true|false |%!d(bool=true)|%!s(bool=false)"},
    {'f', "%v|%d|%s|%T|%5v|%q", {Value(), Value(), Value(), Value(), Value(), Value()}, "<nil>|%!d(<nil>)|%!s(<nil>)|<nil>|<nil>|%!q(<nil>)"},
    {'f', "%v|%s|%x|%X|%q|%d|%#v|%c|%T|% x|%5s|%.1s", {Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi"), Value::Bytes("hi")}, "[104 105]|hi|6869|6869|\"hi\"|[104 105]|[]byte{0x68, 0x69}|[h i]|[]uint8|68 69|   hi|h"},
    {'f', "%v|%s|%x|%#v", {Value::Bytes(""), Value::Bytes(""), Value::Bytes(""), Value::Bytes("")}, "[]|||[]byte{}"},
    {'f', "%v|%d|%s|%q|%x|%5v|%#v|%T", {Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})}), Value::FromList({Int(1), Value("a"), Value(), Value::Float(2.5), Value::FromList({})})}, "[1 a <nil> 2.5 []]|[1 %!d(string=a) <nil> %!d(float64=2.5) []]|[%!s(int=1) a <nil> %!s(float64=2.5) []]|['\\x01' \"a\" <nil> %!q(float64=2.5) []]|[1 61 <nil> 0x1.4p+01 []]|[    1     a <nil>   2.5 []]|[]interface {}{1, \"a\", interface {}(nil), 2.5, []interface {}{}}|[]interface {}"},
    {'f', "%v|%q|%x|%#v|%T|%v|%#v|%T", {Value::FromList({Value("a"), Value("b c")}, GoType::kStringList), Value::FromList({Value("a"), Value("b c")}, GoType::kStringList), Value::FromList({Value("hi"), Value("yo")}, GoType::kStringList), Value::FromList({Value("a")}, GoType::kStringList), Value::FromList({}, GoType::kStringList), Value::FromList({Int(1), Int(-2)}, GoType::kIntList), Value::FromList({Int(3)}, GoType::kIntList), Value::FromList({}, GoType::kIntList)}, "[a b c]|[\"a\" \"b c\"]|[6869 796f]|[]string{\"a\"}|[]string|[1 -2]|[]int{3}|[]int"},
    {'f', "%v|%v|%s", {Value::FromList({Value::Bytes("hi"), Value::FromList({Value::Bytes("x")})}), Value::FromList({Value::FromMap({{"b", Int(2)}, {"a", Value::FromList({Int(1)})}})}), Value::FromList({Value("x"), Int(1)})}, "[[104 105] [[120]]]|[map[a:[1] b:2]]|[x %!s(int=1)]"},
    {'f', "%v|%d|%s|%q|%#v|%+v|%T", {Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}}), Value::FromMap({{"b", Int(2)}, {"a", Value("x")}, {"c", Value()}, {"d", Value::FromList({Int(1)})}})}, "map[a:x b:2 c:<nil> d:[1]]|map[%!d(string=a):%!d(string=x) %!d(string=b):2 %!d(string=c):<nil> %!d(string=d):[1]]|map[a:x b:%!s(int=2) c:<nil> d:[%!s(int=1)]]|map[\"a\":\"x\" \"b\":'\\x02' \"c\":<nil> \"d\":['\\x01']]|map[string]interface {}{\"a\":\"x\", \"b\":2, \"c\":interface {}(nil), \"d\":[]interface {}{1}}|map[a:x b:2 c:<nil> d:[1]]|map[string]interface {}"},
    {'f', "%v|%#v|%T|%v|%#v", {Value::FromMap({{"k", Value("v")}, {"a", Value("b")}}, GoType::kStringMap), Value::FromMap({{"k", Value("v")}}, GoType::kStringMap), Value::FromMap({}, GoType::kStringMap), Value::FromMap({}), Value::FromMap({})}, "map[a:b k:v]|map[string]string{\"k\":\"v\"}|map[string]string|map[]|map[string]interface {}{}"},
    {'f', "%x|%X|%5v|%-4v|", {Value::FromMap({{"ab", Value("cd")}}), Value::FromMap({{"ab", Int(255)}}), Value::FromMap({{"a", Int(1)}}), Value::FromMap({{"a", Int(1)}})}, "map[6162:6364]|map[6162:FF]|map[    a:    1]|map[a   :1   ]|"},
    {'f', "%v|%+v|%#v|%T|%s|%d|%x", {Struct("n", Int(1), false), Struct("n", Int(1), false), Struct("n", Int(1), false), Struct("n", Int(1), false), Struct("n", Int(1), false), Struct("n", Int(1), false), Struct("n", Int(1), false)}, "{n 1}|{Name:n Any:1}|main.T{Name:\"n\", Any:1}|main.T|{n %!s(int=1)}|{%!d(string=n) 1}|{6e 1}"},
    {'f', "%v|%+v|%#v|%T|%s|%d|%p", {Struct("n", Value(), true), Struct("n", Value(), true), Struct("n", Value(), true), Struct("n", Value(), true), Struct("n", Value(), true), Struct("n", Value(), true), NilStruct()}, "&{n <nil>}|&{Name:n Any:<nil>}|&main.T{Name:\"n\", Any:interface {}(nil)}|*main.T|&{n <nil>}|&{%!d(string=n) <nil>}|0x0"},
    {'f', "%v|%+v|%#v|%T|%s|%d|%x", {NilStruct(), NilStruct(), NilStruct(), NilStruct(), NilStruct(), NilStruct(), NilStruct()}, "<nil>|<nil>|(*main.T)(nil)|*main.T|%!s(*main.T=<nil>)|0|0"},
    {'f', "%v|%+v|%#v|%v", {Struct("n", Value::FromMap({{"k", Struct("in", Value("x"), false)}}), false), Struct("n", Value::FromList({Value(), Value("s")}), false), Struct("n", Value(), false), Struct("n", NilStruct(), false)}, "{n map[k:{in x}]}|{Name:n Any:[<nil> s]}|main.T{Name:\"n\", Any:interface {}(nil)}|{n <nil>}"},
    {'f', "%v|%s|%q|%x|%d|%+v|%#v|%T|%20.4v|%-8.2s|", {Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"}), Value::FromTime({1136214245, 999, 0, "UTC"})}, "2006-01-02 15:04:05.000000999 +0000 UTC|2006-01-02 15:04:05.000000999 +0000 UTC|\"2006-01-02 15:04:05.000000999 +0000 UTC\"|323030362d30312d30322031353a30343a30352e303030303030393939202b3030303020555443|{999 63271811045 0}|2006-01-02 15:04:05.000000999 +0000 UTC|time.Date(2006, time.January, 2, 15, 4, 5, 999, time.UTC)|time.Time|                2006|20      |"},
    {'f', "%v|%v|%v|%v|%v", {Value::FromTime({1136214245, 0, -25200, "MST"}), Value::FromTime({0, 5, 19800, "IST"}), Value::FromTime({-62135596800, 0, 0, "UTC"}), Value::FromTime({253402300799, 123456789, 3600, ""}), Value::FromTime({1, 0, -1800, ""})}, "2006-01-02 08:04:05 -0700 MST|1970-01-01 05:30:00.000000005 +0530 IST|0001-01-01 00:00:00 +0000 UTC|10000-01-01 00:59:59.123456789 +0100 +0100|1969-12-31 23:30:01 -0030 -0030"},
    {'f', "%v|%v|%+v", {Value::FromList({Value::FromTime({0, 0, 0, "UTC"})}), Value::FromMap({{"t", Value::FromTime({60, 0, 0, "UTC"})}}), Struct("n", Value::FromTime({0, 0, 0, "UTC"}), false)}, "[1970-01-01 00:00:00 +0000 UTC]|map[t:1970-01-01 00:01:00 +0000 UTC]|{Name:n Any:1970-01-01 00:00:00 +0000 UTC}"},
    {'f', "%v|%s|%q|%x|%d|%T|%+v|%#v", {Semver(), Semver(), Semver(), Semver(), Semver(), Semver(), Semver(), Semver()}, "1.2.3-rc.1+b7|1.2.3-rc.1+b7|\"1.2.3-rc.1+b7\"|312e322e332d72632e312b6237|&{1 2 3 %!d(string=rc.1) %!d(string=b7) %!d(string=v1.2.3-rc.1+b7)}|*semver.Version|1.2.3-rc.1+b7|&semver.Version{major:0x1, minor:0x2, patch:0x3, pre:\"rc.1\", metadata:\"b7\", original:\"v1.2.3-rc.1+b7\"}"},
    {'f', "%v|%v", {Value::FromList({Semver()}), Struct("n", Semver(), false)}, "[1.2.3-rc.1+b7]|{n 1.2.3-rc.1+b7}"},
    {'f', "%*d|%-*d|%.*f|%*.*f|%*d|%.*d|%*s", {Int(5), Int(42), Int(5), Int(42), Int(2), Value::Float(3.14159), Int(8), Int(3), Value::Float(3.14159), Int(-6), Int(7), Int(-1), Int(7), Value("x"), Value("y")}, "   42|42   |3.14|   3.142|7     |%!(BADPREC)7|%!(BADWIDTH)y"},
    {'f', "%*d|%.*d|%*d", {Value::Uint(3, GoType::kUint8), Int(1), Value::Uint(2u), Int(1), Int(10000000), Int(1)}, "  1|01|%!(BADWIDTH)1"},
    {'f', "%[2]d %[1]d|%[2]*[1]d|%[3]*.[2]*[1]f|%[1]d%d", {Int(1), Int(2), Int(3)}, "2 1| 1|%!f(int= 01)|12"},
    {'f', "%[0]d|%[4]d|%[x]d|%[1|%[]d|%[1]", {Int(1), Int(2)}, "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)|%!(NOVERB)"},
    {'f', "%d %d|%!|%z|%", {Int(1)}, "1 %!d(MISSING)|%!!(MISSING)|%!z(MISSING)|%!(NOVERB)"},
    {'f', "%d", {Int(1), Value("extra"), Value(), Value::Float(2.5), Value::FromList({Int(1)})}, "1%!(EXTRA string=extra, <nil>, float64=2.5, []interface {}=[1])"},
    {'f', "%d %s", {}, "%!d(MISSING) %!s(MISSING)"},
    {'f', "%%|%5%|%-5%|%[1]%", {Int(3)}, "%|%|%|%"},
    {'f', "%.|%5.d|%.d|%-+ #0d|%+-08d|% -8d|%x", {Int(3), Int(0), Int(0), Int(3), Int(3), Int(3)}, "%!|(int=3)     ||+3|+3      | 3      |%!x(MISSING)"},
    {'f', "%3[1]d|%[1]3d|%.[1]d|%[1].2d", {Int(7)}, "  7|%!d(BADINDEX)|7|%!d(BADINDEX)"},
    {'f', "%é|%☺|\xff""%\xff""d", {Int(1), Value("x"), Int(2)}, "%!é(int=1)|%!☺(string=x)|\xff""%!�(int=2)d"},
    {'f', "%w|%w|%w|%w|%v", {Int(1), Value("s"), Value::FromList({Int(1)}), Value::FromMap({{"a", Int(1)}}), Value::Bytes("x")}, "%!w(int=1)|%!w(string=s)|%!w([]interface {}=[1])|%!w(map[string]interface {}=map[a:1])|[120]"},
    {'f', "%p|%p|%p|%p|%#p|%p", {Int(1), Value("s"), Value(), NilStruct(), NilStruct(), Struct("n", Int(1), false)}, "%!p(int=1)|%!p(string=s)|%!p(<nil>)|0x0|0|%!p(main.T={n 1})"},
    {'f', "%s|%s", {Struct("n", Value::FromList({Int(1), Value("a")}), false), Value::FromList({Value::FromTime({0, 0, 0, "UTC"}), Semver()})}, "{n [%!s(int=1) a]}|[1970-01-01 00:00:00 +0000 UTC 1.2.3-rc.1+b7]"},
    {'f', "%v %v %v", {Value::FromList({Int(1)}), Value::FromList({Int(2)}), Value::FromList({Int(3)})}, "[1] [2] [3]"},
    {'f', "%08v|%-8v|%8v|%08s|%-08d|%+08d", {Value::FromList({Int(1), Value("a")}), Struct("n", Int(1), false), Value(true), Value("x"), Int(-5), Int(-5)}, "[00000001 0000000a]|{n        1       }|    true|0000000x|-5      |-0000005"},
    {'f', "%.1v|%.2v|%10.3v|%v", {Value("hello"), Value::FromList({Value("hello"), Value::Float(3.14159)}), Value::Float(3.14159), Value::Float(1e+20)}, "h|[he 3.1]|      3.14|1e+20"},
    {'p', "", {Value("a"), Value("b"), Int(1), Int(2), Value("c"), Value::Float(1.5), Value(), Value(), Value(true), Value::FromList({Int(1)}), Value("x")}, "ab1 2c1.5 <nil> <nil> true [1]x"},
    {'p', "", {Int(1), Value("a"), Int(2)}, "1a2"},
    {'p', "", {}, ""},
    {'p', "", {Value::Bytes("hi"), Value::Bytes("yo"), Value::FromTime({0, 0, 0, "UTC"}), Semver(), NilStruct()}, "[104 105] [121 111] 1970-01-01 00:00:00 +0000 UTC 1.2.3-rc.1+b7 <nil>"},
    {'l', "", {Value("a"), Value("b"), Int(1), Value(), Value::FromMap({{"a", Int(1)}})}, "a b 1 <nil> map[a:1]\n"},
    {'l', "", {}, "\n"},
  };
  // clang-format on
}

TEST(GoFmtTest, MatchesGo) {
  for (const FmtCase& c : Cases()) {
    std::string got;
    switch (c.kind) {
      case 'f':
        got = GoSprintf(c.format, c.args);
        break;
      case 'p':
        got = GoSprint(c.args);
        break;
      default:
        got = GoSprintln(c.args);
        break;
    }
    EXPECT_EQ(got, c.want) << c.kind << " " << c.format;
  }
}

TEST(GoFmtTest, AppendGoValueIsSprint) {
  std::string out = "x=";
  AppendGoValue(&out, Value::FromMap({{"b", Value::Float(1e6)}, {"a", Value()}}));
  EXPECT_EQ(out, "x=map[a:<nil> b:1e+06]");
}

TEST(GoFmtTest, TimeString) {
  EXPECT_EQ(GoTimeString({1136239445, 0, -7 * 3600, "MST"}), "2006-01-02 15:04:05 -0700 MST");
  EXPECT_EQ(GoTimeString({1136239445, 120000000, 0, ""}), "2006-01-02 22:04:05.12 +0000 +0000");
}

}  // namespace
}  // namespace kanon::tmpl
