#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/kanon_commands.h"
#include "value/json.h"
#include "value/yaml.h"

namespace kanon::cli {

namespace fs = std::filesystem;

Result<std::vector<std::pair<std::string, value::Value>>> ReadManifests(
    const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
          found.push_back(e.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (p == "-" || fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      return NotFound("the path \"" + p + "\" does not exist");
    }
  }
  std::vector<std::pair<std::string, value::Value>> out;
  for (const auto& f : files) {
    std::stringstream ss;
    if (f == "-") {
      ss << std::cin.rdbuf();
    } else {
      std::ifstream in(f, std::ios::binary);
      if (!in) return NotFound("cannot read \"" + f + "\"");
      ss << in.rdbuf();
    }
    auto docs = value::ParseYamlStream(ss.str());
    if (!docs.ok()) return docs.status().WithContext(f);
    for (auto& d : *docs) {
      if (d.kind() != value::Kind::kMap) {
        return InvalidArgument(f + ": a manifest must be an object with apiVersion and kind");
      }
      const value::Value* items = d.Find("items");
      const value::Value* kind = d.Find("kind");
      if (items && items->kind() == value::Kind::kList && kind &&
          kind->kind() == value::Kind::kString && kind->AsString().ends_with("List")) {
        for (const auto& item : items->AsList()) out.emplace_back(f, item);
      } else {
        out.emplace_back(f, std::move(d));
      }
    }
  }
  return out;
}

}  // namespace kanon::cli
