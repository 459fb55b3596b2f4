#include "mask/engine.h"

#include <algorithm>

namespace kanon::mask {
namespace {

std::string Identity(const TableName& n) { return n.db + '\0' + n.schema + '\0' + n.name; }

bool SameColumns(const TableInfo& a, const TableInfo& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (size_t i = 0; i < a.columns.size(); ++i) {
    if (a.columns[i].name != b.columns[i].name) return false;
  }
  return true;
}

}  // namespace

class Masker::FixedSink final : public TableSink {
 public:
  explicit FixedSink(SinkMode mode) : mode_(mode) {}
  SinkMode mode() const override { return mode_; }
  Status OnRow(Row&, RowFramer&) override { return OkStatus(); }
  Status Flush(RowFramer&) override { return OkStatus(); }

 private:
  SinkMode mode_;
};

Masker::Masker(const Policy& policy, const KeyedHash& master, const PlanLimits& limits)
    : policy_(policy),
      master_(master),
      limits_(limits),
      used_(policy.tables.size(), false),
      pass_(std::make_unique<FixedSink>(SinkMode::kPass)),
      drop_(std::make_unique<FixedSink>(SinkMode::kDrop)) {}

Masker::~Masker() = default;

void Masker::SawTable(const TableName& name) {
  for (size_t i = 0; i < policy_.tables.size(); ++i) {
    if (MatchTable(policy_.tables[i].parts, name) > 0) used_[i] = true;
  }
}

Result<TableSink*> Masker::BeginData(const TableInfo& table) {
  std::string id = Identity(table.name);
  auto it = plans_.find(id);
  if (it != plans_.end() && SameColumns(it->second->table(), table)) return it->second.get();
  auto fixed = fixed_stats_.find(id);
  if (fixed != fixed_stats_.end()) return fixed->second.dropped ? drop_.get() : pass_.get();
  if (std::find(order_.begin(), order_.end(), id) == order_.end()) order_.push_back(id);
  size_t before = problems_.size();
  Resolution res = Resolve(policy_, table, &used_, &problems_);
  bool fits = problems_.size() == before;
  bool drop = res.rule != nullptr && res.rule->drop;
  bool buildable = res.rule != nullptr && !drop && table.columns_known;
  if (!fits || res.PassThrough() || drop) {
    // A table that does not fit is remembered as passed, so it is reported once.
    if (!fits && buildable) TablePlan::Build(table, res, master_, limits_, &problems_);
    TableStats& st = fixed_stats_[id];
    st.table = table.name.Display();
    st.dropped = drop;
    st.passed_through = !drop;
    return drop ? drop_.get() : pass_.get();
  }
  std::unique_ptr<TablePlan> plan = TablePlan::Build(table, res, master_, limits_, &problems_);
  if (plan == nullptr) {
    fixed_stats_[id].table = table.name.Display();
    return pass_.get();
  }
  if (it != plans_.end()) RETURN_IF_ERROR(it->second->Close());
  TableSink* sink = plan.get();
  plans_[id] = std::move(plan);
  return sink;
}

Result<SinkMode> Masker::LargeObjects(uint64_t line) {
  switch (policy_.large_objects) {
    case LargeObjects::kKeep:
      return SinkMode::kPass;
    case LargeObjects::kDrop:
      return SinkMode::kDrop;
    case LargeObjects::kError:
      break;
  }
  problems_.push_back("large objects (line " + std::to_string(line) +
                      "): the dump holds large-object data the policy does not classify; set "
                      "spec.largeObjects to keep or drop (or dump with pg_dump -B)");
  return SinkMode::kPass;
}

Status Masker::Finish(bool complete) {
  for (auto& [id, plan] : plans_) {
    Status st = plan->Close();
    if (!st.ok()) problems_.push_back(st.message());
  }
  for (size_t i = 0; i < policy_.tables.size(); ++i) {
    if (complete && !used_[i]) {
      problems_.push_back("policy table \"" + policy_.tables[i].key + "\" is not in the dump (" +
                          policy_.tables[i].path + ")");
    }
  }
  if (problems_.empty()) return OkStatus();
  std::string msg = "the policy does not fit the dump (" + std::to_string(problems_.size()) +
                    " problem" + (problems_.size() == 1 ? "" : "s") + "):";
  for (const std::string& p : problems_) msg += "\n  " + p;
  return FailedPrecondition(msg);
}

std::vector<TableStats> Masker::Stats() const {
  std::vector<TableStats> out;
  for (const std::string& id : order_) {
    auto p = plans_.find(id);
    if (p != plans_.end()) {
      out.push_back(p->second->stats());
      continue;
    }
    auto f = fixed_stats_.find(id);
    if (f != fixed_stats_.end()) out.push_back(f->second);
  }
  return out;
}

}  // namespace kanon::mask
