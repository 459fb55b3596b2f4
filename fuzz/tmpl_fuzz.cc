// libFuzzer target for the template engine: parse and execute arbitrary templates against
// arbitrary JSON data, under small budgets, and require that nothing crashes, hangs, leaks or
// trips ASan/UBSan. Results (rendered text or error) are not checked: the differential suite
// does that.
//
// Input: PARAMS_JSON '\0' TEMPLATE. Without a NUL byte the whole input is the template and the
// dot is a small Kanister-shaped object (kDefaultParams), so that seeds stay short yet field
// chains, ranges and index calls reach real data. Params that do not parse, or are not an
// object, also fall back to kDefaultParams.
//
// Functions whose cost is not the engine's (RSA/ECDSA key and certificate generation) or that
// reach the network (getHostByName) are removed from the function map.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tmpl/func.h"
#include "tmpl/template.h"
#include "value/json.h"

namespace {

using kanon::value::Value;

constexpr std::string_view kDefaultParams = R"({
"StatefulSet":{"Name":"db","Namespace":"ns","Pods":["db-0","db-1"],"Containers":[["c","m"],["c"]],
 "PersistentVolumeClaims":{"db-0":{"data-db-0":"/data"},"db-1":{}}},
"Object":{"metadata":{"name":"db","labels":{"app.kubernetes.io/instance":"db","tier":"x"}},
 "spec":{"replicas":2},"status":{"ratio":0.5,"conditions":[{"type":"Ready","status":"True"}]}},
"Time":"2024-03-05T07:08:09.123456789Z",
"ArtifactsIn":{"a":{"KeyValue":{"path":"/p"}}},
"Profile":{"Location":{"Type":"s3Compliant","Bucket":"b","Endpoint":"","Prefix":"p/","Region":"r"},
 "Credential":{"Type":"keyPair","KeyPair":{"ID":"id","Secret":"s<&>"}},"SkipSSLVerify":false},
"Options":{"k":"v","empty":""},
"Phases":{"p":{"Secrets":{"s":{"Data":{"pw":"x"}}},"Output":{"o":"y","n":3}}},
"CurrentPhase":null,"Big":1e300,"Neg":-1,"List":[1,"a",null,true,2.5],"Map":{}
})";

const kanon::tmpl::FuncMap& FuzzFuncs() {
  static const kanon::tmpl::FuncMap* funcs = [] {
    auto* m = new kanon::tmpl::FuncMap(kanon::tmpl::KanisterFuncs());
    for (const char* name :
         {"genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
          "genSignedCert", "genSignedCertWithKey", "buildCustomCert", "getHostByName"}) {
      m->Remove(name);
    }
    return m;
  }();
  return *funcs;
}

const Value& DefaultParams() {
  static const Value* v = new Value(*kanon::value::ParseJson(kDefaultParams));
  return *v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view text = input;
  Value dot = DefaultParams();
  if (size_t nul = input.find('\0'); nul != std::string_view::npos) {
    text = input.substr(nul + 1);
    auto parsed = kanon::value::ParseJson(input.substr(0, nul));
    if (parsed.ok() && parsed->kind() == kanon::value::Kind::kMap) dot = *parsed;
  }

  kanon::tmpl::Options options;
  options.funcs = &FuzzFuncs();
  options.max_output_bytes = 1u << 20;
  options.max_depth = 200;
  options.max_steps = 200'000;

  auto tmpl = kanon::tmpl::Template::Parse("config", text, options);
  if (!tmpl.ok()) return 0;
  std::string out;
  (void)tmpl->Execute(dot, &out);
  return 0;
}
