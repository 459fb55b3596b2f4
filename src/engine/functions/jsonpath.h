// The part of kubectl's JSONPath that Wait conditions use: {$.a.b}, {.a[0].b},
// {.items[*].name}, {.conditions[?(@.type=="Ready")].status}. Results print as kubectl
// prints them (strings bare, several results space-separated, objects as JSON).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace kanon::engine::functions {

// Evaluates one path (without braces) against `obj`.
Result<std::string> EvalJsonPath(std::string_view path, const value::Value& obj);
// Replaces every {path} in `text` by its value in `obj`.
Result<std::string> ReplaceJsonPaths(std::string_view text, const value::Value& obj);

}  // namespace kanon::engine::functions
