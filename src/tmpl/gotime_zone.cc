// Locations: TZif parsing, zone lookup at an instant, and finding zones by name like Go's
// LoadLocation and its Local initialisation.

#include "tmpl/gotime_zone.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "tmpl/gotime_calendar.h"

namespace kanon::tmpl::gotime {
namespace {

// Big-endian reader over TZif bytes; reading past the end sets failed.
class TzifReader {
 public:
  explicit TzifReader(std::string_view data) : data_(data) {}

  std::string_view Read(size_t n) {
    if (n > data_.size() - pos_) {
      failed = true;
      pos_ = data_.size();
      return {};
    }
    std::string_view out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  uint64_t Big(size_t width) {
    uint64_t v = 0;
    for (char c : Read(width)) v = (v << 8) | static_cast<uint8_t>(c);
    return v;
  }
  std::string_view Rest() const { return data_.substr(pos_); }

  bool failed = false;

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

Status Malformed() { return DataLoss("malformed time zone information"); }

struct TzifCounts {
  uint64_t utc_local, std_wall, leap, time, zone, chars;
};

TzifCounts ReadCounts(TzifReader* r) {
  TzifCounts n{};
  for (uint64_t* field : {&n.utc_local, &n.std_wall, &n.leap, &n.time, &n.zone, &n.chars}) {
    *field = r->Big(4);
  }
  return n;
}

Result<std::vector<Location::ZoneType>> ReadZoneTypes(std::string_view data,
                                                      std::string_view abbrev) {
  TzifReader r(data);
  std::vector<Location::ZoneType> zones;
  while (!r.Rest().empty()) {
    Location::ZoneType z;
    z.offset = static_cast<int32_t>(static_cast<uint32_t>(r.Big(4)));
    z.is_dst = r.Big(1) != 0;
    size_t name_at = r.Big(1);
    if (r.failed || name_at >= abbrev.size()) return Malformed();
    std::string_view name = abbrev.substr(name_at);
    z.name = std::string(name.substr(0, name.find('\0')));
    zones.push_back(std::move(z));
  }
  return zones;
}

Result<std::string> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("open " + path + ": no such file or directory");
  std::ostringstream data;
  data << in.rdbuf();
  if (in.bad()) return Internal("read " + path + ": failed");
  return data.str();
}

// Go's loadLocation over a list of directories: the first that holds a valid file wins.
Result<std::shared_ptr<const Location>> LoadFromSources(std::string_view name,
                                                        const std::vector<std::string>& dirs) {
  Status first_error;
  for (const std::string& dir : dirs) {
    std::string path = dir.empty() ? std::string(name) : dir + "/" + std::string(name);
    Result<std::string> data = ReadFileBytes(path);
    if (data.ok()) {
      Result<Location> loc = Location::FromTzif(std::string(name), *data);
      if (loc.ok()) return std::make_shared<const Location>(std::move(loc).value());
      if (first_error.ok()) first_error = loc.status();
    } else if (first_error.ok() && data.status().code() != Code::kNotFound) {
      first_error = data.status();
    }
  }
  if (!first_error.ok()) return first_error;
  return NotFound("unknown time zone " + std::string(name));
}

std::vector<std::string> PlatformSources() {
  return {"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"};
}

std::shared_ptr<const Location> InitLocal() {
  const char* tz_env = std::getenv("TZ");
  if (tz_env == nullptr) {
    auto loc = LoadFromSources("localtime", {"/etc"});
    if (loc.ok()) return *loc;
  } else {
    std::string_view tz = tz_env;
    if (!tz.empty() && tz[0] == ':') tz.remove_prefix(1);
    if (!tz.empty() && tz[0] == '/') {
      auto loc = LoadFromSources(tz, {""});
      if (loc.ok()) return *loc;
    } else if (!tz.empty() && tz != "UTC") {
      auto loc = LoadFromSources(tz, PlatformSources());
      if (loc.ok()) return *loc;
    }
  }
  return std::make_shared<const Location>();  // UTC
}

}  // namespace

Location::Location(std::string name, std::vector<ZoneType> zones, std::vector<Transition> tx,
                   std::string extend)
    : name_(std::move(name)),
      zones_(std::move(zones)),
      tx_(std::move(tx)),
      extend_(std::move(extend)) {}

Result<Location> Location::FromTzif(std::string name, std::string_view data) {
  TzifReader r(data);
  if (r.Read(4) != "TZif") return Malformed();
  std::string_view header = r.Read(16);
  if (r.failed || (header[0] != 0 && header[0] != '2' && header[0] != '3')) return Malformed();
  TzifCounts n = ReadCounts(&r);
  size_t width = 4;
  if (header[0] != 0) {
    // Skip the 32-bit block and the second header; the 64-bit block follows.
    r.Read(n.time * 5 + n.zone * 6 + n.chars + n.leap * 8 + n.std_wall + n.utc_local + 20);
    n = ReadCounts(&r);
    width = 8;
  }
  if (r.failed) return Malformed();
  std::string_view times = r.Read(n.time * width);
  std::string_view indexes = r.Read(n.time);
  std::string_view zone_data = r.Read(n.zone * 6);
  std::string_view abbrev = r.Read(n.chars);
  r.Read(n.leap * (width + 4) + n.std_wall + n.utc_local);
  if (r.failed || n.zone == 0) return Malformed();
  std::string extend;
  std::string_view rest = r.Rest();
  if (rest.size() > 2 && rest.front() == '\n' && rest.back() == '\n') {
    extend = std::string(rest.substr(1, rest.size() - 2));
  }
  ASSIGN_OR_RETURN(std::vector<ZoneType> zones, ReadZoneTypes(zone_data, abbrev));
  std::vector<Transition> tx;
  TzifReader tr(times);
  for (size_t i = 0; i < n.time; ++i) {
    uint64_t raw = tr.Big(width);
    int64_t when =
        width == 4 ? static_cast<int32_t>(static_cast<uint32_t>(raw)) : static_cast<int64_t>(raw);
    auto index = static_cast<uint8_t>(indexes[i]);
    if (index >= zones.size()) return Malformed();
    tx.push_back({when, index});
  }
  if (tx.empty()) tx.push_back({INT64_MIN, 0});  // a fixed zone: one type for all time
  return Location(std::move(name), std::move(zones), std::move(tx), std::move(extend));
}

// Go's lookupFirstZone: the zone for instants before the first transition.
size_t Location::FirstZone() const {
  bool first_used = false;
  for (const Transition& t : tx_) first_used = first_used || t.index == 0;
  if (!first_used) return 0;
  if (!tx_.empty() && zones_[tx_[0].index].is_dst) {
    for (int zi = static_cast<int>(tx_[0].index) - 1; zi >= 0; --zi) {
      if (!zones_[static_cast<size_t>(zi)].is_dst) return static_cast<size_t>(zi);
    }
  }
  for (size_t zi = 0; zi < zones_.size(); ++zi) {
    if (!zones_[zi].is_dst) return zi;
  }
  return 0;
}

ZoneAt Location::Lookup(int64_t sec) const {
  if (zones_.empty()) return {"UTC", 0, INT64_MIN, INT64_MAX, false};
  if (tx_.empty() || sec < tx_[0].when) {
    const ZoneType& z = zones_[FirstZone()];
    return {z.name, z.offset, INT64_MIN, tx_.empty() ? INT64_MAX : tx_[0].when, z.is_dst};
  }
  // The last transition at or before sec.
  size_t lo = 0, hi = tx_.size();
  int64_t end = INT64_MAX;
  while (hi - lo > 1) {
    size_t m = lo + (hi - lo) / 2;
    if (sec < tx_[m].when) {
      end = tx_[m].when;
      hi = m;
    } else {
      lo = m;
    }
  }
  const ZoneType& z = zones_[tx_[lo].index];
  ZoneAt at{z.name, z.offset, tx_[lo].when, end, z.is_dst};
  if (lo == tx_.size() - 1 && !extend_.empty()) {
    if (std::optional<ZoneAt> rule = EvalTzRule(extend_, at.start, sec)) return *rule;
  }
  return at;
}

std::optional<int> Location::LookupName(std::string_view abbrev, int64_t unix_sec) const {
  // Prefer a zone with that name actually in effect then (Sydney's "EST" is ambiguous).
  for (const ZoneType& z : zones_) {
    if (z.name == abbrev && Lookup(unix_sec - z.offset).name == z.name) {
      return Lookup(unix_sec - z.offset).offset;
    }
  }
  for (const ZoneType& z : zones_) {
    if (z.name == abbrev) return z.offset;
  }
  return std::nullopt;
}

Result<std::shared_ptr<const Location>> LoadLocation(std::string_view name) {
  if (name.empty() || name == "UTC") return std::make_shared<const Location>();
  if (name == "Local") return LocalLocation();
  if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\') {
    return InvalidArgument("time: invalid location name");
  }
  std::vector<std::string> sources;
  if (const char* zoneinfo = std::getenv("ZONEINFO"); zoneinfo != nullptr && *zoneinfo) {
    sources.push_back(zoneinfo);
  }
  for (std::string& dir : PlatformSources()) sources.push_back(std::move(dir));
  return LoadFromSources(name, sources);
}

std::shared_ptr<const Location> LocalLocation() {
  static const std::shared_ptr<const Location> kLocal = InitLocal();
  return kLocal;
}

int64_t DateToUnix(int64_t year, int month, int day, int hour, int min, int sec,
                   const Location& loc) {
  int64_t unix = DaysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + min * 60 + sec;
  // unix is the wall clock read as UTC; find the offset in effect, retrying across a
  // transition as Go's Date does.
  ZoneAt z = loc.Lookup(unix);
  int offset = z.offset;
  if (offset != 0) {
    int64_t utc = unix - offset;
    if (utc < z.start || utc >= z.end) offset = loc.Lookup(utc).offset;
  }
  return unix - offset;
}

}  // namespace kanon::tmpl::gotime
