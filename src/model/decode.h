// Strict decoding of Values into model structs: a FieldReader walks one map, hands out typed
// fields by name, and at the end reports every field it was not asked for ("unknown field
// \"blueprnt\"; did you mean \"blueprint\"?") with its path (spec.actions[0].blueprnt).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::model {

using value::Value;

class FieldReader final {
 public:
  // `v` must be a map or nil (nil reads as empty); `path` prefixes messages ("spec").
  FieldReader(const Value& v, std::string path);

  // Returns the field (nil if absent) and marks it known.
  const Value& Get(std::string_view name);
  // Typed getters: absent/nil gives the default; a wrong type is an error with the path.
  Status String(std::string_view name, std::string* out);
  Status Bool(std::string_view name, bool* out);
  Status StringMap(std::string_view name, std::map<std::string, std::string>* out);
  Status StringList(std::string_view name, std::vector<std::string>* out);
  // Marks a field as known without reading it.
  void Allow(std::string_view name) { known_.emplace(name); }
  std::string Path(std::string_view field) const;
  // Every field of the map that was not read or allowed, as one error (or OK).
  Status Finish() const;
  // Errors found while reading (wrong types) plus unknown fields, joined.
  Status Done();

  const std::string& path() const { return path_; }
  bool is_map() const { return ok_type_; }

 private:
  const Value& v_;
  std::string path_;
  bool ok_type_ = true;
  std::set<std::string, std::less<>> known_;
  std::vector<std::string> errors_;
};

// Joins non-OK statuses into one InvalidArgument listing each problem on its own line.
Status JoinErrors(const std::vector<std::string>& problems);

// Go's type names for messages about a Value ("string", "map", "list", "number").
std::string JsonTypeName(const Value& v);

}  // namespace kanon::model
