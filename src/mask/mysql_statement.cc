#include "mask/mysql_statement.h"

#include <cctype>

#include "mask/sql_tokens.h"

namespace kanon::mask {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsKeyWord(std::string_view w) {
  std::string u = Upper(w);
  return u == "PRIMARY" || u == "UNIQUE" || u == "KEY" || u == "INDEX" || u == "FULLTEXT" ||
         u == "SPATIAL" || u == "CONSTRAINT" || u == "CHECK" || u == "FOREIGN" || u == "PERIOD";
}

// Skips to the next top-level ',' or ')' of a CREATE TABLE body.
void SkipElement(SqlTokens& t) {
  while (!t.AtEnd()) {
    size_t b = t.pos();
    if (t.Punct(',') || t.Punct(')')) {
      t.set_pos(b);
      return;
    }
    char c = t.text()[t.pos()];
    if (c == '\'' || c == '"' || c == '`')
      t.SkipQuoted();
    else if (!t.SkipParens() && t.Word().empty())
      t.set_pos(t.pos() + 1);
  }
}

ColumnInfo ParseColumn(SqlTokens& t, std::string name, bool* invisible) {
  ColumnInfo col;
  col.name = std::move(name);
  std::string type(t.Word());
  size_t p = t.pos();
  if (t.SkipParens()) type += t.text().substr(p, t.pos() - p);
  for (const char* mod : {"unsigned", "zerofill"}) {
    if (t.Keyword(mod)) type += std::string(" ") + mod;
  }
  col.type = ParseMysqlType(type);
  while (!t.AtEnd()) {
    size_t b = t.pos();
    if (t.Punct(',') || t.Punct(')')) {
      t.set_pos(b);
      break;
    }
    if (t.Keyword("NOT")) {
      col.not_null = col.not_null || t.Keyword("NULL");
    } else if (t.Keyword("GENERATED")) {
      col.generated = true;
    } else if (t.Keyword("AS")) {
      col.generated = true;
    } else if (t.Keyword("INVISIBLE")) {
      *invisible = true;
    } else if (t.Keyword("UNIQUE")) {
      col.unique = true;
    } else if (t.Keyword("PRIMARY")) {
      col.unique = col.not_null = true;
    } else {
      char c = t.text()[t.pos()];
      if (c == '\'' || c == '"' || c == '`')
        t.SkipQuoted();
      else if (!t.SkipParens() && t.Word().empty())
        t.set_pos(t.pos() + 1);
    }
  }
  return col;
}

// PRIMARY KEY (`a`) / UNIQUE KEY `n` (`a`): marks a one-column key's column unique.
void ParseKey(SqlTokens& t, MysqlTableDef* def) {
  bool unique = t.Keyword("PRIMARY") || t.Keyword("UNIQUE");
  if (unique) {
    t.Keyword("KEY") || t.Keyword("INDEX");
    t.SkipSpace();
    if (!t.AtEnd() && t.text()[t.pos()] != '(') t.Identifier();
    auto cols = t.IdentifierList();
    if (cols && cols->size() == 1) {
      for (ColumnInfo& c : def->columns) {
        if (c.name == (*cols)[0]) c.unique = true;
      }
    }
  }
  SkipElement(t);
}

}  // namespace

bool StartsMysqlInsert(std::string_view text) {
  SqlTokens t(text, Dialect::kMysql);
  return t.Keyword("INSERT") || t.Keyword("REPLACE");
}

std::optional<MysqlInsertHead> ParseMysqlInsert(std::string_view text) {
  SqlTokens t(text, Dialect::kMysql);
  if (!t.Keyword("INSERT") && !t.Keyword("REPLACE")) return std::nullopt;
  while (t.Keyword("IGNORE") || t.Keyword("LOW_PRIORITY") || t.Keyword("DELAYED") ||
         t.Keyword("HIGH_PRIORITY")) {
  }
  t.Keyword("INTO");
  MysqlInsertHead h;
  auto name = t.QualifiedName();
  if (!name) return std::nullopt;
  h.name = *name;
  if (auto cols = t.IdentifierList()) h.columns = *cols;
  if (!t.Keyword("VALUES") && !t.Keyword("VALUE")) return std::nullopt;
  h.length = t.pos();
  return h;
}

std::optional<MysqlTableDef> ParseMysqlCreateTable(std::string_view text) {
  SqlTokens t(text, Dialect::kMysql);
  if (!t.Keyword("CREATE")) return std::nullopt;
  t.Keyword("OR") && t.Keyword("REPLACE");
  t.Keyword("TEMPORARY");
  if (!t.Keyword("TABLE")) return std::nullopt;
  if (t.Keyword("IF")) t.Keyword("NOT") && t.Keyword("EXISTS");
  MysqlTableDef def;
  auto name = t.QualifiedName();
  if (!name) return std::nullopt;
  def.name = *name;
  if (!t.Punct('(')) return def;
  while (!t.AtEnd() && !t.Punct(')')) {
    size_t before = t.pos();
    bool quoted = t.text()[t.pos()] == '`' || t.text()[t.pos()] == '"';
    std::string_view w = quoted ? std::string_view() : t.Word();
    t.set_pos(before);
    if (!quoted && IsKeyWord(w)) {
      ParseKey(t, &def);
    } else if (auto col = t.Identifier()) {
      bool invisible = false;
      def.columns.push_back(ParseColumn(t, *col, &invisible));
      def.invisible.push_back(invisible);
    } else {
      return def;
    }
    t.Punct(',');
  }
  return def;
}

std::optional<std::string> ParseMysqlUse(std::string_view text) {
  SqlTokens t(text, Dialect::kMysql);
  if (!t.Keyword("USE")) return std::nullopt;
  return t.Identifier();
}

std::optional<std::string> ParseMysqlSetNames(std::string_view comment) {
  if (comment.substr(0, 3) != "/*!") return std::nullopt;
  size_t i = 3;
  while (i < comment.size() && std::isdigit(static_cast<unsigned char>(comment[i]))) ++i;
  SqlTokens t(comment.substr(i), Dialect::kMysql);
  if (!t.Keyword("SET") || !t.Keyword("NAMES")) return std::nullopt;
  t.SkipSpace();
  std::string_view w = t.Word();
  if (w.size() >= 2 && (w.front() == '\'' || w.front() == '"')) w = w.substr(1, w.size() - 2);
  return std::string(w);
}

bool UnsafeMysqlCharset(std::string_view name) {
  std::string u = Upper(name);
  for (const char* bad : {"SJIS", "CP932", "BIG5", "GBK", "GB18030"}) {
    if (u == bad) return true;
  }
  return false;
}

}  // namespace kanon::mask
