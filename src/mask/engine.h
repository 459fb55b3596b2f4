// Masker: the DumpHandler that applies a policy to a dump.
//
// For each data block it resolves the table against the policy (resolve.cc), caches the
// compiled TablePlan (so a MySQL table split over many INSERT statements keeps one state), and
// answers pass, drop or rows. Problems of fit are collected, not thrown: after the first, the
// parser stops writing and keeps scanning, and Finish() returns every problem at once, plus
// the policy tables the dump never named. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mask/dump_handler.h"
#include "mask/policy.h"
#include "mask/table_plan.h"

namespace kanon::mask {

class Masker final : public DumpHandler {
 public:
  // `master` is the mask key (a probe key when only checking).
  Masker(const Policy& policy, const KeyedHash& master, const PlanLimits& limits);
  ~Masker() override;

  Result<TableSink*> BeginData(const TableInfo& table) override;
  void SawTable(const TableName& name) override;
  Result<SinkMode> LargeObjects(uint64_t line) override;
  Status Finish(bool complete) override;
  bool failed() const override { return !problems_.empty(); }

  // Per table, in the order the dump listed them.
  std::vector<TableStats> Stats() const;

 private:
  class FixedSink;

  const Policy& policy_;
  const KeyedHash& master_;
  PlanLimits limits_;
  std::vector<bool> used_;  // per policy table: matched a table of the dump
  std::vector<std::string> problems_;
  std::map<std::string, std::unique_ptr<TablePlan>> plans_;  // by table identity
  std::map<std::string, TableStats> fixed_stats_;            // pass and drop tables
  std::vector<std::string> order_;                           // table identities, first seen
  std::unique_ptr<FixedSink> pass_;
  std::unique_ptr<FixedSink> drop_;
};

}  // namespace kanon::mask
