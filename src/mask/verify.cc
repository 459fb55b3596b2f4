#include "mask/verify.h"

#include <map>
#include <memory>

#include "mask/buffer.h"
#include "mask/mysql_parser.h"
#include "mask/pg_parser.h"
#include "mask/registry.h"
#include "mask/unique_set.h"

namespace kanon::mask {
namespace {

// Collects (first pass) or looks up (second pass) the values of masked columns.
class LeakFinder final : public DumpHandler {
 public:
  explicit LeakFinder(const Policy& policy) : policy_(policy), used_(policy.tables.size()) {}

  void StartScan() { scanning_ = true; }

  Result<TableSink*> BeginData(const TableInfo& table) override {
    std::string id = table.name.Display();
    auto it = sinks_.find(id);
    if (it != sinks_.end()) return it->second.get();
    Resolution res = Resolve(policy_, table, &used_, &problems_);
    auto sink = std::make_unique<Sink>(this);
    if (res.rule != nullptr && res.rule->drop) {
      sink->drop_check = Check(id, "", "drop");
      sink->drop_check->checked = true;
    }
    for (size_t i = 0; i < res.columns.size(); ++i) {
      const ColumnRule* rule = res.columns[i].rule;
      if (rule == nullptr || rule->mask == "keep") continue;
      const TransformerDef* def = FindTransformer(rule->mask);
      ColumnCheck* c = Check(id, table.columns[i].name, rule->mask);
      c->checked = def != nullptr && !def->perturbing;
      if (c->checked) sink->columns.emplace_back(i, c);
    }
    TableSink* out = sink.get();
    sinks_[id] = std::move(sink);
    return out;
  }
  void SawTable(const TableName&) override {}
  Result<SinkMode> LargeObjects(uint64_t) override { return SinkMode::kPass; }
  Status Finish(bool) override {
    if (problems_.empty() || scanning_) return OkStatus();
    std::string msg = "the policy does not fit the original dump:";
    for (const std::string& p : problems_) msg += "\n  " + p;
    return FailedPrecondition(msg);
  }
  bool failed() const override { return false; }

  VerifyReport Report() const {
    VerifyReport r;
    for (const auto& [key, c] : checks_) r.columns.push_back(*c);
    return r;
  }
  void NextPass() { sinks_.clear(); }

 private:
  struct Sink final : public TableSink {
    explicit Sink(LeakFinder* f) : finder(f) {}
    SinkMode mode() const override {
      return columns.empty() && drop_check == nullptr ? SinkMode::kPass : SinkMode::kRows;
    }
    Status OnRow(Row& row, RowFramer&) override {
      if (drop_check != nullptr && finder->scanning_) {
        ++drop_check->values;
        ++drop_check->leaked;
      }
      for (auto& [index, check] : columns) {
        Cell c = row.Get(index);
        if (c.null || c.text.empty()) continue;
        uint64_t fp = Fingerprint(c.text, false);
        UniqueSet& set = finder->Values(check);
        if (!finder->scanning_) {
          if (set.Insert(fp, 0) == UniqueSet::Outcome::kNew) ++check->originals;
          continue;
        }
        ++check->values;
        if (set.Contains(fp)) ++check->leaked;
      }
      return OkStatus();
    }
    Status Flush(RowFramer&) override { return OkStatus(); }

    LeakFinder* finder;
    ColumnCheck* drop_check = nullptr;
    std::vector<std::pair<size_t, ColumnCheck*>> columns;
  };

  ColumnCheck* Check(const std::string& table, const std::string& column, const std::string& rule) {
    auto& slot = checks_[table + '\0' + column];
    if (!slot) slot = std::make_unique<ColumnCheck>(ColumnCheck{table, column, rule});
    return slot.get();
  }
  UniqueSet& Values(const ColumnCheck* c) {
    auto& set = values_[c];
    if (!set) set = std::make_unique<UniqueSet>(UINT64_MAX);
    return *set;
  }

  const Policy& policy_;
  std::vector<bool> used_;
  std::vector<std::string> problems_;
  bool scanning_ = false;
  std::map<std::string, std::unique_ptr<Sink>> sinks_;
  std::map<std::string, std::unique_ptr<ColumnCheck>> checks_;
  std::map<const ColumnCheck*, std::unique_ptr<UniqueSet>> values_;
};

Status Scan(ByteReader& in, DumpHandler& handler, const MaskOptions& options,
            std::string_view what) {
  Input input(&in, options.chunk_bytes, options.max_row_bytes);
  NullWriter sink;
  Output output(&sink);
  while (input.size() < 1024 && !input.eof()) RETURN_IF_ERROR(input.Refill(0).status());
  DumpFormat format = options.format;
  if (format == DumpFormat::kAuto) {
    auto f = SniffFormat(std::string_view(input.data(), input.size()));
    if (!f.ok()) return f.status().WithContext(what);
    format = *f;
  }
  std::unique_ptr<DumpParser> parser;
  if (format == DumpFormat::kMysql)
    parser = std::make_unique<MysqlParser>(input, output, handler);
  else
    parser = std::make_unique<PgParser>(input, output, handler);
  RETURN_IF_ERROR(parser->Run().WithContext(what));
  return handler.Finish(true);
}

}  // namespace

bool VerifyReport::leaked() const {
  for (const ColumnCheck& c : columns) {
    if (c.leaked > 0) return true;
  }
  return false;
}

Result<VerifyReport> VerifyDumps(const Policy& policy, ByteReader& original, ByteReader& masked,
                                 const MaskOptions& options) {
  LeakFinder finder(policy);
  RETURN_IF_ERROR(Scan(original, finder, options, "original dump"));
  finder.NextPass();
  finder.StartScan();
  RETURN_IF_ERROR(Scan(masked, finder, options, "masked dump"));
  return finder.Report();
}

}  // namespace kanon::mask
