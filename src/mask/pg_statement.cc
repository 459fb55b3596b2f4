#include "mask/pg_statement.h"

#include <cctype>

#include "mask/sql_tokens.h"

namespace kanon::mask {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsConstraintWord(std::string_view w) {
  std::string u = Upper(w);
  return u == "CONSTRAINT" || u == "CHECK" || u == "UNIQUE" || u == "PRIMARY" || u == "FOREIGN" ||
         u == "EXCLUDE" || u == "LIKE";
}

// Where the type of a column definition ends: the first top-level keyword of a constraint.
bool EndsType(std::string_view w) {
  std::string u = Upper(w);
  return u == "COLLATE" || u == "DEFAULT" || u == "NOT" || u == "NULL" || u == "CONSTRAINT" ||
         u == "CHECK" || u == "UNIQUE" || u == "PRIMARY" || u == "REFERENCES" || u == "GENERATED" ||
         u == "COMPRESSION" || u == "STORAGE";
}

// One column definition: name type [constraints].
std::optional<ColumnInfo> ParseColumnDef(SqlTokens& t) {
  auto name = t.Identifier();
  if (!name) return std::nullopt;
  ColumnInfo col;
  col.name = *name;
  std::string type;
  while (!t.AtEnd()) {
    size_t before = t.pos();
    if (t.Punct(',') || t.Punct(')')) {
      t.set_pos(before);
      break;
    }
    if (t.text()[t.pos()] == '(') {
      size_t s = t.pos();
      t.SkipParens();
      type += t.text().substr(s, t.pos() - s);
      continue;
    }
    std::string_view w = t.Word();
    if (w.empty()) {
      t.set_pos(t.pos() + 1);
      continue;
    }
    if (EndsType(w)) {
      t.set_pos(before);
      break;
    }
    if (!type.empty() && type.back() != '(') type += ' ';
    type += w;
  }
  col.type = ParsePgType(type);
  // Constraints up to the next top-level comma.
  while (!t.AtEnd()) {
    size_t before = t.pos();
    if (t.Punct(',') || t.Punct(')')) {
      t.set_pos(before);
      break;
    }
    if (t.Keyword("NOT") && t.Keyword("NULL"))
      col.not_null = true;
    else if (t.Keyword("UNIQUE"))
      col.unique = true;
    else if (t.Keyword("PRIMARY") && t.Keyword("KEY"))
      col.unique = col.not_null = true;
    else if (t.Keyword("GENERATED")) {
      t.Keyword("ALWAYS") || (t.Keyword("BY") && t.Keyword("DEFAULT"));
      t.Keyword("AS");
      if (!t.Keyword("IDENTITY")) col.generated = true;
    } else if (!t.SkipParens()) {
      if (t.text()[t.pos()] == '\'' || t.text()[t.pos()] == '"')
        t.SkipQuoted();
      else if (t.Word().empty())
        t.set_pos(t.pos() + 1);
    }
  }
  return col;
}

}  // namespace

PgStatementKind ClassifyPgStatement(std::string_view text) {
  SqlTokens t(text, Dialect::kPostgres);
  if (t.Keyword("COPY")) return PgStatementKind::kCopyFromStdin;
  if (t.Keyword("INSERT")) return PgStatementKind::kInsert;
  if (t.Keyword("SET")) return PgStatementKind::kSet;
  if (t.Keyword("SELECT")) {
    return t.Keyword("pg_catalog") && t.Punct('.') && t.Keyword("lowrite")
               ? PgStatementKind::kLoWrite
               : PgStatementKind::kOther;
  }
  if (t.Keyword("CREATE")) {
    t.Keyword("UNLOGGED") || t.Keyword("FOREIGN") || t.Keyword("TEMPORARY") || t.Keyword("TEMP");
    if (t.Keyword("TABLE")) return PgStatementKind::kCreateTable;
  }
  return PgStatementKind::kOther;
}

std::optional<PgCopyHeader> ParsePgCopy(std::string_view text) {
  SqlTokens t(text, Dialect::kPostgres);
  if (!t.Keyword("COPY")) return std::nullopt;
  PgCopyHeader h;
  auto name = t.QualifiedName();
  if (!name) return std::nullopt;
  h.name = *name;
  if (auto cols = t.IdentifierList()) {
    h.columns = *cols;
    h.has_list = true;
  }
  if (!t.Keyword("FROM") || !t.Keyword("stdin")) return std::nullopt;
  t.Punct(';');
  h.has_options = !t.AtEnd();
  return h;
}

std::optional<PgTableDef> ParsePgCreateTable(std::string_view text) {
  SqlTokens t(text, Dialect::kPostgres);
  if (!t.Keyword("CREATE")) return std::nullopt;
  t.Keyword("UNLOGGED") || t.Keyword("FOREIGN") || t.Keyword("TEMPORARY") || t.Keyword("TEMP");
  if (!t.Keyword("TABLE")) return std::nullopt;
  if (t.Keyword("IF")) t.Keyword("NOT") && t.Keyword("EXISTS");
  PgTableDef def;
  auto name = t.QualifiedName();
  if (!name) return std::nullopt;
  def.name = *name;
  if (!t.Punct('(')) return def;  // PARTITION OF, OF type: no column list here
  while (!t.AtEnd() && !t.Punct(')')) {
    size_t before = t.pos();
    std::string_view w = t.Word();
    t.set_pos(before);
    if (IsConstraintWord(w)) {
      while (!t.AtEnd()) {  // skip this element
        size_t b = t.pos();
        if (t.Punct(',') || t.Punct(')')) {
          t.set_pos(b);
          break;
        }
        if (!t.SkipParens()) {
          if (t.text()[t.pos()] == '\'' || t.text()[t.pos()] == '"')
            t.SkipQuoted();
          else if (t.Word().empty())
            t.set_pos(t.pos() + 1);
        }
      }
    } else if (auto col = ParseColumnDef(t)) {
      def.columns.push_back(std::move(*col));
    } else {
      return def;
    }
    t.Punct(',');
  }
  return def;
}

std::optional<PgInsertHead> ParsePgInsert(std::string_view text) {
  SqlTokens t(text, Dialect::kPostgres);
  if (!t.Keyword("INSERT") || !t.Keyword("INTO")) return std::nullopt;
  PgInsertHead h;
  auto name = t.QualifiedName();
  if (!name) return std::nullopt;
  h.name = *name;
  if (auto cols = t.IdentifierList()) h.columns = *cols;
  return h;
}

std::optional<std::pair<std::string, std::string>> ParsePgSet(std::string_view text) {
  SqlTokens t(text, Dialect::kPostgres);
  if (!t.Keyword("SET")) return std::nullopt;
  t.Keyword("SESSION");
  auto name = t.Identifier();
  if (!name) return std::nullopt;
  if (!t.Punct('=') && !t.Keyword("TO")) return std::nullopt;
  t.SkipSpace();
  std::string_view rest = text.substr(t.pos());
  size_t end = rest.find_first_of(";");
  std::string value(rest.substr(0, end));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\n')) value.pop_back();
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    value = value.substr(1, value.size() - 2);
  }
  return std::make_pair(*name, value);
}

std::optional<std::string> ParsePgConnect(std::string_view line) {
  SqlTokens t(line, Dialect::kPostgres);
  if (!t.Punct('\\')) return std::nullopt;
  if (!t.Keyword("connect") && !t.Keyword("c")) return std::nullopt;
  while (!t.AtEnd()) {
    t.SkipSpace();
    std::string_view rest = t.text().substr(t.pos());
    if (rest[0] == '-') {
      t.Word();
      continue;
    }
    std::string arg;
    if (rest[0] == '"') {
      auto id = t.Identifier();
      if (!id) return std::nullopt;
      arg = *id;
    } else {
      arg = std::string(t.Word());
    }
    size_t dbname = arg.find("dbname=");
    if (dbname == std::string::npos) return arg;
    std::string v = arg.substr(dbname + 7);
    if (!v.empty() && v[0] == '\'') {
      std::string out;
      for (size_t i = 1; i < v.size() && v[i] != '\''; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        out.push_back(v[i]);
      }
      return out;
    }
    return v.substr(0, v.find(' '));
  }
  return std::nullopt;
}

bool UnsafeEncoding(std::string_view name) {
  std::string u = Upper(name);
  for (const char* bad : {"SJIS", "SHIFT_JIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "CP932",
                          "CP936", "CP949", "CP950", "WIN932", "WIN936", "WIN949", "WIN950"}) {
    if (u == bad) return true;
  }
  return false;
}

}  // namespace kanon::mask
