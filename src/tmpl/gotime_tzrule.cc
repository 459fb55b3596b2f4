// POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0"), the footer of TZif files that says which zone
// applies after the last listed transition. Evaluated the way Go's tzset does.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "tmpl/gotime_calendar.h"
#include "tmpl/gotime_zone.h"

namespace kanon::tmpl::gotime {
namespace {

constexpr int kSecondsPerHour = 3600;

// A zone name: three or more characters up to a digit, sign or comma, or <...> quoted.
std::optional<std::string> RuleName(std::string_view* s) {
  if (s->empty()) return std::nullopt;
  if ((*s)[0] == '<') {
    size_t close = s->find('>');
    if (close == std::string_view::npos) return std::nullopt;
    std::string name(s->substr(1, close - 1));
    s->remove_prefix(close + 1);
    return name;
  }
  size_t i = s->find_first_of("0123456789,-+");
  if (i == std::string_view::npos) i = s->size();
  if (i < 3) return std::nullopt;
  std::string name(s->substr(0, i));
  s->remove_prefix(i);
  return name;
}

// A decimal number in [min, max] at the front of s.
std::optional<int> RuleNum(std::string_view* s, int min, int max) {
  size_t i = 0;
  int num = 0;
  while (i < s->size() && (*s)[i] >= '0' && (*s)[i] <= '9') {
    num = num * 10 + ((*s)[i] - '0');
    if (num > max) return std::nullopt;
    ++i;
  }
  if (i == 0 || num < min) return std::nullopt;
  s->remove_prefix(i);
  return num;
}

// [+-]hh[:mm[:ss]] in seconds.
std::optional<int> RuleOffset(std::string_view* s) {
  if (s->empty()) return std::nullopt;
  bool neg = (*s)[0] == '-';
  if ((*s)[0] == '+' || (*s)[0] == '-') s->remove_prefix(1);
  std::optional<int> hours = RuleNum(s, 0, 24 * 7);
  if (!hours) return std::nullopt;
  int off = *hours * kSecondsPerHour;
  for (int unit : {60, 1}) {
    if (s->empty() || (*s)[0] != ':') break;
    s->remove_prefix(1);
    std::optional<int> part = RuleNum(s, 0, 59);
    if (!part) return std::nullopt;
    off += *part * unit;
  }
  return neg ? -off : off;
}

enum class RuleKind { kJulian, kDayOfYear, kMonthWeekDay };

struct Rule {
  RuleKind kind = RuleKind::kDayOfYear;
  int day = 0;
  int week = 0;
  int mon = 0;
  int time = 2 * kSecondsPerHour;  // 02:00 local unless given
};

std::optional<Rule> ParseRule(std::string_view* s) {
  Rule r;
  std::optional<int> n;
  if (!s->empty() && (*s)[0] == 'J') {
    s->remove_prefix(1);
    if (!(n = RuleNum(s, 1, 365))) return std::nullopt;
    r.kind = RuleKind::kJulian;
    r.day = *n;
  } else if (!s->empty() && (*s)[0] == 'M') {
    s->remove_prefix(1);
    std::optional<int> mon = RuleNum(s, 1, 12);
    if (!mon || s->empty() || (*s)[0] != '.') return std::nullopt;
    s->remove_prefix(1);
    std::optional<int> week = RuleNum(s, 1, 5);
    if (!week || s->empty() || (*s)[0] != '.') return std::nullopt;
    s->remove_prefix(1);
    std::optional<int> day = RuleNum(s, 0, 6);
    if (!day) return std::nullopt;
    r = {RuleKind::kMonthWeekDay, *day, *week, *mon};
  } else {
    if (!(n = RuleNum(s, 0, 365))) return std::nullopt;
    r.day = *n;
  }
  if (!s->empty() && (*s)[0] == '/') {
    s->remove_prefix(1);
    std::optional<int> t = RuleOffset(s);
    if (!t) return std::nullopt;
    r.time = *t;
  }
  return r;
}

// Seconds from the start of `year` (UTC) to the rule's moment, for a zone at offset `off`.
int64_t RuleTime(int64_t year, const Rule& r, int off) {
  int64_t day = 0;
  switch (r.kind) {
    case RuleKind::kJulian:
      day = r.day - 1 + (IsLeap(year) && r.day >= 60 ? 1 : 0);
      break;
    case RuleKind::kDayOfYear:
      day = r.day;
      break;
    case RuleKind::kMonthWeekDay: {
      // Weekday of the first of the month, then the week-th such weekday (5 = last).
      int64_t first = DaysFromCivil(year, r.mon, 1);
      int dow = static_cast<int>(first + 4 - FloorDiv(first + 4, 7) * 7);
      int d = r.day - dow;
      if (d < 0) d += 7;
      for (int i = 1; i < r.week && d + 7 < DaysIn(r.mon, year); ++i) d += 7;
      day = d + DaysBeforeMonth(r.mon) + (IsLeap(year) && r.mon > 2 ? 1 : 0);
      break;
    }
  }
  return day * kSecondsPerDay + r.time - off;
}

}  // namespace

std::optional<ZoneAt> EvalTzRule(std::string_view s, int64_t last_tx, int64_t sec) {
  std::optional<std::string> std_name = RuleName(&s);
  std::optional<int> std_offset = std_name ? RuleOffset(&s) : std::nullopt;
  if (!std_offset) return std::nullopt;
  ZoneAt std_zone{*std_name, -*std_offset, last_tx, INT64_MAX, false};  // POSIX counts west
  if (s.empty() || s[0] == ',') return std_zone;
  std::optional<std::string> dst_name = RuleName(&s);
  if (!dst_name) return std::nullopt;
  ZoneAt dst_zone{*dst_name, std_zone.offset + kSecondsPerHour, 0, 0, true};
  if (!s.empty() && s[0] != ',') {
    std::optional<int> off = RuleOffset(&s);
    if (!off) return std::nullopt;
    dst_zone.offset = -*off;
  }
  if (s.empty()) s = ",M3.2.0,M11.1.0";  // tzcode's default rules
  if (s[0] != ',' && s[0] != ';') return std::nullopt;
  s.remove_prefix(1);
  std::optional<Rule> start_rule = ParseRule(&s);
  if (!start_rule || s.empty() || s[0] != ',') return std::nullopt;
  s.remove_prefix(1);
  std::optional<Rule> end_rule = ParseRule(&s);
  if (!end_rule || !s.empty()) return std::nullopt;

  Civil c = CivilFromSeconds(sec);
  int64_t year_start = DaysFromCivil(c.year, 1, 1) * kSecondsPerDay;
  // Go's reading of the second of the year (a truncating remainder before 1970).
  int64_t ysec = static_cast<int64_t>(c.yday - 1) * kSecondsPerDay + sec % kSecondsPerDay;
  int64_t start = RuleTime(c.year, *start_rule, std_zone.offset);
  int64_t end = RuleTime(c.year, *end_rule, dst_zone.offset);
  ZoneAt outside = std_zone, inside = dst_zone;
  if (end < start) {
    // Southern hemisphere: daylight time spans the new year.
    std::swap(start, end);
    std::swap(outside, inside);
  }
  if (ysec < start) {
    outside.start = year_start;
    outside.end = year_start + start;
    return outside;
  }
  if (ysec >= end) {
    outside.start = year_start + end;
    outside.end = year_start + 365 * kSecondsPerDay;
    return outside;
  }
  inside.start = year_start + start;
  inside.end = year_start + end;
  return inside;
}

}  // namespace kanon::tmpl::gotime
