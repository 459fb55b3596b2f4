// Calendar arithmetic, names and the Go layout scanner.

#include "tmpl/gotime_calendar.h"

#include <string>

namespace kanon::tmpl {
namespace gotime {

const char* const kLongMonthNames[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
const char* const kShortMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kLongDayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};
const char* const kShortDayNames[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool IsLeap(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysBeforeMonth(int month) {
  static constexpr int kDaysBefore[13] = {0,   31,  59,  90,  120, 151, 181,
                                          212, 243, 273, 304, 334, 365};
  return kDaysBefore[month - 1];
}

int DaysIn(int month, int64_t year) {
  if (month == 2 && IsLeap(year)) return 29;
  return DaysBeforeMonth(month + 1) - DaysBeforeMonth(month);
}

// Counts in 400-year eras starting March 1 so that the leap day ends each cycle.
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day) {
  int64_t m0 = month - 1;
  year += FloorDiv(m0, 12);
  month = m0 - FloorDiv(m0, 12) * 12 + 1;
  year -= month <= 2 ? 1 : 0;
  int64_t era = FloorDiv(year, 400);
  int64_t yoe = year - era * 400;
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

// Go counts wall clocks as unsigned seconds since the start of year -292277022399 (a
// multiple of 400 years before year 1), so that day arithmetic never sees negative numbers
// and out-of-range instants wrap the way Go's do.
constexpr int64_t kAbsoluteZeroYear = -292277022399;
constexpr uint64_t kUnixToAbsolute = 9223372028715321600u;
constexpr uint64_t kDaysPer400Years = 146097;
constexpr uint64_t kDaysPer100Years = 36524;
constexpr uint64_t kDaysPer4Years = 1461;

Civil CivilFromAbsolute(uint64_t abs) {
  Civil c;
  uint64_t secs = abs % kSecondsPerDay;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  // Day 0 of the absolute calendar is a Monday.
  c.weekday = static_cast<int>((abs + kSecondsPerDay) % (7 * kSecondsPerDay) / kSecondsPerDay);
  uint64_t d = abs / kSecondsPerDay;
  uint64_t n = d / kDaysPer400Years;
  uint64_t y = 400 * n;
  d -= kDaysPer400Years * n;
  n = d / kDaysPer100Years;
  n -= n >> 2;  // the last century of a cycle is one day longer
  y += 100 * n;
  d -= kDaysPer100Years * n;
  n = d / kDaysPer4Years;
  y += 4 * n;
  d -= kDaysPer4Years * n;
  n = d / 365;
  n -= n >> 2;  // the last year of four is one day longer
  y += n;
  d -= 365 * n;
  c.year = static_cast<int64_t>(y) + kAbsoluteZeroYear;
  c.yday = static_cast<int>(d) + 1;
  int day = static_cast<int>(d);
  if (IsLeap(c.year)) {
    if (day == 31 + 29 - 1) {
      c.month = 2;
      c.day = 29;
      return c;
    }
    if (day > 31 + 29 - 1) --day;  // index the common-year table
  }
  int month = day / 31;
  if (day >= DaysBeforeMonth(month + 2)) ++month;
  c.month = month + 1;
  c.day = day - DaysBeforeMonth(c.month) + 1;
  return c;
}

}  // namespace

Civil CivilFromSeconds(int64_t local_sec) {
  return CivilFromAbsolute(static_cast<uint64_t>(local_sec) + kUnixToAbsolute);
}

Civil CivilOf(const value::Time& t) {
  // Wrapping sums, as Go's int64 arithmetic wraps for instants near the ends of time.
  return CivilFromAbsolute(static_cast<uint64_t>(t.unix_sec) +
                           static_cast<uint64_t>(static_cast<int64_t>(t.offset_sec)) +
                           kUnixToAbsolute);
}

void AppendInt(std::string* out, int64_t x, int width) {
  uint64_t u = static_cast<uint64_t>(x);
  if (x < 0) {
    out->push_back('-');
    u = ~u + 1;
  }
  std::string digits = std::to_string(u);
  if (static_cast<int>(digits.size()) < width) out->append(width - digits.size(), '0');
  out->append(digits);
}

namespace {

bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

bool StartsWithLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

StdChunk Chunk(std::string_view layout, size_t i, Std std, size_t len) {
  return {layout.substr(0, i), std, layout.substr(i + len)};
}

// Elements starting with a letter: Jan, January, Mon, Monday, MST, PM, pm.
Std LetterElement(std::string_view rest, size_t* len) {
  if (rest.starts_with("Jan")) {
    if (rest.starts_with("January")) return *len = 7, Std::kLongMonth;
    if (!StartsWithLower(rest.substr(3))) return *len = 3, Std::kMonth;
  }
  if (rest.starts_with("Mon")) {
    if (rest.starts_with("Monday")) return *len = 6, Std::kLongWeekDay;
    if (!StartsWithLower(rest.substr(3))) return *len = 3, Std::kWeekDay;
  }
  if (rest.starts_with("MST")) return *len = 3, Std::kTZ;
  if (rest.starts_with("PM")) return *len = 2, Std::kPM;
  if (rest.starts_with("pm")) return *len = 2, Std::kpm;
  return Std::kNone;
}

// Zone elements starting with '-' or 'Z', longest spelling first.
Std ZoneElement(std::string_view rest, size_t* len) {
  struct Spelling {
    const char* text;
    Std std;
  };
  static constexpr Spelling kSpellings[] = {
      {"-070000", Std::kNumSecondsTz},
      {"-07:00:00", Std::kNumColonSecondsTZ},
      {"-0700", Std::kNumTZ},
      {"-07:00", Std::kNumColonTZ},
      {"-07", Std::kNumShortTZ},
      {"Z070000", Std::kISO8601SecondsTZ},
      {"Z07:00:00", Std::kISO8601ColonSecondsTZ},
      {"Z0700", Std::kISO8601TZ},
      {"Z07:00", Std::kISO8601ColonTZ},
      {"Z07", Std::kISO8601ShortTZ},
  };
  for (const Spelling& s : kSpellings) {
    if (rest.starts_with(s.text)) {
      *len = std::char_traits<char>::length(s.text);
      return s.std;
    }
  }
  return Std::kNone;
}

// Elements starting with a digit or '_'.
Std NumericElement(std::string_view rest, size_t* len) {
  static constexpr Std kZeroX[] = {Std::kZeroMonth,  Std::kZeroDay,    Std::kZeroHour12,
                                   Std::kZeroMinute, Std::kZeroSecond, Std::kYear};
  switch (rest[0]) {
    case '0':
      if (rest.size() >= 2 && rest[1] >= '1' && rest[1] <= '6') {
        return *len = 2, kZeroX[rest[1] - '1'];
      }
      if (rest.starts_with("002")) return *len = 3, Std::kZeroYearDay;
      return Std::kNone;
    case '1':
      if (rest.starts_with("15")) return *len = 2, Std::kHour;
      return *len = 1, Std::kNumMonth;
    case '2':
      if (rest.starts_with("2006")) return *len = 4, Std::kLongYear;
      return *len = 1, Std::kDay;
    case '_':
      if (rest.starts_with("_2") && !rest.starts_with("_2006")) return *len = 2, Std::kUnderDay;
      if (rest.starts_with("__2")) return *len = 3, Std::kUnderYearDay;
      return Std::kNone;
    case '3':
      return *len = 1, Std::kHour12;
    case '4':
      return *len = 1, Std::kMinute;
    case '5':
      return *len = 1, Std::kSecond;
    default:
      return Std::kNone;
  }
}

}  // namespace

StdChunk NextStdChunk(std::string_view layout) {
  for (size_t i = 0; i < layout.size(); ++i) {
    std::string_view rest = layout.substr(i);
    size_t len = 0;
    Std std = Std::kNone;
    char c = rest[0];
    if (c == '_' && rest.starts_with("_2006")) {
      // A literal underscore followed by the year.
      return {layout.substr(0, i + 1), Std::kLongYear, layout.substr(i + 5)};
    }
    if (c == 'J' || c == 'M' || c == 'P' || c == 'p') std = LetterElement(rest, &len);
    if (c == '-' || c == 'Z') std = ZoneElement(rest, &len);
    if ((c >= '0' && c <= '5') || c == '_') std = NumericElement(rest, &len);
    if (std != Std::kNone) return Chunk(layout, i, std, len);
    if ((c == '.' || c == ',') && rest.size() > 1 && (rest[1] == '0' || rest[1] == '9')) {
      size_t j = 1;
      while (j < rest.size() && rest[j] == rest[1]) ++j;
      if (!IsDigitAt(rest, j)) {  // only a run of one repeated digit is a fraction
        StdChunk chunk =
            Chunk(layout, i, rest[1] == '0' ? Std::kFracSecond0 : Std::kFracSecond9, j);
        chunk.frac_digits = static_cast<int>(j - 1);
        chunk.frac_separator = c;
        return chunk;
      }
    }
  }
  return {layout, Std::kNone, {}};
}

}  // namespace gotime

std::string GoTimeGoString(const value::Time& t) {
  gotime::Civil c = gotime::CivilOf(t);
  std::string out = "time.Date(";
  gotime::AppendInt(&out, c.year, 0);
  out.append(", time.").append(gotime::kLongMonthNames[c.month - 1]);
  for (int64_t part :
       {int64_t{c.day}, int64_t{c.hour}, int64_t{c.minute}, int64_t{c.second}, int64_t{t.nsec}}) {
    out.append(", ");
    gotime::AppendInt(&out, part, 0);
  }
  // Time does not record its Location, only the zone in effect: UTC or else Local.
  out.append(t.zone == "UTC" && t.offset_sec == 0 ? ", time.UTC)" : ", time.Local)");
  return out;
}

}  // namespace kanon::tmpl
