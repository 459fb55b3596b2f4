#include "mask/names.h"

namespace kanon::mask {
namespace {

bool IsPlain(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    if (!ok) return false;
  }
  return !(s[0] >= '0' && s[0] <= '9');
}

}  // namespace

std::vector<std::string> TableName::Parts() const {
  std::vector<std::string> parts;
  if (!db.empty()) parts.push_back(db);
  if (!schema.empty()) parts.push_back(schema);
  parts.push_back(name);
  return parts;
}

std::string DisplayPart(std::string_view part) {
  if (IsPlain(part)) return std::string(part);
  std::string out = "\"";
  for (char c : part) {
    if (c == '"') out += '"';
    out += c == '\n' ? ' ' : c;
  }
  out += '"';
  return out;
}

std::string TableName::Display() const {
  std::string out;
  for (const std::string& p : Parts()) {
    if (!out.empty()) out += '.';
    out += DisplayPart(p);
  }
  return out;
}

Result<std::vector<std::string>> ParseTableKey(std::string_view key) {
  std::vector<std::string> parts;
  size_t i = 0;
  auto bad = [&](const std::string& why) {
    return InvalidArgument("table name \"" + std::string(key) + "\": " + why);
  };
  while (true) {
    std::string part;
    if (i < key.size() && (key[i] == '"' || key[i] == '`')) {
      char q = key[i++];
      bool closed = false;
      while (i < key.size()) {
        if (key[i] == q) {
          if (i + 1 < key.size() && key[i + 1] == q) {
            part += q;
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        part += key[i++];
      }
      if (!closed) return bad("unclosed quote");
    } else {
      while (i < key.size() && key[i] != '.') part += key[i++];
    }
    if (part.empty()) return bad("empty name part");
    parts.push_back(std::move(part));
    if (i == key.size()) break;
    if (key[i] != '.') return bad("expected '.' after a quoted part");
    ++i;
  }
  if (parts.size() > 3) return bad("at most three parts (database.schema.table)");
  return parts;
}

size_t MatchTable(const std::vector<std::string>& key, const TableName& table) {
  std::vector<std::string> parts = table.Parts();
  if (key.empty() || key.size() > parts.size()) return 0;
  size_t off = parts.size() - key.size();
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != parts[off + i]) return 0;
  }
  return key.size();
}

}  // namespace kanon::mask
