// Accessors for Kubernetes objects held as Values (maps shaped like their JSON).
//
// Readers return a pointer, a string or a number with a fallback when a field is missing or of
// another type; writers return a new object because Values are immutable (the untouched parts
// stay shared, so copies are cheap). Also the small conventions every object follows: "ns/name"
// references, owner references, RFC 3339 timestamps. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kanon::kube {

using value::Value;
using FieldPath = std::initializer_list<std::string_view>;

// The value at `path` (a chain of map keys), or nullptr when a step is missing or not a map.
const Value* FindField(const Value& object, FieldPath path);
// The string at `path`, or "" when absent or not a string.
std::string StringField(const Value& object, FieldPath path);
// The integer at `path`, or `fallback` when absent or not an integer.
int64_t IntField(const Value& object, FieldPath path, int64_t fallback);
// The list at `path`, or an empty list.
const value::List& ListField(const Value& object, FieldPath path);

// A copy of `object` with `path` set to `v`; missing steps (or steps that are not maps) become
// maps.
Value SetField(const Value& object, FieldPath path, Value v);
// A copy of `object` without the field at `path` (the same object when absent).
Value RemoveField(const Value& object, FieldPath path);

// Numbers as the JSON decoder makes them (int64).
inline Value IntValue(int64_t i) { return Value::Int(i, value::GoType::kInt64); }
Value MapValue(value::Map entries);
Value ListValue(value::List items);

// map[string]string fields (labels, annotations, ConfigMap data); non-strings are skipped.
std::map<std::string, std::string> StringMapField(const Value& object, FieldPath path);
Value StringMapValue(const std::map<std::string, std::string>& m);

inline std::string NameOf(const Value& o) { return StringField(o, {"metadata", "name"}); }
inline std::string NamespaceOf(const Value& o) { return StringField(o, {"metadata", "namespace"}); }
inline std::string UidOf(const Value& o) { return StringField(o, {"metadata", "uid"}); }

// "ns/name", or "name" for a cluster-scoped object.
std::string ObjectRef(std::string_view ns, std::string_view name);

// True if one of the object's ownerReferences has this uid.
bool IsOwnedBy(const Value& object, std::string_view owner_uid);
// The uid of the ownerReference marked controller: true, or "".
std::string ControllerUid(const Value& object);
// An ownerReference entry pointing at `owner` (controller, blockOwnerDeletion).
Value ControllerRef(const Value& owner);

// "2026-11-25T13:19:28Z".
std::string Rfc3339(std::time_t t);
// The inverse of Rfc3339 (fractional seconds and zone offsets accepted); -1 when malformed.
std::time_t ParseRfc3339(std::string_view text);

}  // namespace kanon::kube
