// time.ParseInLocation over Go reference layouts, with Go's error texts.

#include <optional>
#include <string>

#include "tmpl/gotime.h"
#include "tmpl/gotime_calendar.h"
#include "tmpl/gotime_zone.h"

namespace kanon::tmpl {
namespace {

using gotime::Atoi;
using gotime::GetNum;
using gotime::GetNum3;
using gotime::IsDigit;
using gotime::LookupName;
using gotime::Nanos;
using gotime::ParseNanoseconds;
using gotime::Skip;
using gotime::Std;
using gotime::TimeQuote;
using gotime::TimeZoneLength;

class TimeParser {
 public:
  TimeParser(std::string_view layout, std::string_view value, const gotime::Location& loc)
      : layout_(layout), value_(value), alayout_(layout), avalue_(value), loc_(loc) {}

  Result<value::Time> Run();

 private:
  Status Error(std::string_view layout_elem) const {
    return InvalidArgument("parsing time " + TimeQuote(avalue_) + " as " + TimeQuote(alayout_) +
                           ": cannot parse " + TimeQuote(value_) + " as " + TimeQuote(layout_elem));
  }
  Status MessageError(std::string_view message) const {
    return InvalidArgument("parsing time " + TimeQuote(avalue_) + std::string(message));
  }

  bool DateElement(Std std);
  bool ClockElement(Std std);
  bool ZoneElement(Std std);
  bool FractionElement(const gotime::StdChunk& chunk);
  bool SecondsFraction();
  Status ResolveYearDay();
  value::Time Finish();

  std::string_view layout_, value_;
  const std::string_view alayout_, avalue_;
  const gotime::Location& loc_;
  std::string range_error_;
  int64_t year_ = 0;
  int month_ = -1, day_ = -1, yday_ = -1, hour_ = 0, min_ = 0, sec_ = 0, nsec_ = 0;
  bool am_ = false, pm_ = false, utc_ = false;
  int zone_offset_ = -1;  // Go's "no numeric zone seen" marker
  std::string zone_name_;
};

bool TimeParser::DateElement(Std std) {
  std::optional<int> n;
  switch (std) {
    case Std::kYear: {
      if (value_.size() < 2) return false;
      std::optional<int64_t> y = Atoi(value_.substr(0, 2));
      if (!y) return false;  // the two characters stay unconsumed
      value_.remove_prefix(2);
      year_ = *y + (*y >= 69 ? 1900 : 2000);
      return true;
    }
    case Std::kLongYear: {
      if (value_.size() < 4 || !IsDigit(value_, 0)) return false;
      std::optional<int64_t> y = Atoi(value_.substr(0, 4));
      value_.remove_prefix(4);
      if (y) year_ = *y;
      return y.has_value();
    }
    case Std::kMonth:
    case Std::kLongMonth:
      n = LookupName(std == Std::kMonth ? gotime::kShortMonthNames : gotime::kLongMonthNames, 12,
                     &value_);
      if (n) month_ = *n + 1;
      return n.has_value();
    case Std::kNumMonth:
    case Std::kZeroMonth:
      n = GetNum(&value_, std == Std::kZeroMonth);
      if (n && (*n <= 0 || *n > 12)) range_error_ = "month";
      if (n) month_ = *n;
      return n.has_value();
    case Std::kWeekDay:
    case Std::kLongWeekDay:  // checked, then ignored
      return LookupName(std == Std::kWeekDay ? gotime::kShortDayNames : gotime::kLongDayNames, 7,
                        &value_)
          .has_value();
    case Std::kDay:
    case Std::kUnderDay:
    case Std::kZeroDay:
      if (std == Std::kUnderDay && !value_.empty() && value_[0] == ' ') value_.remove_prefix(1);
      n = GetNum(&value_, std == Std::kZeroDay);
      if (n) day_ = *n;
      return n.has_value();
    default:  // year days
      for (int i = 0; i < 2; ++i) {
        if (std == Std::kUnderYearDay && !value_.empty() && value_[0] == ' ') {
          value_.remove_prefix(1);
        }
      }
      n = GetNum3(&value_, std == Std::kZeroYearDay);
      if (n) yday_ = *n;
      return n.has_value();
  }
}

bool TimeParser::ClockElement(Std std) {
  std::optional<int> n;
  switch (std) {
    case Std::kHour:
    case Std::kHour12:
    case Std::kZeroHour12:
      n = GetNum(&value_, std == Std::kZeroHour12);
      hour_ = n.value_or(0);
      if (hour_ < 0 || hour_ >= (std == Std::kHour ? 24 : 13)) range_error_ = "hour";
      return n.has_value();
    case Std::kMinute:
    case Std::kZeroMinute:
      n = GetNum(&value_, std == Std::kZeroMinute);
      min_ = n.value_or(0);
      if (min_ >= 60) range_error_ = "minute";
      return n.has_value();
    case Std::kSecond:
    case Std::kZeroSecond:
      n = GetNum(&value_, std == Std::kZeroSecond);
      sec_ = n.value_or(0);
      if (sec_ >= 60) {
        range_error_ = "second";
        return n.has_value();
      }
      return n.has_value() && SecondsFraction();
    default: {  // PM, pm
      if (value_.size() < 2) return false;
      std::string_view p = value_.substr(0, 2);
      value_.remove_prefix(2);
      bool upper = std == Std::kPM;
      pm_ = pm_ || p == (upper ? "PM" : "pm");
      am_ = am_ || p == (upper ? "AM" : "am");
      return p == (upper ? "PM" : "pm") || p == (upper ? "AM" : "am");
    }
  }
}

// A fraction after the seconds that the layout does not mention is accepted anyway.
bool TimeParser::SecondsFraction() {
  if (!(value_.size() >= 2 && (value_[0] == '.' || value_[0] == ',') && IsDigit(value_, 1))) {
    return true;
  }
  Std next = gotime::NextStdChunk(layout_).std;
  if (next == Std::kFracSecond0 || next == Std::kFracSecond9) return true;
  size_t n = 2;
  while (n < value_.size() && IsDigit(value_, n)) ++n;
  Nanos ns = ParseNanoseconds(value_, n);
  value_.remove_prefix(n);
  nsec_ = ns.nsec;
  if (ns.out_of_range) range_error_ = "fractional second";
  return ns.ok;
}

bool TimeParser::ZoneElement(Std std) {
  bool iso_z = std == Std::kISO8601TZ || std == Std::kISO8601ShortTZ || std == Std::kISO8601ColonTZ;
  if (iso_z && !value_.empty() && value_[0] == 'Z') {
    value_.remove_prefix(1);
    utc_ = true;
    return true;
  }
  bool colon = std == Std::kISO8601ColonTZ || std == Std::kNumColonTZ;
  bool colon_seconds = std == Std::kISO8601ColonSecondsTZ || std == Std::kNumColonSecondsTZ;
  bool seconds = std == Std::kISO8601SecondsTZ || std == Std::kNumSecondsTz;
  bool short_form = std == Std::kNumShortTZ || std == Std::kISO8601ShortTZ;
  size_t need = colon ? 6 : colon_seconds ? 9 : seconds ? 7 : short_form ? 3 : 5;
  if (value_.size() < need) return false;
  if ((colon || colon_seconds) && value_[3] != ':') return false;
  if (colon_seconds && value_[6] != ':') return false;
  std::string_view hh = value_.substr(1, 2), mm = "00", ss = "00";
  if (colon || colon_seconds) mm = value_.substr(4, 2);
  if (seconds || std == Std::kNumTZ || std == Std::kISO8601TZ) mm = value_.substr(3, 2);
  if (colon_seconds) ss = value_.substr(7, 2);
  if (seconds) ss = value_.substr(5, 2);
  char sign = value_[0];
  value_.remove_prefix(need);
  std::optional<int64_t> h = Atoi(hh), m = Atoi(mm), s = Atoi(ss);
  if (!h || !m || !s) return false;
  zone_offset_ = static_cast<int>((*h * 60 + *m) * 60 + *s);
  if (sign == '-') zone_offset_ = -zone_offset_;
  return sign == '+' || sign == '-';
}

bool TimeParser::FractionElement(const gotime::StdChunk& chunk) {
  if (chunk.std == Std::kFracSecond0) {
    size_t ndigit = 1 + static_cast<size_t>(chunk.frac_digits);
    if (value_.size() < ndigit) return false;
    Nanos ns = ParseNanoseconds(value_, ndigit);
    value_.remove_prefix(ndigit);
    nsec_ = ns.nsec;
    if (ns.out_of_range) range_error_ = "fractional second";
    return ns.ok;
  }
  if (value_.size() < 2 || (value_[0] != '.' && value_[0] != ',') || !IsDigit(value_, 1)) {
    return true;  // an optional fraction that is absent
  }
  size_t i = 0;
  while (i < 9 && i + 1 < value_.size() && IsDigit(value_, i + 1)) ++i;
  Nanos ns = ParseNanoseconds(value_, 1 + i);
  value_.remove_prefix(1 + i);
  nsec_ = ns.nsec;
  if (ns.out_of_range) range_error_ = "fractional second";
  return ns.ok;
}

// Turns a year day into month and day, checking it against any month and day given.
Status TimeParser::ResolveYearDay() {
  if (yday_ < 0) {
    if (month_ < 0) month_ = 1;
    if (day_ < 0) day_ = 1;
    return OkStatus();
  }
  int m = 0, d = 0;
  if (gotime::IsLeap(year_)) {
    if (yday_ == 31 + 29) {
      m = 2;
      d = 29;
    } else if (yday_ > 31 + 29) {
      --yday_;
    }
  }
  if (yday_ < 1 || yday_ > 365) return MessageError(": day-of-year out of range");
  if (m == 0) {
    m = (yday_ - 1) / 31 + 1;
    if (gotime::DaysBeforeMonth(m + 1) < yday_) ++m;
    d = yday_ - gotime::DaysBeforeMonth(m);
  }
  if (month_ >= 0 && month_ != m) return MessageError(": day-of-year does not match month");
  month_ = m;
  if (day_ >= 0 && day_ != d) return MessageError(": day-of-year does not match day");
  day_ = d;
  return OkStatus();
}

value::Time TimeParser::Finish() {
  const auto fixed = [&](int64_t unix, std::string name, int offset) {
    return value::Time{unix, nsec_, offset, std::move(name)};
  };
  const auto in_loc = [&](int64_t unix) {
    gotime::ZoneAt z = loc_.Lookup(unix);
    return value::Time{unix, nsec_, z.offset, z.name};
  };
  int64_t wall = gotime::DaysFromCivil(year_, month_, day_) * gotime::kSecondsPerDay +
                 hour_ * 3600 + min_ * 60 + sec_;
  if (utc_) return fixed(wall, "UTC", 0);
  if (zone_offset_ != -1) {
    // Keep the location's own zone if it had that offset (and name) then.
    int64_t unix = wall - zone_offset_;
    gotime::ZoneAt z = loc_.Lookup(unix);
    if (z.offset == zone_offset_ && (zone_name_.empty() || z.name == zone_name_)) {
      return in_loc(unix);
    }
    return fixed(unix, zone_name_, zone_offset_);
  }
  if (!zone_name_.empty()) {
    if (std::optional<int> offset = loc_.LookupName(zone_name_, wall)) {
      return in_loc(wall - *offset);
    }
    int offset = 0;  // an unknown abbreviation: its offset is unknown, except GMT+h
    if (zone_name_.size() > 3 && zone_name_.starts_with("GMT")) {
      offset = static_cast<int>(Atoi(std::string_view(zone_name_).substr(3)).value_or(0) * 3600);
    }
    return fixed(wall, zone_name_, offset);
  }
  return in_loc(gotime::DateToUnix(year_, month_, day_, hour_, min_, sec_, loc_));
}

Result<value::Time> TimeParser::Run() {
  while (true) {
    gotime::StdChunk chunk = gotime::NextStdChunk(layout_);
    std::string_view std_text = layout_.substr(
        chunk.prefix.size(), layout_.size() - chunk.prefix.size() - chunk.suffix.size());
    if (!Skip(&value_, chunk.prefix)) return Error(chunk.prefix);
    if (chunk.std == Std::kNone) {
      if (!value_.empty()) return MessageError(": extra text: " + TimeQuote(value_));
      break;
    }
    layout_ = chunk.suffix;
    bool ok = true;
    Std std = chunk.std;
    if (std == Std::kTZ) {
      if (value_.starts_with("UTC")) {
        utc_ = true;
        value_.remove_prefix(3);
      } else if (size_t n = TimeZoneLength(value_); n > 0) {
        zone_name_ = std::string(value_.substr(0, n));
        value_.remove_prefix(n);
      } else {
        ok = false;
      }
    } else if (std == Std::kFracSecond0 || std == Std::kFracSecond9) {
      ok = FractionElement(chunk);
    } else if (std >= Std::kISO8601TZ) {
      ok = ZoneElement(std);
    } else if (std >= Std::kHour && std <= Std::kZeroSecond) {
      ok = ClockElement(std);
    } else if (std == Std::kPM || std == Std::kpm) {
      ok = ClockElement(std);
    } else {
      ok = DateElement(std);
    }
    if (!range_error_.empty()) {
      return InvalidArgument("parsing time " + TimeQuote(avalue_) + ": " + range_error_ +
                             " out of range");
    }
    if (!ok) return Error(std_text);
  }
  if (pm_ && hour_ < 12) {
    hour_ += 12;
  } else if (am_ && hour_ == 12) {
    hour_ = 0;
  }
  RETURN_IF_ERROR(ResolveYearDay());
  if (day_ < 1 || day_ > gotime::DaysIn(month_, year_)) return MessageError(": day out of range");
  return Finish();
}

}  // namespace

Result<value::Time> GoParseTime(std::string_view layout, std::string_view text,
                                std::string_view zone) {
  ASSIGN_OR_RETURN(std::shared_ptr<const gotime::Location> loc, gotime::LoadLocation(zone));
  return TimeParser(layout, text, *loc).Run();
}

}  // namespace kanon::tmpl
