// Test helpers for the sprig function tests: building argument Values and calling a function
// of the Kanister function map the way the executor does (arguments already of the declared
// Go types).
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "tmpl/func.h"
#include "tmpl/gofmt.h"
#include "value/value.h"

namespace kanon::tmpl::sprig_test {

using value::GoType;
using value::Value;

inline Value I(int64_t n) { return Value::Int(n, GoType::kInt); }
inline Value I64(int64_t n) { return Value::Int(n, GoType::kInt64); }
inline Value F(double d) { return Value::Float(d); }
inline Value S(std::string s) { return Value(std::move(s)); }
inline Value B(bool b) { return Value(b); }
inline Value Nil() { return Value(); }
inline Value L(std::vector<Value> items) { return Value::FromList(std::move(items)); }
inline Value SL(std::vector<Value> items) {
  return Value::FromList(std::move(items), GoType::kStringList);
}
inline Value IL(std::vector<Value> items) {
  return Value::FromList(std::move(items), GoType::kIntList);
}
inline Value M(std::initializer_list<std::pair<const std::string, Value>> entries) {
  return Value::FromMap(value::Map(entries));
}
inline Value SM(std::initializer_list<std::pair<const std::string, Value>> entries) {
  return Value::FromMap(value::Map(entries), GoType::kStringMap);
}

// "TYPE(%v)" for failure messages.
inline std::string Show(const Value& v) {
  std::string out = v.GoTypeName() + "(";
  AppendGoValue(&out, v);
  return out + ")";
}

// Calls sprig function `name` with `args`; a missing function fails the test.
inline Result<Value> Call(std::string_view name, std::vector<Value> args) {
  const FuncDef* f = KanisterFuncs().Find(name);
  if (f == nullptr) {
    ADD_FAILURE() << "function " << name << " is not registered";
    return Internal("not registered");
  }
  return f->impl(args);
}

// One table row: a call and either its result (type included) or its error text.
struct Case {
  std::string name;
  std::vector<Value> args;
  Value want;
  std::string error;  // non-empty: the call must fail with exactly this message
};

inline void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string call = c.name;
    for (const Value& a : c.args) call += " " + Show(a);
    Result<Value> got = Call(c.name, c.args);
    if (!c.error.empty()) {
      EXPECT_FALSE(got.ok()) << call << " returned " << (got.ok() ? Show(*got) : "");
      if (!got.ok()) {
        EXPECT_EQ(got.status().message(), c.error) << call;
      }
      continue;
    }
    if (!got.ok()) {
      ADD_FAILURE() << call << " failed: " << got.status().message();
      continue;
    }
    EXPECT_TRUE(*got == c.want) << call << "\n  got  " << Show(*got) << "\n  want " << Show(c.want);
  }
}

}  // namespace kanon::tmpl::sprig_test
