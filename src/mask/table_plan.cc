#include "mask/table_plan.h"

#include <cmath>

namespace kanon::mask {

using value::Value;

struct TablePlan::Column {
  RuleKind kind = RuleKind::kKeep;
  bool write_default = false;
  bool retryable = false;
  std::unique_ptr<Transformer> transformer;
  std::unique_ptr<UniqueSet> unique;
  std::unique_ptr<CommandRunner> command;
};

TablePlan::TablePlan(const TableInfo& table, const PlanLimits& limits)
    : table_(table), limits_(limits) {
  stats_.table = table.name.Display();
  for (const ColumnInfo& c : table.columns) names_.push_back(c.name);
}

TablePlan::~TablePlan() = default;

std::unique_ptr<TablePlan> TablePlan::Build(const TableInfo& table, const Resolution& res,
                                            const KeyedHash& master, const PlanLimits& limits,
                                            std::vector<std::string>* problems) {
  auto plan = std::make_unique<TablePlan>(table, limits);
  size_t before = problems->size();
  plan->columns_.resize(table.columns.size());
  for (size_t i = 0; i < table.columns.size(); ++i) {
    Column& col = plan->columns_[i];
    const ResolvedColumn& rc = res.columns[i];
    col.write_default = rc.write_default;
    if (rc.write_default || rc.rule == nullptr) continue;
    const TransformerDef* def = FindTransformer(rc.rule->mask);
    col.kind = def->kind;
    col.retryable = def->retryable;
    if (rc.rule->unique || table.columns[i].unique) {
      col.unique = std::make_unique<UniqueSet>(limits.max_unique_values);
    }
    if (def->kind == RuleKind::kCommand) {
      Params p(&rc.rule->params);
      std::vector<std::string> argv;
      const Value* cmd = p.Get("command");
      if (cmd->kind() == value::Kind::kString)
        argv.push_back(cmd->AsString());
      else
        for (const Value& a : cmd->AsList()) argv.push_back(a.AsString());
      col.command = std::make_unique<CommandRunner>(argv, p.Number("timeout", 30));
      plan->has_command_ = true;
      continue;
    }
    if (def->make == nullptr) continue;
    KeyedHash key = master.Derive(RuleIdentity(*rc.rule));
    BuildContext ctx{rc.rule, &key, table.columns[i].type, table.columns[i].not_null,
                     &plan->names_};
    Params params(&rc.rule->params);
    auto made = def->make(params, ctx);
    if (!made.ok()) {
      problems->push_back(plan->Where(i, table.line) + ": " + rc.rule->mask + ": " +
                          made.status().message());
      continue;
    }
    col.transformer = std::move(made).value();
    plan->has_template_ = plan->has_template_ || def->kind == RuleKind::kTemplate;
  }
  if (const TableRule* rule = res.rule) {
    if (rule->sample && res.sample_by) {
      plan->sample_by_ = res.sample_by;
      plan->sample_key_ = std::make_unique<KeyedHash>(master.Derive("kanon-mask/v1/sample"));
      plan->sample_all_ = rule->sample->percent >= 100;
      plan->sample_threshold_ =
          static_cast<uint64_t>(std::ldexp(rule->sample->percent / 100.0, 64));
    }
    if (!rule->where.empty()) {
      auto t = tmpl::Template::Parse("where", rule->where);
      if (t.ok())
        plan->where_ = std::move(t).value();
      else
        problems->push_back(table.name.Display() + ": where: " + t.status().message());
    }
  }
  if (problems->size() > before) return nullptr;
  return plan;
}

std::string TablePlan::Where(size_t column, uint64_t line) const {
  std::string at = table_.name.Display();
  if (column < names_.size()) at += "." + DisplayPart(names_[column]);
  return at + " (line " + std::to_string(line) + ")";
}

Result<bool> TablePlan::Keep(Row& row) {
  if (sample_by_ && !sample_all_) {
    Cell c = row.Get(*sample_by_);
    uint64_t h = c.null ? DigestWord(sample_key_->Sum({}, 1), 0) : sample_key_->Sum64(c.text);
    if (h >= sample_threshold_) return false;
  }
  if (!where_) return true;
  std::string out;
  Status st = where_->Execute(InputData(), &out);
  if (!st.ok()) {
    return InvalidArgument(Where(SIZE_MAX, row.line()) + ": where: " + st.message());
  }
  size_t b = out.find_first_not_of(" \t\r\n"), e = out.find_last_not_of(" \t\r\n");
  std::string_view word = b == std::string::npos ? "" : std::string_view(out).substr(b, e - b + 1);
  if (word == "true") return true;
  if (word == "false") return false;
  return InvalidArgument(Where(SIZE_MAX, row.line()) +
                         ": where must print true or false; it "
                         "printed " +
                         std::to_string(out.size()) + " other bytes");
}

Status TablePlan::Compute(size_t i, Row& row, uint32_t attempt, OutCell* cell) {
  auto r = columns_[i].transformer->Apply(row.Get(i), ApplyContext{this, attempt}, &cell->text);
  if (!r.ok()) return InvalidArgument(Where(i, row.line()) + ": " + r.status().message());
  cell->kind = *r ? OutCell::Kind::kText : OutCell::Kind::kNull;
  return OkStatus();
}

// Records the value of unique column i, asking the transformer for its next candidate while
// the output is already taken by another input.
Status TablePlan::Settle(size_t i, Row* row, uint64_t in_fp, uint64_t out_fp, OutCell* cell) {
  Column& col = columns_[i];
  uint64_t line = row ? row->line() : 0;
  for (uint32_t attempt = 1; cell->kind == OutCell::Kind::kText; ++attempt) {
    switch (col.unique->Insert(out_fp, in_fp)) {
      case UniqueSet::Outcome::kNew:
      case UniqueSet::Outcome::kSameInput:
        return OkStatus();
      case UniqueSet::Outcome::kFull:
        return Status(Code::kResourceExhausted,
                      Where(i, line) + ": more than " + std::to_string(limits_.max_unique_values) +
                          " values to keep unique; raise --max-unique-values");
      case UniqueSet::Outcome::kCollision:
        break;
    }
    if (!col.retryable || row == nullptr || attempt > 64) {
      return FailedPrecondition(
          Where(i, line) + ": two different values mask to the same output in a unique column" +
          (col.retryable ? " even after 64 attempts"
                         : "; use hash, email, name or phone to keep it unique"));
    }
    RETURN_IF_ERROR(Compute(i, *row, attempt, cell));
    out_fp = Fingerprint(cell->text, true);
  }
  return OkStatus();
}

Status TablePlan::OnRow(Row& row, RowFramer& framer) {
  ++stats_.rows_in;
  row_ = &row;
  ASSIGN_OR_RETURN(bool keep, Keep(row));
  if (!keep) return OkStatus();
  cells_.resize(columns_.size());
  uniques_.clear();
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& col = columns_[i];
    OutCell& cell = cells_[i];
    cell.raw = row.raw(i);
    if (col.write_default) {
      cell.kind = OutCell::Kind::kDefault;
    } else if (col.kind == RuleKind::kValue) {
      RETURN_IF_ERROR(Compute(i, row, 0, &cell));
      if (col.unique && cell.kind == OutCell::Kind::kText) {
        uint64_t out_fp = Fingerprint(cell.text, true);
        col.unique->Prefetch(out_fp);  // settled after the other columns, when it has arrived
        uniques_.push_back({i, out_fp});
      }
    } else {
      cell.kind = OutCell::Kind::kRaw;
    }
  }
  for (const auto& [i, out_fp] : uniques_) {
    RETURN_IF_ERROR(Settle(i, &row, Fingerprint(row.Get(i).text, false), out_fp, &cells_[i]));
  }
  if (has_template_) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].kind != RuleKind::kTemplate || columns_[i].write_default) continue;
      RETURN_IF_ERROR(Compute(i, row, 0, &cells_[i]));
      if (columns_[i].unique) {
        RETURN_IF_ERROR(Settle(i, &row, Fingerprint(row.Get(i).text, false),
                               Fingerprint(cells_[i].text, true), &cells_[i]));
      }
    }
  }
  ++stats_.rows_out;
  if (!has_command_) {
    framer.WriteRow(cells_);
    return OkStatus();
  }
  std::vector<OutCell> held(cells_);
  std::vector<std::string> raws;
  std::vector<std::optional<std::string>> inputs;
  for (size_t i = 0; i < columns_.size(); ++i) {
    raws.emplace_back(held[i].raw);
    if (columns_[i].kind != RuleKind::kCommand || columns_[i].write_default) continue;
    Cell c = row.Get(i);
    inputs.push_back(c.null ? std::nullopt : std::optional<std::string>(std::string(c.text)));
  }
  held_.push_back(std::move(held));
  held_raws_.push_back(std::move(raws));
  held_lines_.push_back(row.line());
  held_inputs_.push_back(std::move(inputs));
  if (held_.size() >= limits_.command_batch) return RunCommands(framer);
  return OkStatus();
}

Status TablePlan::RunCommands(RowFramer& framer) {
  size_t k = 0;
  std::vector<Cell> inputs;
  std::vector<size_t> rows;  // held row of each input: NULLs stay NULL, unsent
  std::vector<std::optional<std::string>> outputs;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].kind != RuleKind::kCommand || columns_[i].write_default) continue;
    inputs.clear();
    rows.clear();
    for (size_t r = 0; r < held_inputs_.size(); ++r) {
      held_[r][i].kind = OutCell::Kind::kNull;
      if (!held_inputs_[r][k]) continue;
      inputs.push_back(Cell{*held_inputs_[r][k], false});
      rows.push_back(r);
    }
    ++k;
    if (inputs.empty()) continue;
    size_t failed = 0;
    Status st = columns_[i].command->Exchange(inputs, &outputs, &failed);
    if (!st.ok()) {
      uint64_t line = held_lines_[rows[std::min(failed, rows.size() - 1)]];
      return Status(st.code(), Where(i, line) + ": " + st.message());
    }
    for (size_t n = 0; n < rows.size(); ++n) {
      OutCell& cell = held_[rows[n]][i];
      cell.kind = outputs[n] ? OutCell::Kind::kText : OutCell::Kind::kNull;
      if (outputs[n]) cell.text = std::move(*outputs[n]);
      if (columns_[i].unique) {
        Status settled = Settle(i, nullptr, Fingerprint(inputs[n].text, false),
                                Fingerprint(cell.text, true), &cell);
        if (!settled.ok()) {
          return Status(settled.code(),
                        settled.message() + " (line " + std::to_string(held_lines_[rows[n]]) + ")");
        }
      }
    }
  }
  for (size_t r = 0; r < held_.size(); ++r) {
    for (size_t i = 0; i < held_[r].size(); ++i) held_[r][i].raw = held_raws_[r][i];
    framer.WriteRow(held_[r]);
  }
  held_.clear();
  held_raws_.clear();
  held_lines_.clear();
  held_inputs_.clear();
  return OkStatus();
}

Status TablePlan::Flush(RowFramer& framer) {
  if (held_.empty()) return OkStatus();
  return RunCommands(framer);
}

Status TablePlan::Close() {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!columns_[i].command) continue;
    Status st = columns_[i].command->Close();
    if (!st.ok()) return Status(st.code(), Where(i, table_.line) + ": " + st.message());
  }
  return OkStatus();
}

Cell TablePlan::Input(size_t index) { return row_->Get(index); }

Value TablePlan::InputData() {
  value::Map m;
  for (size_t i = 0; i < names_.size(); ++i) {
    Cell c = row_->Get(i);
    m.emplace(names_[i], c.null ? Value() : Value(c.text));
  }
  return Value::FromMap(std::move(m));
}

Result<Value> TablePlan::MaskedData() {
  value::Map m;
  for (size_t i = 0; i < names_.size(); ++i) {
    const Column& col = columns_[i];
    if (col.kind == RuleKind::kTemplate || col.kind == RuleKind::kCommand) continue;
    const OutCell& cell = cells_[i];
    if (cell.kind == OutCell::Kind::kText) {
      m.emplace(names_[i], Value(cell.text));
    } else if (cell.kind == OutCell::Kind::kRaw) {
      Cell c = row_->Get(i);
      m.emplace(names_[i], c.null ? Value() : Value(c.text));
    } else {
      m.emplace(names_[i], Value());
    }
  }
  return Value::FromMap(std::move(m));
}

}  // namespace kanon::mask
