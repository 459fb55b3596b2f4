#include "cli/tmpl_cmd.h"

#include <CLI/CLI.hpp>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tmpl/template.h"
#include "value/json.h"

namespace kanon::cli {
namespace {

using value::Value;

Result<tmpl::MissingKey> ParseMissingKey(const std::string& s) {
  if (s == "error") return tmpl::MissingKey::kError;
  if (s == "zero") return tmpl::MissingKey::kZero;
  if (s == "default" || s == "invalid") return tmpl::MissingKey::kDefault;
  return InvalidArgument("--missingkey must be error, zero or default; got \"" + s + "\"");
}

Result<std::string> ReadInput(const std::string& path, std::istream& in) {
  std::stringstream ss;
  if (path == "-") {
    ss << in.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return NotFound("cannot read \"" + path + "\": " + std::strerror(errno));
  ss << f.rdbuf();
  return ss.str();
}

// Go's json.Encoder with SetEscapeHTML(false) for one string.
std::string JsonString(const std::string& s) {
  auto r = value::ToJson(Value(s), value::JsonOptions{.escape_html = false, .indent = ""});
  return r.ok() ? *r : "\"\"";
}

std::string ResultLine(const Result<std::string>& r, tmpl::ErrorPhase phase) {
  if (r.ok()) {
    if (r->empty()) return "{\"ok\":true}";
    return "{\"ok\":true,\"out\":" + JsonString(*r) + "}";
  }
  const char* p = phase == tmpl::ErrorPhase::kParse ? "parse" : "exec";
  return std::string("{\"ok\":false,\"phase\":\"") + p +
         "\",\"err\":" + JsonString(r.status().message()) + "}";
}

std::string InputError(const std::string& msg) {
  return "{\"ok\":false,\"phase\":\"input\",\"err\":" + JsonString(msg) + "}";
}

}  // namespace

CLI::App* AddTmplCommand(CLI::App* app, TmplFlags* flags) {
  CLI::App* cmd = app->add_subcommand(
      "tmpl",
      "Render a Go text/template with the Kanister function set (sprig v2.22, "
      "missingkey=error), exactly as a blueprint argument is rendered.\n"
      "Examples:\n"
      "  kanon tmpl --params params.json -t '{{ .StatefulSet.Name | upper }}'\n"
      "  kanon tmpl --params params.json --template backup.tmpl\n"
      "  kanon tmpl --batch < cases.jsonl   # one {\"params\":..,\"template\":..} per line");
  cmd->add_option("--params,-p", flags->params_file,
                  "JSON object used as the template's dot ('-' = stdin)");
  cmd->add_option("-t", flags->inline_text, "template text");
  cmd->add_option("--template,-f", flags->template_file, "file holding the template ('-' = stdin)");
  cmd->add_flag("--batch", flags->batch,
                "read JSONL cases on stdin, write one JSON result per line");
  cmd->add_option("--missingkey", flags->missing_key, "error (default), zero or default");
  return cmd;
}

void RunTmplBatch(const TmplFlags& flags, std::istream& in, std::ostream& out) {
  tmpl::Options options;
  auto mk = ParseMissingKey(flags.missing_key);
  if (mk.ok()) options.missing_key = *mk;
  std::string line;
  while (std::getline(in, line)) {
    auto parsed = value::ParseJson(line);
    if (!parsed.ok()) {
      out << InputError(parsed.status().message()) << '\n';
      continue;
    }
    if (parsed->kind() != value::Kind::kMap) {
      out << InputError("a case must be a JSON object") << '\n';
      continue;
    }
    std::string text;
    const Value* t = parsed->Find("template");
    if (t != nullptr && t->kind() == value::Kind::kString) text = t->AsString();
    Value params = Value::FromMap({});
    const Value* p = parsed->Find("params");
    if (p != nullptr && !p->is_nil()) {
      if (p->kind() != value::Kind::kMap) {
        out << InputError("params must be a JSON object") << '\n';
        continue;
      }
      params = *p;
    }
    tmpl::ErrorPhase phase;
    auto result = tmpl::Render(text, params, &phase, options);
    out << ResultLine(result, phase) << '\n';
  }
  out.flush();
}

int RunTmpl(const TmplFlags& flags, std::istream& in, std::ostream& out, std::ostream& err) {
  auto mk = ParseMissingKey(flags.missing_key);
  if (!mk.ok()) {
    err << "kanon tmpl: " << mk.status().message() << "\n";
    return 3;
  }
  if (flags.batch) {
    RunTmplBatch(flags, in, out);
    return 0;
  }
  Value params = Value::FromMap({});
  if (!flags.params_file.empty()) {
    auto text = ReadInput(flags.params_file, in);
    if (!text.ok()) {
      err << "input error: " << text.status().message() << "\n";
      return 3;
    }
    auto v = value::ParseJson(*text);
    if (!v.ok() || v->kind() != value::Kind::kMap) {
      err << "input error: " << flags.params_file << ": "
          << (v.ok() ? "params must be a JSON object" : v.status().message()) << "\n";
      return 3;
    }
    params = std::move(v).value();
  }
  std::string text = flags.inline_text;
  if (!flags.template_file.empty()) {
    auto t = ReadInput(flags.template_file, in);
    if (!t.ok()) {
      err << "input error: " << t.status().message() << "\n";
      return 3;
    }
    text = std::move(t).value();
  }
  tmpl::Options options;
  options.missing_key = *mk;
  tmpl::ErrorPhase phase;
  auto r = tmpl::Render(text, params, &phase, options);
  if (!r.ok()) {
    bool parse = phase == tmpl::ErrorPhase::kParse;
    err << (parse ? "parse error: " : "exec error: ") << r.status().message() << "\n";
    return parse ? 1 : 2;
  }
  out << *r;
  return 0;
}

}  // namespace kanon::cli
