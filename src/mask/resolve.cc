// Resolve: does the policy fit this table of the dump? Fail-closed: every column must be
// classified and every policy entry must exist.
#include "base/suggest.h"
#include "mask/table_plan.h"

namespace kanon::mask {
namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + DisplayPart(n);
  return out;
}

std::vector<std::string> ColumnNames(const TableInfo& t) {
  std::vector<std::string> names;
  for (const ColumnInfo& c : t.columns) names.push_back(c.name);
  return names;
}

const TableRule* Match(const Policy& policy, const TableInfo& table, std::vector<bool>* used) {
  size_t best = 0, index = 0;
  for (size_t i = 0; i < policy.tables.size(); ++i) {
    size_t m = MatchTable(policy.tables[i].parts, table.name);
    if (m > best) best = m, index = i;
  }
  if (best == 0) return nullptr;
  if (used->size() > index) (*used)[index] = true;
  return &policy.tables[index];
}

void CheckFit(const TableInfo& table, const std::string& where, size_t i, const ColumnRule& rule,
              std::vector<std::string>* problems) {
  const ColumnInfo& col = table.columns[i];
  const TransformerDef* def = FindTransformer(rule.mask);
  if (def == nullptr || def->kind == RuleKind::kKeep) return;
  std::string at = where + ": column " + DisplayPart(col.name) + ": ";
  TypeClass c = col.type.cls;
  if (c != TypeClass::kUnknown && c != TypeClass::kOther && (def->fits & Bit(c)) == 0) {
    problems->push_back(at + "\"" + std::string(def->name) + "\" does not fit its type " +
                        col.type.sql + " (" + std::string(TypeClassName(c)) + ")");
  }
  if ((rule.unique || col.unique) && rule.mask == "set") {
    problems->push_back(at + "\"set\" writes one constant into a unique column");
  }
}

}  // namespace

bool Resolution::PassThrough() const {
  if (rule == nullptr) return true;
  if (rule->drop || rule->sample || !rule->where.empty()) return false;
  for (const ResolvedColumn& c : columns) {
    if (c.write_default) return false;
    if (c.rule != nullptr && c.rule->mask != "keep") return false;
  }
  return true;
}

Resolution Resolve(const Policy& policy, const TableInfo& table, std::vector<bool>* used,
                   std::vector<std::string>* problems) {
  Resolution res;
  res.columns.resize(table.columns.size());
  std::string where = table.name.Display() + " (line " + std::to_string(table.line) + ")";
  res.rule = Match(policy, table, used);
  if (res.rule == nullptr) {
    if (policy.unlisted == Unlisted::kKeep) return res;
    std::vector<std::string> keys;
    for (const TableRule& t : policy.tables) keys.push_back(t.key);
    problems->push_back(
        where + ": table is not in the policy" +
        (table.columns_known ? " (columns: " + Joined(ColumnNames(table)) + ")" : std::string()) +
        DidYouMeanSuffix(table.name.Display(), keys));
    return res;
  }
  const TableRule& rule = *res.rule;
  if (rule.drop) return res;
  if (!table.columns_known) {
    problems->push_back(where +
                        ": the INSERT has no column list and no CREATE TABLE "
                        "precedes it, so its values cannot be matched to columns; dump "
                        "with --complete-insert, or drop the table");
    return res;
  }
  std::vector<std::string> unlisted;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const ColumnInfo& col = table.columns[i];
    const ColumnRule* cr = rule.FindColumn(col.name);
    res.columns[i].rule = cr;
    if (cr == nullptr) {
      if (col.generated)
        res.columns[i].write_default = true;
      else if (policy.unlisted == Unlisted::kError)
        unlisted.push_back(col.name);
      continue;
    }
    if (col.generated && cr->mask != "keep") res.columns[i].write_default = true;
    CheckFit(table, where, i, *cr, problems);
  }
  if (!unlisted.empty()) {
    problems->push_back(where + ": " + std::to_string(unlisted.size()) + " column" +
                        (unlisted.size() == 1 ? " is" : "s are") +
                        " not in the policy: " + Joined(unlisted) + " (add them to " + rule.path +
                        ".columns, or set spec.unlisted: keep)");
  }
  std::vector<std::string> names = ColumnNames(table);
  for (const ColumnRule& cr : rule.columns) {
    bool found = false;
    for (const std::string& n : names) found = found || n == cr.column;
    if (!found) {
      problems->push_back(where + ": policy column " + DisplayPart(cr.column) +
                          " is not in the dump" + DidYouMeanSuffix(cr.column, names));
    }
  }
  if (rule.sample) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == rule.sample->by) res.sample_by = i;
    }
    if (!res.sample_by) {
      problems->push_back(where + ": sample.by names no column: \"" + rule.sample->by + "\"" +
                          DidYouMeanSuffix(rule.sample->by, names));
    }
  }
  return res;
}

}  // namespace kanon::mask
