// Arithmetic: add1, add, sub, div, mod, mul, max/biggest, min (int64 through cast.ToInt64, with
// Go's wrap-around and its divide-by-zero panic), floor, ceil, round (float64 through
// cast.ToFloat64), until and untilStep ([]int).
#include <algorithm>
#include <cmath>
#include <limits>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Value;

// A list longer than this is refused (Go would try to allocate it).
constexpr int64_t kMaxListLength = int64_t{10} << 20;

// Two's-complement wrap-around, as Go's int64 arithmetic does.
int64_t WrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
int64_t WrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

constexpr std::string_view kDivideByZero = "runtime error: integer divide by zero";

Result<Value> Add1Fn(std::span<const Value> a) { return GoInt64(WrapAdd(CastToInt64(a[0]), 1)); }

Result<Value> AddFn(std::span<const Value> a) {
  int64_t sum = 0;
  for (const Value& v : a) sum = WrapAdd(sum, CastToInt64(v));
  return GoInt64(sum);
}

Result<Value> SubFn(std::span<const Value> a) {
  return GoInt64(WrapAdd(CastToInt64(a[0]), WrapMul(CastToInt64(a[1]), -1)));
}

Result<Value> MulFn(std::span<const Value> a) {
  int64_t product = CastToInt64(a[0]);
  for (const Value& v : a.subspan(1)) product = WrapMul(product, CastToInt64(v));
  return GoInt64(product);
}

Result<Value> DivFn(std::span<const Value> a) {
  int64_t x = CastToInt64(a[0]), y = CastToInt64(a[1]);
  if (y == 0) return GoError(std::string(kDivideByZero));
  if (y == -1) return GoInt64(WrapMul(x, -1));  // MinInt64 / -1 wraps to MinInt64
  return GoInt64(x / y);
}

Result<Value> ModFn(std::span<const Value> a) {
  int64_t x = CastToInt64(a[0]), y = CastToInt64(a[1]);
  if (y == 0) return GoError(std::string(kDivideByZero));
  if (y == -1) return GoInt64(0);
  return GoInt64(x % y);
}

Result<Value> MaxFn(std::span<const Value> a) {
  int64_t best = CastToInt64(a[0]);
  for (const Value& v : a.subspan(1)) best = std::max(best, CastToInt64(v));
  return GoInt64(best);
}

Result<Value> MinFn(std::span<const Value> a) {
  int64_t best = CastToInt64(a[0]);
  for (const Value& v : a.subspan(1)) best = std::min(best, CastToInt64(v));
  return GoInt64(best);
}

Result<Value> FloorFn(std::span<const Value> a) {
  return Value::Float(std::floor(CastToFloat64(a[0])));
}
Result<Value> CeilFn(std::span<const Value> a) {
  return Value::Float(std::ceil(CastToFloat64(a[0])));
}

// math.Pow(10, n) for an integer n, by Go's successive squaring (so results match to the bit).
double GoPow10(int64_t n) {
  if (n == 0) return 1;
  if (n == 1) return 10;
  double a1 = 1;
  int64_t ae = 0;
  int xe_int = 0;
  double x1 = std::frexp(10.0, &xe_int);
  int64_t xe = xe_int;
  uint64_t i = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  for (; i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      ae += xe;
      break;
    }
    if (i & 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      --xe;
    }
  }
  if (n < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  ae = std::clamp<int64_t>(ae, -100000, 100000);
  return std::ldexp(a1, static_cast<int>(ae));
}

// round(v, places, roundOn=.5): rounds up when the fraction at `places` reaches roundOn.
Result<Value> RoundFn(std::span<const Value> a) {
  double round_on = a.size() > 2 ? a[2].AsFloat() : .5;
  double val = CastToFloat64(a[0]);
  double pow = GoPow10(a[1].AsInt());
  double digit = pow * val;
  double int_part = 0;
  double frac = std::modf(digit, &int_part);
  double rounded = frac >= round_on ? std::ceil(digit) : std::floor(digit);
  return Value::Float(rounded / pow);
}

// untilStep(start, stop, step): start, start+step, ... up to (excluding) stop; empty when
// step does not lead from start towards stop.
Result<Value> UntilStep(int64_t start, int64_t stop, int64_t step) {
  value::List out;
  const bool down = stop < start;
  if ((down && step >= 0) || (!down && step <= 0)) {
    return Value::FromList(std::move(out), GoType::kIntList);
  }
  const __int128 span =
      down ? static_cast<__int128>(start) - stop : static_cast<__int128>(stop) - start;
  const __int128 mag = step < 0 ? -static_cast<__int128>(step) : step;
  const __int128 count = (span + mag - 1) / mag;
  if (count > kMaxListLength) {
    return GoError("untilStep: " + std::to_string(static_cast<int64_t>(count)) +
                   " elements exceed kanon's limit");
  }
  out.reserve(static_cast<size_t>(count));
  __int128 i = start;
  for (__int128 n = 0; n < count; ++n, i += step) {
    out.push_back(GoInt(static_cast<int64_t>(i)));
  }
  return Value::FromList(std::move(out), GoType::kIntList);
}

Result<Value> UntilFn(std::span<const Value> a) {
  int64_t count = a[0].AsInt();
  return UntilStep(0, count, count < 0 ? -1 : 1);
}

Result<Value> UntilStepFn(std::span<const Value> a) {
  return UntilStep(a[0].AsInt(), a[1].AsInt(), a[2].AsInt());
}

}  // namespace

void RegisterMath(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("add1", {P::kAny}, Add1Fn);
  funcs->AddVariadic("add", {P::kAny}, AddFn);
  funcs->Add("sub", {P::kAny, P::kAny}, SubFn);
  funcs->Add("div", {P::kAny, P::kAny}, DivFn);
  funcs->Add("mod", {P::kAny, P::kAny}, ModFn);
  funcs->AddVariadic("mul", {P::kAny, P::kAny}, MulFn);
  funcs->AddVariadic("max", {P::kAny, P::kAny}, MaxFn);
  funcs->AddVariadic("biggest", {P::kAny, P::kAny}, MaxFn);
  funcs->AddVariadic("min", {P::kAny, P::kAny}, MinFn);
  funcs->Add("floor", {P::kAny}, FloorFn);
  funcs->Add("ceil", {P::kAny}, CeilFn);
  funcs->AddVariadic("round", {P::kAny, P::kInt, P::kFloat64}, RoundFn);
  funcs->Add("until", {P::kInt}, UntilFn);
  funcs->Add("untilStep", {P::kInt, P::kInt, P::kInt}, UntilStepFn);
}

}  // namespace kanon::tmpl::sprig
