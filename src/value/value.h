// Value: the dynamic value model shared by templates, objects and policies.
//
// A Value mirrors the Go values that text/template sees, closely enough that the differences
// Go makes are kept: nil versus a typed nil pointer, struct (fixed fields in declaration order)
// versus map (sorted string keys), []byte versus string, and the exact numeric type (int,
// int64, uint8, float64, ...). Compound values are shared: copying a Value is cheap and
// thread-safe; build new lists and maps rather than mutating shared ones. The one exception is
// sprig's set/unset/merge, which mutate their map argument as Go does (maps are allocated
// mutable for that reason) inside one template execution.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kanon::value {

class Value;

enum class Kind : uint8_t {
  kNil,  // Go's untyped nil (an empty interface)
  kBool,
  kInt,    // signed integers; GoType tells int, int32 or int64
  kUint,   // unsigned integers; GoType tells uint8, uint32, uint or uint64
  kFloat,  // float64
  kString,
  kBytes,   // []byte
  kList,    // a slice; GoType tells []interface {}, []string or []int
  kMap,     // map with string keys, iterated in sorted key order
  kStruct,  // a struct or pointer to struct, possibly a nil pointer
  kTime,    // time.Time
};

// The exact Go type of a scalar or container, for typed calls, comparisons and messages.
enum class GoType : uint8_t {
  kNil,
  kBool,
  kInt,
  kInt32,
  kInt64,
  kUint8,
  kUint32,
  kUint,
  kUint64,
  kFloat64,
  kString,
  kBytes,
  kAnyList,     // []interface {}
  kStringList,  // []string
  kIntList,     // []int
  kAnyMap,      // map[string]interface {}
  kStringMap,   // map[string]string
  kStruct,      // StructType names it
  kTime,
};

using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

// One field of a Go struct: its Go name and how encoding/json names it.
struct StructField {
  std::string name;       // Go field name, what templates use: .Location
  std::string json_name;  // JSON key; empty means the Go name
  bool omitempty = false;
};

// A Go struct type: name as Go prints it ("param.Profile") and fields in declaration order.
struct StructType {
  std::string name;
  std::vector<StructField> fields;
  // Index of the field named `name`, or -1.
  int FieldIndex(std::string_view field_name) const;
};

// time.Time: an instant plus the zone it is shown in.
struct Time {
  int64_t unix_sec = 0;
  int32_t nsec = 0;        // 0..999999999
  int32_t offset_sec = 0;  // zone offset east of UTC
  std::string zone = "UTC";
  bool operator==(const Time&) const = default;
};

struct Struct {
  std::shared_ptr<const StructType> type;
  std::vector<Value> fields;  // parallel to type->fields; empty for a nil pointer
};

class Value final {
 public:
  Value() = default;                                                            // nil
  Value(bool b) : go_type_(GoType::kBool), v_(b) {}                             // NOLINT: implicit
  Value(const char* s) : go_type_(GoType::kString), v_(std::string(s)) {}       // NOLINT
  Value(std::string s) : go_type_(GoType::kString), v_(std::move(s)) {}         // NOLINT
  Value(std::string_view s) : go_type_(GoType::kString), v_(std::string(s)) {}  // NOLINT
  // Numbers must say their Go type: Value::Int, Value::Float, ...; no silent int -> bool.
  template <typename T>
  Value(T) = delete;

  static Value Int(int64_t i, GoType type = GoType::kInt);
  static Value Uint(uint64_t u, GoType type = GoType::kUint64);
  static Value Float(double d);
  static Value Bytes(std::string data);
  static Value FromList(List items, GoType type = GoType::kAnyList);
  static Value FromMap(Map entries, GoType type = GoType::kAnyMap);
  // A struct value; `pointer` makes it a non-nil *T.
  static Value FromStruct(std::shared_ptr<const StructType> type, std::vector<Value> fields,
                          bool pointer);
  // A nil *T.
  static Value NilPointer(std::shared_ptr<const StructType> type);
  static Value FromTime(Time t);

  Kind kind() const;
  GoType go_type() const { return go_type_; }
  bool is_nil() const { return go_type_ == GoType::kNil; }
  // A *T (nil or not); false for plain struct values.
  bool is_pointer() const { return kind() == Kind::kStruct && pointer_; }
  bool is_nil_pointer() const { return is_pointer() && AsStruct().fields.empty(); }

  bool AsBool() const { return std::get<bool>(v_); }
  int64_t AsInt() const { return std::get<int64_t>(v_); }
  uint64_t AsUint() const { return std::get<uint64_t>(v_); }
  double AsFloat() const { return std::get<double>(v_); }
  // The bytes of a string or []byte.
  const std::string& AsString() const { return std::get<std::string>(v_); }
  const List& AsList() const { return *std::get<std::shared_ptr<const List>>(v_); }
  const Map& AsMap() const { return *std::get<std::shared_ptr<const Map>>(v_); }
  const Struct& AsStruct() const { return *std::get<std::shared_ptr<const Struct>>(v_); }
  const Time& AsTime() const { return std::get<Time>(v_); }

  // For a map: the value at `key` or nullptr. For a struct: the field or nullptr.
  const Value* Find(std::string_view key) const;

  // Go's name for the dynamic type: "int", "[]interface {}", "*param.Profile", "<nil>".
  std::string GoTypeName() const;

  // text/template truth: false for zero values, empty containers and nil pointers.
  bool Truthy() const;

  // Deep equality on kind, type and contents (used by tests and dedup, not by `eq`).
  bool operator==(const Value& other) const;

 private:
  GoType go_type_ = GoType::kNil;
  bool pointer_ = false;
  std::variant<std::monostate, bool, int64_t, uint64_t, double, std::string,
               std::shared_ptr<const List>, std::shared_ptr<const Map>,
               std::shared_ptr<const Struct>, Time>
      v_;
};

}  // namespace kanon::value
