// Calendar arithmetic and Go layout scanning shared by the gotime*.cc and gofmt*.cc files
// (private to the Go fmt/time layer). Proleptic Gregorian calendar, seconds since the Unix
// epoch, no leap seconds, as Go's time package counts. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kanon::tmpl {

// Go's Time.GoString(): time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC).
std::string GoTimeGoString(const value::Time& t);

namespace gotime {

inline constexpr int64_t kSecondsPerDay = 86400;

extern const char* const kLongMonthNames[12];
extern const char* const kShortMonthNames[12];
extern const char* const kLongDayNames[7];  // Sunday first
extern const char* const kShortDayNames[7];

// A wall-clock reading: the broken-down form of some seconds count.
struct Civil {
  int64_t year = 1970;
  int month = 1;    // 1..12
  int day = 1;      // 1..31
  int yday = 1;     // 1..366
  int weekday = 4;  // 0 = Sunday
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// Floor division, as calendar arithmetic needs for times before 1970.
int64_t FloorDiv(int64_t a, int64_t b);
// The wall clock of `local_sec` seconds since 1970-01-01T00:00:00 (already offset).
Civil CivilFromSeconds(int64_t local_sec);
// The wall clock of t in its own zone.
Civil CivilOf(const value::Time& t);
// Days from 1970-01-01 to year-month-day; month and day may be out of range and normalize.
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day);
bool IsLeap(int64_t year);
int DaysIn(int month, int64_t year);
// Days before the first of `month` (1..13) in a non-leap year.
int DaysBeforeMonth(int month);

// One element of a Go layout ("2006", "Jan", "-07:00", ".000", ...).
enum class Std : uint8_t {
  kNone,
  kLongMonth,
  kMonth,
  kNumMonth,
  kZeroMonth,
  kLongWeekDay,
  kWeekDay,
  kDay,
  kUnderDay,
  kZeroDay,
  kUnderYearDay,
  kZeroYearDay,
  kHour,
  kHour12,
  kZeroHour12,
  kMinute,
  kZeroMinute,
  kSecond,
  kZeroSecond,
  kLongYear,
  kYear,
  kPM,
  kpm,
  kTZ,
  kISO8601TZ,
  kISO8601SecondsTZ,
  kISO8601ShortTZ,
  kISO8601ColonTZ,
  kISO8601ColonSecondsTZ,
  kNumTZ,
  kNumSecondsTz,
  kNumShortTZ,
  kNumColonTZ,
  kNumColonSecondsTZ,
  kFracSecond0,  // .000: exactly n digits
  kFracSecond9,  // .999: up to n digits, trailing zeros dropped
};

struct StdChunk {
  std::string_view prefix;  // literal text before the element
  Std std = Std::kNone;     // kNone: no element left; prefix is the rest
  std::string_view suffix;  // layout after the element
  int frac_digits = 0;      // for kFracSecond*
  char frac_separator = '.';
};

// Finds the first layout element in `layout` (Go's nextStdChunk).
StdChunk NextStdChunk(std::string_view layout);

// Appends x in decimal, zero-padded to `width` digits (a minus sign comes first).
void AppendInt(std::string* out, int64_t x, int width);

// --- Scanning values (gotime_scan.cc). Readers taking std::string_view* consume what they
// read and leave the view alone when they fail, unless noted. ---

// The time package's quoting in error messages: bytes >= 0x80 and controls as \xNN.
std::string TimeQuote(std::string_view s);
bool IsDigit(std::string_view s, size_t i);
// time's atoi: an optional sign and decimal digits, nothing else; nullopt past 2^63.
std::optional<int64_t> Atoi(std::string_view s);
// One or two digits (exactly two when fixed).
std::optional<int> GetNum(std::string_view* s, bool fixed);
// One to three digits (exactly three when fixed).
std::optional<int> GetNum3(std::string_view* s, bool fixed);
// The index of the name in names[0..count) at the front of s, ignoring ASCII case.
std::optional<int> LookupName(const char* const* names, int count, std::string_view* s);
// Removes `prefix` from value, a run of spaces matching any run of spaces. On failure value
// keeps what was consumed so far, as Go reports it.
bool Skip(std::string_view* value, std::string_view prefix);
// The length of a zone abbreviation (MST, GMT+3, ChST, +07) at the front of v, or 0.
size_t TimeZoneLength(std::string_view v);

struct Nanos {
  int nsec = 0;
  bool ok = false;
  bool out_of_range = false;  // a negative value such as ".-1"
};
// A separator ('.' or ',') and digits, nbytes in all, as nanoseconds.
Nanos ParseNanoseconds(std::string_view value, size_t nbytes);

}  // namespace gotime
}  // namespace kanon::tmpl
