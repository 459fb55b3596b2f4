// sprig's date functions (v2.22 names and Go signatures) and the time.Time methods templates
// can call (`now.Unix`, `(toDate "2006-01-02" .d).Year`).

#include <cstdint>
#include <string>
#include <vector>

#include "tmpl/func.h"
#include "tmpl/gofmt.h"
#include "tmpl/gotime.h"
#include "tmpl/gotime_calendar.h"

namespace kanon::tmpl {
namespace {

using value::GoType;
using value::Kind;
using value::Time;

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kUnixOfYearOne = -62135596800;  // time.Time{}: January 1, year 1, UTC

// time.Unix(sec, 0): an instant shown in the Local zone.
Time UnixLocal(int64_t sec) {
  Result<Time> t = GoInZone(Time{sec, 0, 0, "UTC"}, "Local");
  return t.ok() ? *t : Time{sec, 0, 0, "UTC"};
}

// Whether t is shown in the Local zone (so arithmetic should re-read Local's rules).
bool ShownInLocal(const Time& t) {
  Result<Time> local = GoInZone(t, "Local");
  return local.ok() && local->offset_sec == t.offset_sec && local->zone == t.zone;
}

// t.Add(d), keeping t's zone: Local's rules when t is in Local, else its fixed offset.
Time AddNanos(const Time& t, int64_t d) {
  int64_t sec = t.unix_sec + d / kNanosPerSecond;
  int64_t nsec = t.nsec + d % kNanosPerSecond;
  if (nsec >= kNanosPerSecond) {
    ++sec;
    nsec -= kNanosPerSecond;
  } else if (nsec < 0) {
    --sec;
    nsec += kNanosPerSecond;
  }
  Time out{sec, static_cast<int32_t>(nsec), t.offset_sec, t.zone};
  if (!(t.zone == "UTC" && t.offset_sec == 0) && ShownInLocal(t)) {
    Result<Time> local = GoInZone(out, "Local");
    if (local.ok()) return *local;
  }
  return out;
}

// sprig's rule for a date argument: time.Time, or int/int32/int64 as unix seconds (ago
// accepts no int32); anything else means now.
Time DateArg(const Value& v, bool accept_int32) {
  if (v.kind() == Kind::kTime) return v.AsTime();
  if (v.kind() == Kind::kInt && (v.go_type() != GoType::kInt32 || accept_int32)) {
    return UnixLocal(v.AsInt());
  }
  return GoNow();
}

std::string DateInZone(std::string_view layout, const Value& date, std::string_view zone) {
  Time t = DateArg(date, true);
  Result<Time> shown = GoInZone(t, zone);
  if (!shown.ok()) shown = GoInZone(t, "UTC");  // sprig falls back to UTC silently
  return GoFormatTime(*shown, layout);
}

Result<Value> Date(std::span<const Value> a) {
  return Value(DateInZone(a[0].AsString(), a[1], "Local"));
}
Result<Value> DateInZoneFn(std::span<const Value> a) {
  return Value(DateInZone(a[0].AsString(), a[1], a[2].AsString()));
}
Result<Value> HtmlDate(std::span<const Value> a) {
  return Value(DateInZone("2006-01-02", a[0], "Local"));
}
Result<Value> HtmlDateInZone(std::span<const Value> a) {
  return Value(DateInZone("2006-01-02", a[0], a[1].AsString()));
}

// dateModify: an unparsable duration leaves the time unchanged.
Result<Value> DateModify(std::span<const Value> a) {
  Result<int64_t> d = GoParseDuration(a[0].AsString());
  if (!d.ok()) return a[1];
  return Value::FromTime(AddNanos(a[1].AsTime(), *d));
}

Result<Value> Now(std::span<const Value>) { return Value::FromTime(GoNow()); }

// toDate: a parse failure gives the zero time.
Result<Value> ToDate(std::span<const Value> a) {
  Result<Time> t = GoParseTime(a[0].AsString(), a[1].AsString(), "Local");
  return Value::FromTime(t.ok() ? *t : Time{kUnixOfYearOne, 0, 0, "UTC"});
}

Result<Value> UnixEpoch(std::span<const Value> a) {
  return Value(std::to_string(a[0].AsTime().unix_sec));
}

// Duration.Round(time.Second): halves round away from zero.
int64_t RoundToSecond(int64_t d) {
  int64_t r = d % kNanosPerSecond;
  if (d < 0) {
    r = -r;
    if (r + r < kNanosPerSecond) return d + r;
    // Go saturates at the smallest Duration instead of overflowing.
    if (d >= INT64_MIN + kNanosPerSecond - r) return d - kNanosPerSecond + r;
    return INT64_MIN;
  }
  if (r + r < kNanosPerSecond) return d - r;
  if (d <= INT64_MAX - (kNanosPerSecond - r)) return d + kNanosPerSecond - r;
  return INT64_MAX;
}

Result<Value> Ago(std::span<const Value> a) {
  Time t = DateArg(a[0], false);
  Time now = GoNow();
  // time.Since saturates at the Duration range, as Time.Sub does.
  __int128 d =
      (static_cast<__int128>(now.unix_sec) - t.unix_sec) * kNanosPerSecond + (now.nsec - t.nsec);
  if (d > INT64_MAX) d = INT64_MAX;
  if (d < INT64_MIN) d = INT64_MIN;
  return Value(GoDurationString(RoundToSecond(static_cast<int64_t>(d))));
}

void RegisterFunctions(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("date", {P::kString, P::kAny}, Date);
  funcs->Add("date_in_zone", {P::kString, P::kAny, P::kString}, DateInZoneFn);
  funcs->Add("dateInZone", {P::kString, P::kAny, P::kString}, DateInZoneFn);
  funcs->Add("date_modify", {P::kString, P::kTime}, DateModify);
  funcs->Add("dateModify", {P::kString, P::kTime}, DateModify);
  funcs->Add("htmlDate", {P::kAny}, HtmlDate);
  funcs->Add("htmlDateInZone", {P::kAny, P::kString}, HtmlDateInZone);
  funcs->Add("now", {}, Now);
  funcs->Add("toDate", {P::kString, P::kString}, ToDate);
  funcs->Add("unixEpoch", {P::kTime}, UnixEpoch);
  funcs->Add("ago", {P::kAny}, Ago);
}

// --- time.Time methods; args[0] is the receiver ---

const Time& Recv(std::span<const Value> a) { return a[0].AsTime(); }
Value GoInt(int64_t v) { return Value::Int(v, GoType::kInt); }
Value GoInt64(int64_t v) { return Value::Int(v, GoType::kInt64); }

Result<Value> TimeUnix(std::span<const Value> a) { return GoInt64(Recv(a).unix_sec); }
// unix_sec * scale + nsec / (1e9 / scale), wrapping on overflow as Go's int64 arithmetic does.
int64_t ScaledUnix(const Time& t, uint64_t scale) {
  uint64_t sub = static_cast<uint64_t>(t.nsec) / (static_cast<uint64_t>(kNanosPerSecond) / scale);
  return static_cast<int64_t>(static_cast<uint64_t>(t.unix_sec) * scale + sub);
}
Result<Value> TimeUnixMilli(std::span<const Value> a) { return GoInt64(ScaledUnix(Recv(a), 1000)); }
Result<Value> TimeUnixMicro(std::span<const Value> a) {
  return GoInt64(ScaledUnix(Recv(a), 1000000));
}
Result<Value> TimeUnixNano(std::span<const Value> a) {
  return GoInt64(ScaledUnix(Recv(a), kNanosPerSecond));
}
Result<Value> TimeYear(std::span<const Value> a) { return GoInt(gotime::CivilOf(Recv(a)).year); }
// Month and Weekday are named types whose String method prints the name.
Result<Value> TimeMonth(std::span<const Value> a) {
  return Value(gotime::kLongMonthNames[gotime::CivilOf(Recv(a)).month - 1]);
}
Result<Value> TimeWeekday(std::span<const Value> a) {
  return Value(gotime::kLongDayNames[gotime::CivilOf(Recv(a)).weekday]);
}
Result<Value> TimeDay(std::span<const Value> a) { return GoInt(gotime::CivilOf(Recv(a)).day); }
Result<Value> TimeYearDay(std::span<const Value> a) { return GoInt(gotime::CivilOf(Recv(a)).yday); }
Result<Value> TimeHour(std::span<const Value> a) { return GoInt(gotime::CivilOf(Recv(a)).hour); }
Result<Value> TimeMinute(std::span<const Value> a) {
  return GoInt(gotime::CivilOf(Recv(a)).minute);
}
Result<Value> TimeSecond(std::span<const Value> a) {
  return GoInt(gotime::CivilOf(Recv(a)).second);
}
Result<Value> TimeNanosecond(std::span<const Value> a) { return GoInt(Recv(a).nsec); }
Result<Value> TimeUtc(std::span<const Value> a) {
  return Value::FromTime(Time{Recv(a).unix_sec, Recv(a).nsec, 0, "UTC"});
}
Result<Value> TimeLocal(std::span<const Value> a) {
  Result<Time> t = GoInZone(Recv(a), "Local");
  if (!t.ok()) return t.status();
  return Value::FromTime(*t);
}
Result<Value> TimeFormat(std::span<const Value> a) {
  return Value(GoFormatTime(Recv(a), a[1].AsString()));
}
Result<Value> TimeString(std::span<const Value> a) { return Value(GoTimeString(Recv(a))); }
Result<Value> TimeIsZero(std::span<const Value> a) {
  return Value(Recv(a).unix_sec == kUnixOfYearOne && Recv(a).nsec == 0);
}
Result<Value> TimeAdd(std::span<const Value> a) {
  return Value::FromTime(AddNanos(Recv(a), a[1].AsInt()));
}
// Orders two instants: negative, zero or positive.
int Compare(const Time& x, const Time& y) {
  if (x.unix_sec != y.unix_sec) return x.unix_sec < y.unix_sec ? -1 : 1;
  return x.nsec == y.nsec ? 0 : (x.nsec < y.nsec ? -1 : 1);
}
Result<Value> TimeBefore(std::span<const Value> a) {
  return Value(Compare(Recv(a), a[1].AsTime()) < 0);
}
Result<Value> TimeAfter(std::span<const Value> a) {
  return Value(Compare(Recv(a), a[1].AsTime()) > 0);
}
Result<Value> TimeEqual(std::span<const Value> a) {
  return Value(Compare(Recv(a), a[1].AsTime()) == 0);
}

void RegisterMethods(MethodTable* methods) {
  using P = ParamType;
  struct Method {
    const char* name;
    std::vector<ParamType> params;
    FuncImpl impl;
  };
  const Method kMethods[] = {
      {"Unix", {}, TimeUnix},
      {"UnixMilli", {}, TimeUnixMilli},
      {"UnixMicro", {}, TimeUnixMicro},
      {"UnixNano", {}, TimeUnixNano},
      {"Year", {}, TimeYear},
      {"Month", {}, TimeMonth},
      {"Day", {}, TimeDay},
      {"YearDay", {}, TimeYearDay},
      {"Weekday", {}, TimeWeekday},
      {"Hour", {}, TimeHour},
      {"Minute", {}, TimeMinute},
      {"Second", {}, TimeSecond},
      {"Nanosecond", {}, TimeNanosecond},
      {"UTC", {}, TimeUtc},
      {"Local", {}, TimeLocal},
      {"Format", {P::kString}, TimeFormat},
      {"String", {}, TimeString},
      {"IsZero", {}, TimeIsZero},
      {"Add", {P::kInt64}, TimeAdd},
      {"Before", {P::kTime}, TimeBefore},
      {"After", {P::kTime}, TimeAfter},
      {"Equal", {P::kTime}, TimeEqual},
  };
  for (const Method& m : kMethods)
    methods->Add("time.Time", FuncDef{m.name, m.params, false, m.impl});
}

}  // namespace

void RegisterSprigDates(FuncMap* funcs, MethodTable* methods) {
  RegisterFunctions(funcs);
  RegisterMethods(methods);
}

}  // namespace kanon::tmpl
