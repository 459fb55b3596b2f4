// Go's time package, as far as sprig's date functions reach it: formatting and parsing with
// Go reference layouts ("2006-01-02T15:04:05Z07:00"), the current time, zones by IANA name
// (read from the system zoneinfo), durations in Go's syntax. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace kanon::tmpl {

// time.Time.Format(layout).
std::string GoFormatTime(const value::Time& t, std::string_view layout);
// time.ParseInLocation(layout, text, zone); zone "UTC" or "Local" or an IANA name. Errors read
// like Go's: `parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`.
Result<value::Time> GoParseTime(std::string_view layout, std::string_view text,
                                std::string_view zone = "UTC");
// time.Now() in the Local zone (UTC when TZ is unset and /etc/localtime is absent).
value::Time GoNow();
// t.In(zone): the same instant shown in `zone`; NotFound for an unknown zone name.
Result<value::Time> GoInZone(const value::Time& t, std::string_view zone);
// time.ParseDuration("1h30m") in nanoseconds.
Result<int64_t> GoParseDuration(std::string_view text);
// time.Duration.String(): "1h30m0s".
std::string GoDurationString(int64_t nanos);

}  // namespace kanon::tmpl
