// JSON <-> Value.
//
// Decoding follows Go: with NumberMode::kFloat64 every number is a float64 (what
// encoding/json puts in an interface{}); with kInt64WhenIntegral an integral number becomes an
// int64 (what the Kubernetes decoder keeps), others float64. Objects become map[string]
// interface {} (a repeated key: the last wins), arrays []interface {}.
//
// Encoding follows Go's encoding/json.Marshal: sorted map keys, struct fields in declaration
// order under their JSON names (omitempty honoured), []byte as base64, nil containers as null,
// time.Time as RFC 3339 with nanoseconds, floats as Go prints them, and HTML-safe escaping of
// <, > and & (what sprig's toJson produces). Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

namespace kanon::value {

enum class NumberMode { kFloat64, kInt64WhenIntegral };

// Parses one JSON document. Errors name the byte offset.
Result<Value> ParseJson(std::string_view text, NumberMode mode = NumberMode::kFloat64);

struct JsonOptions {
  bool escape_html = true;  // Go's default: < > & as \u003c \u003e \u0026
  std::string indent;       // non-empty: MarshalIndent with this indent and no prefix
};

// Encodes like Go's json.Marshal / json.MarshalIndent. Fails only for values Go cannot
// encode (a NaN or infinite float: "json: unsupported value: NaN").
Result<std::string> ToJson(const Value& v, const JsonOptions& options = {});

}  // namespace kanon::value
