#include "mask/column_type.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace kanon::mask {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The numbers inside the first "(...)": "numeric(10,2)" -> 10, 2.
void ParseArgs(std::string_view s, int64_t* a, int64_t* b) {
  size_t open = s.find('(');
  if (open == std::string_view::npos) return;
  const char* p = s.data() + open + 1;
  char* end = nullptr;
  *a = std::strtoll(p, &end, 10);
  if (end && *end == ',') *b = std::strtoll(end + 1, nullptr, 10);
}

void SetInt(ColumnType* t, int bytes) {
  t->cls = TypeClass::kInteger;
  t->int_bytes = bytes;
}

}  // namespace

ColumnType ParsePgType(std::string_view sql) {
  ColumnType t;
  t.sql = std::string(sql);
  std::string s = Lower(sql);
  if (s.size() > 2 && s.substr(s.size() - 2) == "[]") {
    t.cls = TypeClass::kArray;
    return t;
  }
  if (s.rfind("pg_catalog.", 0) == 0) s = s.substr(11);
  int64_t a = 0, b = 0;
  ParseArgs(s, &a, &b);
  if (StartsWith(s, "character varying") || StartsWith(s, "varchar") ||
      StartsWith(s, "character") || StartsWith(s, "char") || StartsWith(s, "bpchar")) {
    t.cls = TypeClass::kText;
    t.max_chars = a;
  } else if (s == "text" || s == "name" || s == "citext" || s == "public.citext") {
    t.cls = TypeClass::kText;
  } else if (s == "smallint" || s == "int2" || s == "smallserial") {
    SetInt(&t, 2);
  } else if (s == "integer" || s == "int" || s == "int4" || s == "serial") {
    SetInt(&t, 4);
  } else if (s == "bigint" || s == "int8" || s == "bigserial") {
    SetInt(&t, 8);
  } else if (StartsWith(s, "numeric") || StartsWith(s, "decimal") || s == "money") {
    t.cls = TypeClass::kDecimal;
    t.precision = static_cast<int>(a);
    t.scale = static_cast<int>(b);
  } else if (s == "real" || s == "float4" || s == "double precision" || s == "float8" ||
             StartsWith(s, "float")) {
    t.cls = TypeClass::kFloat;
  } else if (s == "boolean" || s == "bool") {
    t.cls = TypeClass::kBool;
  } else if (s == "date") {
    t.cls = TypeClass::kDate;
  } else if (StartsWith(s, "timestamp")) {
    t.cls = TypeClass::kTimestamp;
  } else if (StartsWith(s, "time")) {
    t.cls = TypeClass::kTime;
  } else if (s == "bytea" || StartsWith(s, "bit")) {
    t.cls = TypeClass::kBinary;
  } else if (s == "json" || s == "jsonb") {
    t.cls = TypeClass::kJson;
  } else if (s == "uuid") {
    t.cls = TypeClass::kUuid;
  } else if (s == "inet" || s == "cidr" || StartsWith(s, "macaddr")) {
    t.cls = TypeClass::kNetwork;
  } else {
    t.cls = TypeClass::kOther;
  }
  return t;
}

ColumnType ParseMysqlType(std::string_view sql) {
  ColumnType t;
  t.sql = std::string(sql);
  std::string s = Lower(sql);
  t.is_unsigned = s.find("unsigned") != std::string::npos;
  std::string base = s.substr(0, s.find_first_of("( "));
  int64_t a = 0, b = 0;
  ParseArgs(s, &a, &b);
  if (base == "varchar" || base == "char") {
    t.cls = TypeClass::kText;
    t.max_chars = a;
  } else if (base == "tinytext" || base == "text" || base == "mediumtext" || base == "longtext") {
    t.cls = TypeClass::kText;
    if (base == "tinytext") t.max_chars = 255;
  } else if (base == "tinyint") {
    SetInt(&t, 1);
  } else if (base == "smallint") {
    SetInt(&t, 2);
  } else if (base == "mediumint") {
    SetInt(&t, 3);
  } else if (base == "int" || base == "integer") {
    SetInt(&t, 4);
  } else if (base == "bigint") {
    SetInt(&t, 8);
  } else if (base == "decimal" || base == "numeric") {
    t.cls = TypeClass::kDecimal;
    t.precision = a == 0 ? 10 : static_cast<int>(a);
    t.scale = static_cast<int>(b);
  } else if (base == "float" || base == "double" || base == "real") {
    t.cls = TypeClass::kFloat;
  } else if (base == "bool" || base == "boolean") {
    SetInt(&t, 1);
  } else if (base == "date") {
    t.cls = TypeClass::kDate;
  } else if (base == "datetime" || base == "timestamp") {
    t.cls = TypeClass::kTimestamp;
  } else if (base == "time" || base == "year") {
    t.cls = base == "year" ? TypeClass::kInteger : TypeClass::kTime;
    if (base == "year") t.int_bytes = 2;
  } else if (base.find("blob") != std::string::npos || base == "binary" || base == "varbinary" ||
             base == "bit") {
    t.cls = TypeClass::kBinary;
  } else if (base == "json") {
    t.cls = TypeClass::kJson;
  } else if (base == "uuid") {
    t.cls = TypeClass::kUuid;
  } else if (base == "enum" || base == "set") {
    t.cls = TypeClass::kEnum;
  } else if (base == "inet4" || base == "inet6") {
    t.cls = TypeClass::kNetwork;
  } else {
    t.cls = TypeClass::kOther;
  }
  return t;
}

std::string_view TypeClassName(TypeClass c) {
  switch (c) {
    case TypeClass::kUnknown:
      return "unknown";
    case TypeClass::kOther:
      return "user-defined";
    case TypeClass::kText:
      return "text";
    case TypeClass::kEnum:
      return "enum";
    case TypeClass::kInteger:
      return "integer";
    case TypeClass::kDecimal:
      return "decimal";
    case TypeClass::kFloat:
      return "floating-point";
    case TypeClass::kBool:
      return "boolean";
    case TypeClass::kDate:
      return "date";
    case TypeClass::kTimestamp:
      return "timestamp";
    case TypeClass::kTime:
      return "time";
    case TypeClass::kBinary:
      return "binary";
    case TypeClass::kJson:
      return "json";
    case TypeClass::kUuid:
      return "uuid";
    case TypeClass::kArray:
      return "array";
    case TypeClass::kNetwork:
      return "network address";
  }
  return "unknown";
}

uint64_t IntegerMax(const ColumnType& t) {
  int bits = t.int_bytes * 8 - (t.is_unsigned ? 0 : 1);
  if (bits >= 64) return UINT64_MAX;
  if (bits <= 0) return 0;
  return (uint64_t{1} << bits) - 1;
}

}  // namespace kanon::mask
