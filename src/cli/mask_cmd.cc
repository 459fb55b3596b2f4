#include "cli/mask_cmd.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>

#include "mask/mask.h"
#include "mask/verify.h"

namespace kanon::cli {
namespace {

using mask::DumpFormat;

Result<DumpFormat> ParseFormat(const std::string& s) {
  if (s == "auto") return DumpFormat::kAuto;
  if (s == "postgres" || s == "pg") return DumpFormat::kPostgres;
  if (s == "mysql" || s == "mariadb") return DumpFormat::kMysql;
  return InvalidArgument("--format must be auto, postgres or mysql, not \"" + s + "\"");
}

Result<mask::MaskOptions> Options(const MaskFlags& flags) {
  mask::MaskOptions o;
  ASSIGN_OR_RETURN(o.format, ParseFormat(flags.format));
  if (flags.max_row_mib < 1) return InvalidArgument("--max-row-mib must be at least 1");
  o.max_row_bytes = static_cast<size_t>(flags.max_row_mib) << 20;
  if (flags.max_unique_values < 1) return InvalidArgument("--max-unique-values must be >= 1");
  o.limits.max_unique_values = static_cast<uint64_t>(flags.max_unique_values);
  return o;
}

// The key, or for --check without one, a stand-in (outputs are discarded anyway).
Result<std::string> Key(const mask::Policy& policy, bool check, std::ostream& err) {
  if (!policy.NeedsKey()) return std::string("kanon-mask-no-key-needed");
  auto key = mask::LoadMaskKey(policy.key);
  if (key.ok() || !check) return key;
  err << "kanon mask: note: " << key.status().message() << "; checking with a stand-in key\n";
  return std::string("kanon-mask-check-stand-in-key");
}

void PrintStats(const mask::MaskReport& report, std::ostream& os) {
  for (const mask::TableStats& t : report.tables) {
    os << "  " << t.table << ": ";
    if (t.dropped)
      os << "dropped";
    else if (t.passed_through)
      os << "kept as is";
    else
      os << t.rows_out << " of " << t.rows_in << " rows written";
    os << "\n";
  }
}

int Mask(const MaskFlags& flags, std::istream& in, std::ostream& out, std::ostream& err) {
  if (flags.policy.empty()) {
    err << "kanon mask: --policy FILE is required\n";
    return 1;
  }
  auto policy = mask::LoadPolicyFile(flags.policy);
  auto options = Options(flags);
  if (!policy.ok() || !options.ok()) {
    err << "kanon mask: " << (policy.ok() ? options.status() : policy.status()).message() << "\n";
    return 1;
  }
  auto key = Key(*policy, flags.check, err);
  if (!key.ok()) {
    err << "kanon mask: " << key.status().message() << "\n";
    return 1;
  }
  mask::KeyedHash hash(*key);
  std::unique_ptr<mask::ByteReader> reader;
  if (&in == &std::cin)
    reader = std::make_unique<mask::FdReader>(0);
  else
    reader = std::make_unique<mask::IstreamReader>(in);
  std::unique_ptr<mask::ByteWriter> writer;
  if (flags.check)
    writer = std::make_unique<mask::NullWriter>();
  else if (&out == &std::cout)
    out.flush(), writer = std::make_unique<mask::FdWriter>(1);
  else
    writer = std::make_unique<mask::OstreamWriter>(out);
  auto report = mask::MaskDump(*policy, hash, *reader, *writer, *options);
  if (!report.ok()) {
    err << "kanon mask: " << report.status().message() << "\n";
    return 1;
  }
  if (flags.check) {
    out << "policy " << flags.policy << " fits this " << mask::DumpFormatName(report->format)
        << " dump:\n";
    PrintStats(*report, out);
  } else if (flags.stats) {
    err << "kanon mask: " << report->bytes_out << " bytes written\n";
    PrintStats(*report, err);
  }
  return 0;
}

int Verify(const MaskFlags& flags, std::ostream& out, std::ostream& err) {
  auto policy = mask::LoadPolicyFile(flags.verify_policy);
  auto options = Options(flags);
  if (!policy.ok() || !options.ok()) {
    err << "kanon mask verify: " << (policy.ok() ? options.status() : policy.status()).message()
        << "\n";
    return 2;
  }
  std::ifstream a(flags.original, std::ios::binary), b(flags.masked, std::ios::binary);
  if (!a || !b) {
    err << "kanon mask verify: cannot read \"" << (!a ? flags.original : flags.masked) << "\"\n";
    return 2;
  }
  mask::IstreamReader ra(a), rb(b);
  auto report = mask::VerifyDumps(*policy, ra, rb, *options);
  if (!report.ok()) {
    err << "kanon mask verify: " << report.status().message() << "\n";
    return 2;
  }
  out << std::left << std::setw(48) << "COLUMN" << std::setw(12) << "RULE" << std::setw(12)
      << "CHECKED"
      << "LEAKED\n";
  for (const mask::ColumnCheck& c : report->columns) {
    std::string name = c.column.empty() ? c.table + " (rows)" : c.table + "." + c.column;
    out << std::setw(48) << name << std::setw(12) << c.rule;
    if (!c.checked)
      out << "not checked (the rule keeps values near the original)\n";
    else
      out << std::setw(12) << c.values << c.leaked << "\n";
  }
  if (report->leaked()) {
    err << "kanon mask verify: the masked dump still holds original values\n";
    return 1;
  }
  return 0;
}

}  // namespace

CLI::App* AddMaskCommand(CLI::App* app, MaskFlags* flags) {
  CLI::App* cmd = app->add_subcommand(
      "mask",
      "Mask, filter and sample a database dump as it streams from stdin to stdout.\n"
      "Reads pg_dump/pg_dumpall plain dumps and mysqldump/mariadb-dump dumps; see "
      "docs/masking.md.\nExamples:\n"
      "  pg_dump shop | kanon mask --policy shop-mask.yaml | psql -v ON_ERROR_STOP=1 shop_test\n"
      "  kanon mask --policy shop-mask.yaml --check < dump.sql\n"
      "  kanon mask verify --policy shop-mask.yaml --original dump.sql --masked masked.sql");
  cmd->add_option("--policy,-p", flags->policy, "the MaskPolicy YAML file");
  cmd->add_flag("--check", flags->check,
                "read the whole dump and check the policy against it; write nothing");
  cmd->add_flag("--stats", flags->stats, "print rows kept per table on stderr");
  cmd->add_option("--format", flags->format, "auto (default), postgres or mysql");
  cmd->add_option("--max-row-mib", flags->max_row_mib,
                  "most MiB held for one row or statement head (default 256)");
  cmd->add_option("--max-unique-values", flags->max_unique_values,
                  "most values kept unique per unique column (default 50000000, 16 B each)");
  CLI::App* verify = cmd->add_subcommand(
      "verify", "Check that a masked dump holds no original value of a masked column.");
  verify->add_option("--policy,-p", flags->verify_policy, "the MaskPolicy YAML file")->required();
  verify->add_option("--original", flags->original, "the dump before masking")->required();
  verify->add_option("--masked", flags->masked, "the dump after masking")->required();
  verify->add_option("--format", flags->format, "auto (default), postgres or mysql");
  verify->parse_complete_callback([flags] { flags->verify = true; });
  return cmd;
}

int RunMask(const MaskFlags& flags, std::istream& in, std::ostream& out, std::ostream& err) {
  if (flags.verify) return Verify(flags, out, err);
  return Mask(flags, in, out, err);
}

}  // namespace kanon::cli
