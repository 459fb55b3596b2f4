// Column types, as far as the dump tells them, reduced to what masking needs to know.
//
// PostgreSQL dumps name types in CREATE TABLE (before the data); MySQL/MariaDB dumps too. A
// type is parsed from its SQL spelling into a class (text, integer, date, ...) plus the limits
// a masked value must respect (varchar length, integer width, numeric precision). A column
// whose CREATE TABLE was not seen has class kUnknown and is never rejected for its type.
// Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kanon::mask {

enum class TypeClass : uint8_t {
  kUnknown,  // no CREATE TABLE seen
  kOther,    // a user-defined type or domain: could be anything
  kText,     // char, varchar, text, citext, name
  kEnum,     // MySQL ENUM/SET (PostgreSQL enums are user types: kOther)
  kInteger,  // smallint .. bigint, tinyint, serial
  kDecimal,  // numeric, decimal, money
  kFloat,    // real, double precision, float
  kBool,
  kDate,
  kTimestamp,  // timestamp [with time zone], datetime
  kTime,
  kBinary,  // bytea, blob, binary, varbinary, bit
  kJson,
  kUuid,
  kArray,    // PostgreSQL arrays
  kNetwork,  // inet, cidr, macaddr
};

// Bit for a class in a set of accepted classes.
constexpr uint32_t Bit(TypeClass c) { return 1u << static_cast<unsigned>(c); }

struct ColumnType {
  TypeClass cls = TypeClass::kUnknown;
  std::string sql;        // the type as the DDL spells it
  int64_t max_chars = 0;  // varchar(n) / char(n); 0: no limit
  int int_bytes = 0;      // integer width in bytes (1, 2, 3, 4, 8)
  bool is_unsigned = false;
  int precision = 0;  // numeric(p, s); 0: unconstrained
  int scale = 0;
};

ColumnType ParsePgType(std::string_view sql);
ColumnType ParseMysqlType(std::string_view sql);

// "text", "integer", ... for messages.
std::string_view TypeClassName(TypeClass c);

// Largest integer a column of this type can hold (integer class only).
uint64_t IntegerMax(const ColumnType& t);

}  // namespace kanon::mask
