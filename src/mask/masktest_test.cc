// Runs the cases of src/mask/testdata/*.masktest: a policy, an input dump, and either the
// expected output or the expected error. Each case runs with several read and buffer sizes, so
// every token, escape and row is split across refills somewhere, and must give the same bytes.
// KANON_UPDATE_MASKTEST=1 rewrites the expected outputs (review the diff).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mask/mask.h"

namespace kanon::mask {
namespace {

struct Case {
  std::string path;
  std::map<std::string, std::string> sections;  // "policy", "input", "output", "error"
  std::vector<std::string> order;
};

Case Load(const std::string& path) {
  Case c;
  c.path = path;
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string text = ss.str(), current;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t lf = text.find('\n', pos);
    size_t end = lf == std::string::npos ? text.size() : lf + 1;
    std::string_view line(text.data() + pos, end - pos);
    if (line.substr(0, 4) == "=== ") {
      current = std::string(line.substr(4, line.find_first_of("\r\n") - 4));
      c.order.push_back(current);
      c.sections[current];
    } else if (!current.empty()) {
      c.sections[current].append(line);
    }
    pos = end;
  }
  return c;
}

void Save(const Case& c) {
  std::ofstream f(c.path, std::ios::binary | std::ios::trunc);
  for (const std::string& name : c.order) f << "=== " << name << "\n" << c.sections.at(name);
}

struct Outcome {
  Status status;
  std::string output;
};

Outcome MaskWith(const Case& c, size_t chunk, size_t max_read) {
  auto policy = ParsePolicy(c.sections.at("policy"), "policy");
  if (!policy.ok()) return {policy.status(), ""};
  static const KeyedHash key("masktest-key-0123456789abcdef");
  StringReader in(c.sections.at("input"), max_read);
  StringWriter out;
  MaskOptions options;
  options.chunk_bytes = chunk;
  options.limits.command_batch = 3;
  auto r = MaskDump(*policy, key, in, out, options);
  return {r.status(), out.str()};
}

class MaskCaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MaskCaseTest, GivesTheExpectedOutputAtEveryBufferSize) {
  Case c = Load(GetParam());
  ASSERT_TRUE(c.sections.count("policy") && c.sections.count("input")) << c.path;
  Outcome base = MaskWith(c, 1 << 20, SIZE_MAX);
  if (c.sections.count("error")) {
    ASSERT_FALSE(base.status.ok()) << "expected an error; output:\n" << base.output;
    std::istringstream want(c.sections.at("error"));
    for (std::string line; std::getline(want, line);) {
      if (line.empty()) continue;
      EXPECT_NE(base.status.message().find(line), std::string::npos)
          << "missing: " << line << "\nin: " << base.status.message();
    }
    EXPECT_TRUE(base.output.empty() || base.output.find("kanon mask failed") != std::string::npos)
        << "a failed run must end its output with the abort marker";
  } else {
    ASSERT_TRUE(base.status.ok()) << base.status.message();
    std::string& want = c.sections["output"];
    if (want == "same\n") {
      EXPECT_EQ(base.output, c.sections.at("input")) << "identity policy changed bytes";
    } else if (std::getenv("KANON_UPDATE_MASKTEST") != nullptr && base.output != want) {
      want = base.output;
      Save(c);
    } else {
      EXPECT_EQ(base.output, want);
    }
  }
  for (auto [chunk, max_read] : {std::pair<size_t, size_t>{64, 7}, {16, 1}, {100, 33}}) {
    Outcome r = MaskWith(c, chunk, max_read);
    EXPECT_EQ(r.status.ToString(), base.status.ToString()) << "chunk " << chunk;
    EXPECT_EQ(r.output, base.output) << "chunk " << chunk << " read " << max_read;
  }
}

std::vector<std::string> Cases() {
  std::string dir = KANON_MASK_TESTDATA;
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".masktest") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Testdata, MaskCaseTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           std::string n = std::filesystem::path(info.param).stem().string();
                           for (char& ch : n) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace kanon::mask
