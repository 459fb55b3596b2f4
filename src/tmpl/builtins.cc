// text/template's predefined functions: and, or, not, len, index, slice, print, printf,
// println, html, js, urlquery, call and the comparisons, with Go's rules and error texts.
#include <cstdio>

#include "tmpl/func.h"
#include "tmpl/gofmt.h"

namespace kanon::tmpl {
namespace {

using value::GoType;
using value::Kind;
using Args = std::span<const Value>;

Result<Value> Not(Args a) { return Value(!a[0].Truthy()); }

Result<Value> Len(Args a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kString:
    case Kind::kBytes:
      return Value::Int(static_cast<int64_t>(v.AsString().size()));
    case Kind::kList:
      return Value::Int(static_cast<int64_t>(v.AsList().size()));
    case Kind::kMap:
      return Value::Int(static_cast<int64_t>(v.AsMap().size()));
    case Kind::kNil:
      return InvalidArgument("len of nil value");
    case Kind::kStruct:
      if (v.is_nil_pointer()) return InvalidArgument("len of nil pointer");
      [[fallthrough]];
    default:
      return InvalidArgument("len of type " + v.GoTypeName());
  }
}

// Go's indexArg: an integer index within [0, cap].
Result<int64_t> IndexArg(const Value& index, size_t cap) {
  int64_t x;
  switch (index.kind()) {
    case Kind::kInt:
      x = index.AsInt();
      break;
    case Kind::kUint:
      x = static_cast<int64_t>(index.AsUint());
      break;
    case Kind::kNil:
      return InvalidArgument("cannot index slice/array with nil");
    default:
      return InvalidArgument("cannot index slice/array with type " + index.GoTypeName());
  }
  if (x < 0 || static_cast<uint64_t>(x) > cap) {
    return InvalidArgument("index out of range: " + std::to_string(x));
  }
  return x;
}

Value ZeroElem(const Value& container) {
  switch (container.go_type()) {
    case GoType::kStringMap:
    case GoType::kStringList:
      return Value(std::string());
    case GoType::kIntList:
      return Value::Int(0);
    default:
      return Value();
  }
}

Result<Value> Index(Args a) {
  Value item = a[0];
  if (item.is_nil()) return InvalidArgument("index of untyped nil");
  for (size_t i = 1; i < a.size(); ++i) {
    const Value& index = a[i];
    if (item.is_nil_pointer()) return InvalidArgument("index of nil pointer");
    switch (item.kind()) {
      case Kind::kList:
      case Kind::kString:
      case Kind::kBytes: {
        bool is_list = item.kind() == Kind::kList;
        size_t len = is_list ? item.AsList().size() : item.AsString().size();
        auto x = IndexArg(index, len);
        if (!x.ok()) return x.status();
        if (static_cast<size_t>(*x) == len) {
          return InvalidArgument(std::string("reflect: ") + (is_list ? "slice" : "string") +
                                 " index out of range");
        }
        if (is_list) {
          item = Value(item.AsList()[static_cast<size_t>(*x)]);
        } else {
          item = Value::Uint(static_cast<unsigned char>(item.AsString()[static_cast<size_t>(*x)]),
                             GoType::kUint8);
        }
        break;
      }
      case Kind::kMap: {
        if (index.is_nil()) return InvalidArgument("value is nil; should be of type string");
        if (index.kind() != Kind::kString) {
          return InvalidArgument("value has type " + index.GoTypeName() + "; should be string");
        }
        const Value* found = item.Find(index.AsString());
        item = found ? *found : ZeroElem(item);
        break;
      }
      default:
        return InvalidArgument("can't index item of type " + item.GoTypeName());
    }
  }
  return item;
}

Result<Value> Slice(Args a) {
  const Value& item = a[0];
  if (item.is_nil()) return InvalidArgument("slice of untyped nil");
  size_t n = a.size() - 1;
  if (n > 3) return InvalidArgument("too many slice indexes: " + std::to_string(n));
  size_t len;
  if (item.kind() == Kind::kString) {
    if (n == 3) return InvalidArgument("cannot 3-index slice a string");
    len = item.AsString().size();
  } else if (item.kind() == Kind::kList || item.kind() == Kind::kBytes) {
    len = item.kind() == Kind::kList ? item.AsList().size() : item.AsString().size();
  } else {
    return InvalidArgument("can't slice item of type " + item.GoTypeName());
  }
  int64_t idx[3] = {0, static_cast<int64_t>(len), static_cast<int64_t>(len)};
  for (size_t i = 0; i < n; ++i) {
    auto x = IndexArg(a[i + 1], len);
    if (!x.ok()) return x.status();
    idx[i] = *x;
  }
  if (idx[0] > idx[1]) {
    return InvalidArgument("invalid slice index: " + std::to_string(idx[0]) + " > " +
                           std::to_string(idx[1]));
  }
  if (n == 3 && idx[1] > idx[2]) {
    return InvalidArgument("invalid slice index: " + std::to_string(idx[1]) + " > " +
                           std::to_string(idx[2]));
  }
  auto b = static_cast<size_t>(idx[0]), e = static_cast<size_t>(idx[1]);
  if (item.kind() == Kind::kString) return Value(item.AsString().substr(b, e - b));
  if (item.kind() == Kind::kBytes) return Value::Bytes(item.AsString().substr(b, e - b));
  const auto& list = item.AsList();
  return Value::FromList(value::List(list.begin() + static_cast<ptrdiff_t>(b),
                                     list.begin() + static_cast<ptrdiff_t>(e)),
                         item.go_type());
}

// Go's evalArgs for html/js/urlquery: one string as is, otherwise fmt.Sprint of printable
// forms (nil prints as <no value>, pointers are followed).
std::string EvalArgs(Args a) {
  if (a.size() == 1 && a[0].kind() == Kind::kString) return a[0].AsString();
  std::vector<Value> printable;
  printable.reserve(a.size());
  for (const Value& v : a) {
    if (v.is_nil()) {
      printable.emplace_back("<no value>");
    } else if (v.is_pointer() && !v.is_nil_pointer()) {
      printable.push_back(Value::FromStruct(v.AsStruct().type, v.AsStruct().fields, false));
    } else {
      printable.push_back(v);
    }
  }
  return GoSprint(printable);
}

Result<Value> Html(Args a) {
  std::string s = EvalArgs(a), out;
  for (char c : s) {
    switch (c) {
      case '\0':
        out += "\xEF\xBF\xBD";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return Value(std::move(out));
}

// Go's unicode.IsPrint approximated for runes >= 0x80: not a C1 control, not the
// soft hyphen, not a line/paragraph separator or other format-like character.
bool IsPrintRune(uint32_t r) {
  if (r < 0xA0) return false;
  if (r == 0xAD || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFD) return r == 0xFFFD;
  if (r >= 0x200B && r <= 0x200F) return false;
  if (r >= 0x202A && r <= 0x202E) return false;
  if (r >= 0x2060 && r <= 0x206F) return false;
  if (r >= 0xD800 && r <= 0xDFFF) return false;
  if (r >= 0xE000 && r <= 0xF8FF) return false;
  return true;
}

Result<Value> Js(Args a) {
  std::string s = EvalArgs(a), out;
  static const char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\\':
          out += "\\\\";
          continue;
        case '\'':
          out += "\\'";
          continue;
        case '"':
          out += "\\\"";
          continue;
        case '<':
          out += "\\u003C";
          continue;
        case '>':
          out += "\\u003E";
          continue;
        case '&':
          out += "\\u0026";
          continue;
        case '=':
          out += "\\u003D";
          continue;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
          continue;
      }
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t r = 0xFFFD;
    bool valid = n > 1 && i + n <= s.size();
    if (valid) {
      r = c & (0x7F >> n);
      for (size_t k = 1; k < n; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) valid = false;
        r = (r << 6) | (cc & 0x3F);
      }
    }
    if (!valid) {
      n = 1;
      r = 0xFFFD;
    }
    // Go decodes an invalid byte as U+FFFD, which is printable, so the byte passes unchanged.
    if (IsPrintRune(r)) {
      out.append(s, i, n);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", r);
      out += buf;
    }
    i += n - 1;
  }
  return Value(std::move(out));
}

Result<Value> UrlQuery(Args a) {
  std::string s = EvalArgs(a), out;
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return Value(std::move(out));
}

Result<Value> Print(Args a) { return Value(GoSprint(a)); }
Result<Value> Println(Args a) { return Value(GoSprintln(a)); }
Result<Value> Printf(Args a) { return Value(GoSprintf(a[0].AsString(), a.subspan(1))); }

Result<Value> Call(Args a) {
  if (a[0].is_nil()) return InvalidArgument("call of nil");
  return InvalidArgument("non-function of type " + a[0].GoTypeName());
}

enum class BasicKind { kInvalid, kBool, kInt, kFloat, kString, kUint };

BasicKind Basic(const Value& v) {
  switch (v.kind()) {
    case Kind::kBool:
      return BasicKind::kBool;
    case Kind::kInt:
      return BasicKind::kInt;
    case Kind::kUint:
      return BasicKind::kUint;
    case Kind::kFloat:
      return BasicKind::kFloat;
    case Kind::kString:
      return BasicKind::kString;
    default:
      return BasicKind::kInvalid;
  }
}

bool Comparable(const Value& v) {
  switch (v.kind()) {
    case Kind::kList:
    case Kind::kMap:
    case Kind::kBytes:
      return false;
    case Kind::kStruct:
      if (v.is_pointer()) return true;
      for (const Value& f : v.AsStruct().fields) {
        if (!Comparable(f) && !f.is_nil()) return false;
      }
      return true;
    default:
      return true;
  }
}

Result<bool> EqOne(const Value& a1, const Value& a2) {
  BasicKind k1 = Basic(a1), k2 = Basic(a2);
  if (k1 != k2) {
    if (k1 == BasicKind::kInt && k2 == BasicKind::kUint) {
      return a1.AsInt() >= 0 && static_cast<uint64_t>(a1.AsInt()) == a2.AsUint();
    }
    if (k1 == BasicKind::kUint && k2 == BasicKind::kInt) {
      return a2.AsInt() >= 0 && a1.AsUint() == static_cast<uint64_t>(a2.AsInt());
    }
    if (!a1.is_nil() && !a2.is_nil()) return InvalidArgument("incompatible types for comparison");
    return false;
  }
  switch (k1) {
    case BasicKind::kBool:
      return a1.AsBool() == a2.AsBool();
    case BasicKind::kFloat:
      return a1.AsFloat() == a2.AsFloat();
    case BasicKind::kInt:
      return a1.AsInt() == a2.AsInt();
    case BasicKind::kString:
      return a1.AsString() == a2.AsString();
    case BasicKind::kUint:
      return a1.AsUint() == a2.AsUint();
    case BasicKind::kInvalid:
      break;
  }
  bool n1 = a1.is_nil() || a1.is_nil_pointer(), n2 = a2.is_nil() || a2.is_nil_pointer();
  if (!a1.is_nil() && !a2.is_nil() && a1.kind() != a2.kind()) {
    std::string s1, s2;
    AppendGoValue(&s1, a1);
    AppendGoValue(&s2, a2);
    return InvalidArgument("non-comparable types " + s1 + ": " + a1.GoTypeName() + ", " +
                           a2.GoTypeName() + ": " + s2);
  }
  if (n1 || n2) return n1 == n2;
  if (!Comparable(a2)) {
    std::string s2;
    AppendGoValue(&s2, a2);
    return InvalidArgument("non-comparable type " + s2 + ": " + a2.GoTypeName());
  }
  if (a1.is_pointer()) return a1.AsStruct().fields.data() == a2.AsStruct().fields.data();
  return a1 == a2;
}

Result<Value> Eq(Args a) {
  if (a.size() < 2) return InvalidArgument("missing argument for comparison");
  for (size_t i = 1; i < a.size(); ++i) {
    auto r = EqOne(a[0], a[i]);
    if (!r.ok()) return r.status();
    if (*r) return Value(true);
  }
  return Value(false);
}

Result<Value> Ne(Args a) {
  auto r = EqOne(a[0], a[1]);
  if (!r.ok()) return r.status();
  return Value(!*r);
}

Result<bool> Less(const Value& a1, const Value& a2) {
  BasicKind k1 = Basic(a1), k2 = Basic(a2);
  if (k1 == BasicKind::kInvalid || k2 == BasicKind::kInvalid) {
    return InvalidArgument("invalid type for comparison");
  }
  if (k1 != k2) {
    if (k1 == BasicKind::kInt && k2 == BasicKind::kUint) {
      return a1.AsInt() < 0 || static_cast<uint64_t>(a1.AsInt()) < a2.AsUint();
    }
    if (k1 == BasicKind::kUint && k2 == BasicKind::kInt) {
      return a2.AsInt() >= 0 && a1.AsUint() < static_cast<uint64_t>(a2.AsInt());
    }
    return InvalidArgument("incompatible types for comparison");
  }
  switch (k1) {
    case BasicKind::kFloat:
      return a1.AsFloat() < a2.AsFloat();
    case BasicKind::kInt:
      return a1.AsInt() < a2.AsInt();
    case BasicKind::kString:
      return a1.AsString() < a2.AsString();
    case BasicKind::kUint:
      return a1.AsUint() < a2.AsUint();
    default:
      return InvalidArgument("invalid type for comparison");
  }
}

Result<Value> Lt(Args a) {
  auto r = Less(a[0], a[1]);
  if (!r.ok()) return r.status();
  return Value(*r);
}

Result<Value> Le(Args a) {
  auto r = Less(a[0], a[1]);
  if (!r.ok()) return r.status();
  if (*r) return Value(true);
  auto e = EqOne(a[0], a[1]);
  if (!e.ok()) return e.status();
  return Value(*e);
}

Result<Value> Gt(Args a) {
  auto r = Le(a);
  if (!r.ok()) return r.status();
  return Value(!r->AsBool());
}

Result<Value> Ge(Args a) {
  auto r = Less(a[0], a[1]);
  if (!r.ok()) return r.status();
  return Value(!*r);
}

}  // namespace

void RegisterBuiltins(FuncMap* f) {
  using P = ParamType;
  // and/or have no impl: the executor evaluates their arguments lazily.
  f->AddVariadic("and", {P::kReflect, P::kReflect}, nullptr);
  f->AddVariadic("or", {P::kReflect, P::kReflect}, nullptr);
  f->Add("not", {P::kReflect}, Not);
  f->Add("len", {P::kReflect}, Len);
  f->AddVariadic("index", {P::kReflect, P::kReflect}, Index);
  f->AddVariadic("slice", {P::kReflect, P::kReflect}, Slice);
  f->AddVariadic("print", {P::kAny}, Print);
  f->AddVariadic("printf", {P::kString, P::kAny}, Printf);
  f->AddVariadic("println", {P::kAny}, Println);
  f->AddVariadic("html", {P::kAny}, Html);
  f->AddVariadic("js", {P::kAny}, Js);
  f->AddVariadic("urlquery", {P::kAny}, UrlQuery);
  f->AddVariadic("call", {P::kReflect, P::kReflect}, Call);
  f->AddVariadic("eq", {P::kReflect, P::kReflect}, Eq);
  f->Add("ne", {P::kReflect, P::kReflect}, Ne);
  f->Add("lt", {P::kReflect, P::kReflect}, Lt);
  f->Add("le", {P::kReflect, P::kReflect}, Le);
  f->Add("gt", {P::kReflect, P::kReflect}, Gt);
  f->Add("ge", {P::kReflect, P::kReflect}, Ge);
}

}  // namespace kanon::tmpl
