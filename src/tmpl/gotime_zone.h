// Location: a time zone as Go's time package models it (private to the gotime*.cc files).
//
// Zones come from the system zoneinfo (TZif files, version 2+ 64-bit data and the POSIX TZ
// footer that extends the rules past the last transition), as Go's LoadLocation reads them.
// A Location is immutable once loaded and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kanon::tmpl::gotime {

// The zone in effect at an instant, and the span of instants [start, end) it covers.
struct ZoneAt {
  std::string name;
  int offset = 0;
  int64_t start = INT64_MIN;
  int64_t end = INT64_MAX;
  bool is_dst = false;
};

class Location final {
 public:
  struct ZoneType {
    std::string name;
    int offset = 0;
    bool is_dst = false;
  };
  struct Transition {
    int64_t when = 0;
    uint8_t index = 0;
  };

  // UTC: no zones; every instant is "UTC" +0.
  Location() = default;
  Location(std::string name, std::vector<ZoneType> zones, std::vector<Transition> tx,
           std::string extend);

  // Parses TZif data (Go's LoadLocationFromTZData). DataLoss on malformed data.
  static Result<Location> FromTzif(std::string name, std::string_view data);

  const std::string& name() const { return name_; }
  // The zone in effect at `unix_sec` (Go's Location.lookup).
  ZoneAt Lookup(int64_t unix_sec) const;
  // The offset of zone abbreviation `abbrev` around `unix_sec`, if the location uses it.
  std::optional<int> LookupName(std::string_view abbrev, int64_t unix_sec) const;

 private:
  size_t FirstZone() const;

  std::string name_ = "UTC";
  std::vector<ZoneType> zones_;
  std::vector<Transition> tx_;
  std::string extend_;  // POSIX TZ rule for instants after the last transition
};

// The named location: "" and "UTC" are UTC, "Local" the process's local zone, anything else
// an IANA name looked up under $ZONEINFO and /usr/share/zoneinfo. NotFound reads like Go:
// "unknown time zone Mars/Olympus"; a name with ".." or a leading slash is
// "time: invalid location name".
Result<std::shared_ptr<const Location>> LoadLocation(std::string_view name);

// The process's local zone, from $TZ or /etc/localtime, UTC when neither gives one. Loaded
// once.
std::shared_ptr<const Location> LocalLocation();

// The wall-clock date given as year..second in `loc`, as an instant (Go's time.Date for
// in-range fields): returns unix seconds.
int64_t DateToUnix(int64_t year, int month, int day, int hour, int min, int sec,
                   const Location& loc);

// POSIX TZ rule evaluation (Go's tzset): the zone at `sec` for rule `rule`, given that the
// last explicit transition was at `last_tx`. Empty optional when the rule is malformed.
std::optional<ZoneAt> EvalTzRule(std::string_view rule, int64_t last_tx, int64_t sec);

}  // namespace kanon::tmpl::gotime
