// YAML -> Value, resolving plain scalars the way Kubernetes' YAML decoder (go-yaml, YAML 1.1
// resolution) does: null/~, true/false/yes/no/on/off, integers (decimal, 0x, 0o, octal with
// leading 0) as int64, floats as float64, anything else and every quoted scalar as a string.
// Mappings become maps with string keys (a non-string key is stringified), sequences lists.
// Errors name the line and column ("line 3, column 5: ..."). Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::value {

// Parses exactly one document (an empty document is nil).
Result<Value> ParseYaml(std::string_view text);

// Parses a stream of documents separated by `---`, skipping empty ones.
Result<std::vector<Value>> ParseYamlStream(std::string_view text);

// Emits `v` as block-style YAML (maps in key order, strings quoted when YAML would read them
// as something else), like kubectl's -o yaml.
std::string ToYaml(const Value& v);

}  // namespace kanon::value
