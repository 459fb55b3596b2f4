#include "mask/mask.h"

#include <memory>

#include "mask/buffer.h"
#include "mask/engine.h"
#include "mask/mysql_parser.h"
#include "mask/pg_parser.h"

namespace kanon::mask {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view SkipBlankAndComments(std::string_view s) {
  while (!s.empty()) {
    if (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t') {
      s.remove_prefix(1);
    } else if (StartsWith(s, "--")) {
      size_t lf = s.find('\n');
      s.remove_prefix(lf == std::string_view::npos ? s.size() : lf + 1);
    } else {
      break;
    }
  }
  return s;
}

constexpr char kArchiveHint[] =
    "pg_dump custom, directory or tar archive; dump with -Fp, or run "
    "\"pg_restore -f - ARCHIVE | kanon mask ...\"";

}  // namespace

std::string_view DumpFormatName(DumpFormat f) {
  switch (f) {
    case DumpFormat::kPostgres:
      return "postgres";
    case DumpFormat::kMysql:
      return "mysql";
    case DumpFormat::kAuto:
      return "auto";
  }
  return "auto";
}

Result<DumpFormat> SniffFormat(std::string_view head) {
  auto is = [&](std::string_view magic) { return StartsWith(head, magic); };
  if (is("PGDMP")) return InvalidArgument(std::string("the input is a ") + kArchiveHint);
  if (head.size() > 262 && head.substr(257, 5) == "ustar") {
    return InvalidArgument(std::string("the input is a tar file, likely a ") + kArchiveHint);
  }
  if (is("\x1f\x8b") || is("\x28\xb5\x2f\xfd") || is("\x04\x22\x4d\x18") || is("BZh") ||
      is(std::string_view("\xfd\x37\x7a\x58\x5a\x00", 6))) {
    return InvalidArgument(
        "the input is compressed (gzip, zstd, lz4, bzip2 or xz); decompress "
        "it first, e.g. \"gzip -dc dump.sql.gz | kanon mask ...\"");
  }
  if (is("<?xml")) {
    return InvalidArgument("the input is XML (mysqldump --xml); dump in SQL form instead");
  }
  if (is("/*M!999999") || is("/*!999999") || is("-- MariaDB dump") || is("-- MySQL dump")) {
    return DumpFormat::kMysql;
  }
  std::string_view s = SkipBlankAndComments(head);
  if (s.empty() || is("--\n-- PostgreSQL database") || StartsWith(s, "SET statement_timeout") ||
      StartsWith(s, "\\restrict") || StartsWith(s, "\\connect") || StartsWith(s, "COPY ") ||
      StartsWith(s, "SET client_encoding") || StartsWith(s, "SELECT pg_catalog.")) {
    return DumpFormat::kPostgres;
  }
  std::string_view first_line = s.substr(0, s.find('\n'));
  bool backticks = first_line.find('`') != std::string_view::npos;
  if (StartsWith(s, "/*!") || StartsWith(s, "LOCK TABLES") ||
      ((StartsWith(s, "INSERT INTO ") || StartsWith(s, "CREATE TABLE ") ||
        StartsWith(s, "DROP TABLE ")) &&
       backticks)) {
    return DumpFormat::kMysql;
  }
  if (StartsWith(s, "CREATE ") || StartsWith(s, "BEGIN;") || StartsWith(s, "INSERT INTO ")) {
    return DumpFormat::kPostgres;
  }
  return InvalidArgument(
      "cannot tell the dump format from its first bytes; give --format "
      "postgres or --format mysql");
}

Result<MaskReport> MaskDump(const Policy& policy, const KeyedHash& key, ByteReader& in,
                            ByteWriter& out, const MaskOptions& options) {
  Input input(&in, options.chunk_bytes, options.max_row_bytes);
  Output output(&out);
  while (input.size() < 1024 && !input.eof()) RETURN_IF_ERROR(input.Refill(0).status());
  DumpFormat format = options.format;
  if (format == DumpFormat::kAuto) {
    ASSIGN_OR_RETURN(format, SniffFormat(std::string_view(input.data(), input.size())));
  }
  Masker masker(policy, key, options.limits);
  std::unique_ptr<DumpParser> parser;
  if (format == DumpFormat::kMysql) {
    parser = std::make_unique<MysqlParser>(input, output, masker);
  } else {
    parser = std::make_unique<PgParser>(input, output, masker);
  }
  Status run = parser->Run();
  Status fit = masker.Finish(run.ok());
  if (!run.ok() || !fit.ok()) {
    parser->Abort();
    (void)output.Flush();
    if (run.ok()) return fit;
    if (fit.ok()) return run;
    return Status(run.code(), fit.message() + "\nand then: " + run.message());
  }
  RETURN_IF_ERROR(output.Flush());
  MaskReport report;
  report.format = format;
  report.tables = masker.Stats();
  report.bytes_out = output.bytes();
  return report;
}

}  // namespace kanon::mask
