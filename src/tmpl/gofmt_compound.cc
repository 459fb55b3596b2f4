// Compound values in the Go fmt layer: []byte, slices, maps, structs and pointers, printed
// element by element with the verb and flags of the enclosing verb, as fmt does.

#include <string>

#include "tmpl/gofmt_printer.h"

namespace kanon::tmpl::gofmt {

using value::GoType;
using value::Kind;

void Printer::PrintBytes(const Value& v, char32_t verb, bool top_level) {
  const std::string& bytes = v.AsString();
  switch (verb) {
    case 'v':
    case 'd':
      if (flags.sharp_v) {
        buf.append(top_level ? "[]byte{" : "[]uint8{");
        for (size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) buf.append(", ");
          Fmt0x64(static_cast<uint8_t>(bytes[i]), true);
        }
        buf.push_back('}');
      } else {
        buf.push_back('[');
        for (size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) buf.push_back(' ');
          FmtInteger(static_cast<uint8_t>(bytes[i]), 10, false, verb, false);
        }
        buf.push_back(']');
      }
      return;
    case 's':
      FmtS(bytes);
      return;
    case 'x':
      FmtSbx(bytes, false);
      return;
    case 'X':
      FmtSbx(bytes, true);
      return;
    case 'q':
      FmtQ(bytes);
      return;
    default:
      // Any other verb applies to each byte as a uint8.
      buf.push_back('[');
      for (size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0) buf.push_back(' ');
        PrintValue(Value::Uint(static_cast<uint8_t>(bytes[i]), GoType::kUint8), verb, 1);
      }
      buf.push_back(']');
      return;
  }
}

void Printer::PrintList(const Value& v, char32_t verb, int depth) {
  const value::List& items = v.AsList();
  if (flags.sharp_v) {
    buf.append(v.GoTypeName());
    buf.push_back('{');
  } else {
    buf.push_back('[');
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) buf.append(flags.sharp_v ? ", " : " ");
    PrintValue(items[i], verb, depth + 1);
  }
  buf.push_back(flags.sharp_v ? '}' : ']');
}

void Printer::PrintMap(const Value& v, char32_t verb, int depth) {
  if (flags.sharp_v) {
    buf.append(v.GoTypeName());
    buf.push_back('{');
  } else {
    buf.append("map[");
  }
  bool first = true;
  for (const auto& [key, val] : v.AsMap()) {  // sorted, as fmt sorts string keys
    if (!first) buf.append(flags.sharp_v ? ", " : " ");
    first = false;
    PrintValue(Value(key), verb, depth + 1);
    buf.push_back(':');
    PrintValue(val, verb, depth + 1);
  }
  buf.push_back(flags.sharp_v ? '}' : ']');
}

void Printer::PrintStruct(const Value& v, char32_t verb, int depth) {
  const value::Struct& s = v.AsStruct();
  if (flags.sharp_v) buf.append(s.type->name);
  buf.push_back('{');
  for (size_t i = 0; i < s.fields.size() && i < s.type->fields.size(); ++i) {
    if (i > 0) buf.append(flags.sharp_v ? ", " : " ");
    if (flags.plus_v || flags.sharp_v) {
      buf.append(s.type->fields[i].name);
      buf.push_back(':');
    }
    PrintValue(s.fields[i], verb, depth + 1);
  }
  buf.push_back('}');
}

// A pointer fmt does not follow: a nil one, or one below the top level.
void Printer::PrintPointer(const Value& v, char32_t verb) {
  uint64_t address = v.is_nil_pointer() ? 0 : kFakeAddress;
  switch (verb) {
    case 'v':
      if (flags.sharp_v) {
        buf.append("(" + v.GoTypeName() + ")(");
        if (address == 0) {
          buf.append("nil");
        } else {
          Fmt0x64(address, true);
        }
        buf.push_back(')');
      } else if (address == 0) {
        Pad("<nil>");
      } else {
        Fmt0x64(address, !flags.sharp);
      }
      return;
    case 'p':
      Fmt0x64(address, !flags.sharp);
      return;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
      PrintInteger(v, address, false, verb);
      return;
    default:
      BadVerb(verb, v);
      return;
  }
}

}  // namespace kanon::tmpl::gofmt
