// Go's Time.Format, Time.String, time.Now and Time.In over value::Time.

#include "tmpl/gotime.h"

#include <chrono>
#include <string>

#include "tmpl/gofmt.h"
#include "tmpl/gotime_calendar.h"
#include "tmpl/gotime_zone.h"

namespace kanon::tmpl {
namespace {

using gotime::AppendInt;
using gotime::Std;

bool IsIsoZone(Std std) {
  return std == Std::kISO8601TZ || std == Std::kISO8601ColonTZ || std == Std::kISO8601SecondsTZ ||
         std == Std::kISO8601ShortTZ || std == Std::kISO8601ColonSecondsTZ;
}

bool IsNumericZone(Std std) {
  return IsIsoZone(std) || std == Std::kNumTZ || std == Std::kNumColonTZ ||
         std == Std::kNumSecondsTz || std == Std::kNumShortTZ || std == Std::kNumColonSecondsTZ;
}

// -0700, -07:00, -07, -070000, -07:00:00 and their Z forms (Z for a zero offset).
void AppendZoneOffset(std::string* out, Std std, int offset) {
  if (offset == 0 && IsIsoZone(std)) {
    out->push_back('Z');
    return;
  }
  // The sign follows the whole minutes, as Go's does (truncating division).
  int minutes = offset / 60;
  bool negative = minutes < 0;
  int abs_offset = negative ? -offset : offset;
  if (negative) minutes = -minutes;
  out->push_back(negative ? '-' : '+');
  AppendInt(out, minutes / 60, 2);
  bool colon = std == Std::kISO8601ColonTZ || std == Std::kNumColonTZ ||
               std == Std::kISO8601ColonSecondsTZ || std == Std::kNumColonSecondsTZ;
  if (colon) out->push_back(':');
  if (std != Std::kNumShortTZ && std != Std::kISO8601ShortTZ) AppendInt(out, minutes % 60, 2);
  bool seconds = std == Std::kISO8601SecondsTZ || std == Std::kNumSecondsTz ||
                 std == Std::kNumColonSecondsTZ || std == Std::kISO8601ColonSecondsTZ;
  if (seconds) {
    if (std == Std::kNumColonSecondsTZ || std == Std::kISO8601ColonSecondsTZ) out->push_back(':');
    AppendInt(out, abs_offset % 60, 2);
  }
}

// MST: the zone abbreviation, or -0700 when the zone has none.
void AppendZoneName(std::string* out, const value::Time& t) {
  if (!t.zone.empty()) {
    out->append(t.zone);
    return;
  }
  int minutes = t.offset_sec / 60;
  out->push_back(minutes < 0 ? '-' : '+');
  if (minutes < 0) minutes = -minutes;
  AppendInt(out, minutes / 60, 2);
  AppendInt(out, minutes % 60, 2);
}

void AppendFraction(std::string* out, const gotime::StdChunk& chunk, int32_t nsec) {
  std::string digits = std::to_string(1000000000 + static_cast<int64_t>(nsec)).substr(1);
  int n = chunk.frac_digits > 9 ? 9 : chunk.frac_digits;
  if (chunk.std == Std::kFracSecond9) {
    while (n > 0 && digits[static_cast<size_t>(n - 1)] == '0') --n;
    if (n == 0) return;
  }
  out->push_back(chunk.frac_separator);
  out->append(digits, 0, static_cast<size_t>(n));
}

int Hour12(int hour) { return hour % 12 == 0 ? 12 : hour % 12; }

// One layout element other than zones and fractions.
void AppendCalendarElement(std::string* out, Std std, const gotime::Civil& c) {
  switch (std) {
    case Std::kYear:
      AppendInt(out, (c.year < 0 ? -c.year : c.year) % 100, 2);
      break;
    case Std::kLongYear:
      AppendInt(out, c.year, 4);
      break;
    case Std::kMonth:
      out->append(gotime::kShortMonthNames[c.month - 1]);
      break;
    case Std::kLongMonth:
      out->append(gotime::kLongMonthNames[c.month - 1]);
      break;
    case Std::kNumMonth:
      AppendInt(out, c.month, 0);
      break;
    case Std::kZeroMonth:
      AppendInt(out, c.month, 2);
      break;
    case Std::kWeekDay:
      out->append(gotime::kShortDayNames[c.weekday]);
      break;
    case Std::kLongWeekDay:
      out->append(gotime::kLongDayNames[c.weekday]);
      break;
    case Std::kDay:
      AppendInt(out, c.day, 0);
      break;
    case Std::kUnderDay:
      if (c.day < 10) out->push_back(' ');
      AppendInt(out, c.day, 0);
      break;
    case Std::kZeroDay:
      AppendInt(out, c.day, 2);
      break;
    case Std::kUnderYearDay:
      if (c.yday < 100) out->append(c.yday < 10 ? "  " : " ");
      AppendInt(out, c.yday, 0);
      break;
    case Std::kZeroYearDay:
      AppendInt(out, c.yday, 3);
      break;
    case Std::kHour:
      AppendInt(out, c.hour, 2);
      break;
    case Std::kHour12:
      AppendInt(out, Hour12(c.hour), 0);
      break;
    case Std::kZeroHour12:
      AppendInt(out, Hour12(c.hour), 2);
      break;
    case Std::kMinute:
      AppendInt(out, c.minute, 0);
      break;
    case Std::kZeroMinute:
      AppendInt(out, c.minute, 2);
      break;
    case Std::kSecond:
      AppendInt(out, c.second, 0);
      break;
    case Std::kZeroSecond:
      AppendInt(out, c.second, 2);
      break;
    case Std::kPM:
      out->append(c.hour >= 12 ? "PM" : "AM");
      break;
    case Std::kpm:
      out->append(c.hour >= 12 ? "pm" : "am");
      break;
    default:
      break;
  }
}

value::Time InLocation(int64_t unix_sec, int32_t nsec, const gotime::Location& loc) {
  gotime::ZoneAt z = loc.Lookup(unix_sec);
  return value::Time{unix_sec, nsec, z.offset, z.name};
}

}  // namespace

std::string GoFormatTime(const value::Time& t, std::string_view layout) {
  std::string out;
  gotime::Civil c = gotime::CivilOf(t);
  while (!layout.empty()) {
    gotime::StdChunk chunk = gotime::NextStdChunk(layout);
    out.append(chunk.prefix);
    if (chunk.std == Std::kNone) break;
    layout = chunk.suffix;
    if (IsNumericZone(chunk.std)) {
      AppendZoneOffset(&out, chunk.std, t.offset_sec);
    } else if (chunk.std == Std::kTZ) {
      AppendZoneName(&out, t);
    } else if (chunk.std == Std::kFracSecond0 || chunk.std == Std::kFracSecond9) {
      AppendFraction(&out, chunk, t.nsec);
    } else {
      AppendCalendarElement(&out, chunk.std, c);
    }
  }
  return out;
}

std::string GoTimeString(const value::Time& t) {
  return GoFormatTime(t, "2006-01-02 15:04:05.999999999 -0700 MST");
}

value::Time GoNow() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  int64_t nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
  int64_t sec = gotime::FloorDiv(nanos, 1000000000);
  return InLocation(sec, static_cast<int32_t>(nanos - sec * 1000000000), *gotime::LocalLocation());
}

Result<value::Time> GoInZone(const value::Time& t, std::string_view zone) {
  ASSIGN_OR_RETURN(std::shared_ptr<const gotime::Location> loc, gotime::LoadLocation(zone));
  return InLocation(t.unix_sec, t.nsec, *loc);
}

}  // namespace kanon::tmpl
