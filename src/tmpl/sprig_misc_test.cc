// sprig's regex, semver, URL, encoding, path, random and crypto functions. Deterministic
// expectations come from the Go oracle; random and crypto outputs are checked for shape and
// round trips.
#include <openssl/pem.h>

#include "tmpl/sprig_test_util.h"

namespace kanon::tmpl::sprig_test {
namespace {

TEST(SprigRegexTest, OracleCases) {
  RunCases({
      {"regexMatch", {S("("), S("x")}, B(false), ""},
      {"regexFind", {S("a*"), S("baaa")}, S(""), ""},
      {"regexFindAll", {S("a*"), S("baaab"), I(-1)}, SL({S(""), S("aaa"), S("")}), ""},
      {"regexFindAll", {S(""), S("hé"), I(-1)}, SL({S(""), S(""), S("")}), ""},
      {"regexFindAll", {S("x"), S("abc"), I(-1)}, SL({}), ""},
      {"regexReplaceAll", {S("a(x*)b"), S("-ab-axxb-"), S("${1}W")}, S("-W-xxW-"), ""},
      {"regexReplaceAll", {S("a(x*)b"), S("-ab-axxb-"), S("$1W")}, S("---"), ""},
      {"regexReplaceAll", {S("a(?P<mid>x*)b"), S("-axxb-"), S("[$mid]")}, S("-[xx]-"), ""},
      {"regexReplaceAll", {S("(b)"), S("abc"), S("$01|${1|$$")}, S("a|${1|$c"), ""},
      {"regexReplaceAll", {S("a*"), S("baaac"), S("-")}, S("-b-c-"), ""},
      {"regexReplaceAllLiteral", {S("a(x*)b"), S("-axb-"), S("${1}")}, S("-${1}-"), ""},
      {"regexSplit", {S("x*"), S("axbxc"), I(-1)}, SL({S("a"), S("b"), S("c")}), ""},
      {"regexSplit", {S("z+"), S("pizza"), I(0)}, SL({}), ""},
      {"regexSplit", {S("a"), S(""), I(-1)}, SL({S("")}), ""},
      // Go reads an invalid byte as U+FFFD, so '.' matches it; results keep the original bytes.
      {"regexFindAll",
       {S("."),
        S("a\xff"
          "b"),
        I(-1)},
       SL({S("a"), S("\xff"), S("b")}),
       ""},
      {"regexReplaceAll",
       {S("(b)"),
        S("\xff"
          "b\xff"),
        S("[$1]")},
       S("\xff[b]\xff"),
       ""},
  });
}

TEST(SprigRegexTest, CompileErrorsReadLikeGo) {
  RunCases({
      {"regexFind",
       {S("("), S("x")},
       {},
       "regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"},
      {"regexFindAll",
       {S("a)"), S("x"), I(-1)},
       {},
       "regexp: Compile(`a)`): error parsing regexp: unexpected ): `a)`"},
      {"regexSplit",
       {S("*a"), S("x"), I(-1)},
       {},
       "regexp: Compile(`*a`): error parsing regexp: missing argument to repetition operator: "
       "`*`"},
      {"regexFind",
       {S("[z-a]"), S("x")},
       {},
       "regexp: Compile(`[z-a]`): error parsing regexp: invalid character class range: `z-a`"},
      {"regexFind",
       {S("(\x01"), S("x")},
       {},
       "regexp: Compile(\"(\\x01\"): error parsing regexp: missing closing ): `(\x01`"},
  });
}

TEST(SprigSemverTest, VersionsAndConstraints) {
  RunCases({
      {"semver", {S("1.2.3.4")}, {}, "Invalid Semantic Version"},
      {"semver", {S("1.2.3-01")}, {}, "Version segment starts with 0"},
      {"semverCompare", {S("^0.2.3"), S("0.3.0")}, B(false), ""},
      {"semverCompare", {S("1.1 - 1.3"), S("1.3.1")}, B(true), ""},
      {"semverCompare", {S("<1.0 || >=2.0"), S("2.5.0")}, B(true), ""},
      {"semverCompare", {S(">=1.0.0"), S("1.2.0-beta")}, B(false), ""},
      {"semverCompare", {S("!=1.2.x"), S("1.2.5")}, B(false), ""},
      {"semverCompare", {S("~>>1"), S("1.0.0")}, {}, "improper constraint: ~>>1"},
      {"semverCompare", {S(">1|2"), S("1.0.0")}, {}, "constraint Parser Error"},
  });
}

TEST(SprigSemverTest, VersionIsAPointerWithMethods) {
  Result<Value> v = Call("semver", {S("v1.2.3-rc.1+build.5")});
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->GoTypeName(), "*semver.Version");
  EXPECT_EQ(Show(*v), "*semver.Version(1.2.3-rc.1+build.5)");
  auto method = [&](std::string_view name, std::vector<Value> args) {
    const FuncDef* m = KanisterMethods().Find("*semver.Version", name);
    EXPECT_NE(m, nullptr) << name;
    args.insert(args.begin(), *v);
    return m == nullptr ? Result<Value>(Internal("missing")) : m->impl(args);
  };
  EXPECT_TRUE(*method("Major", {}) == Value::Uint(1));
  EXPECT_TRUE(*method("Prerelease", {}) == S("rc.1"));
  EXPECT_TRUE(*method("Original", {}) == S("v1.2.3-rc.1+build.5"));
  Result<Value> other = Call("semver", {S("1.2.3")});
  EXPECT_TRUE(*method("Compare", {*other}) == I(-1));
  EXPECT_TRUE(*method("LessThan", {*other}) == B(true));
  Result<Value> next = method("IncMinor", {});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->GoTypeName(), "semver.Version");
  EXPECT_EQ(Show(*next), "semver.Version(1.3.0)");
  EXPECT_EQ(method("Compare", {S("1.2.3")}).status().message(),
            "wrong type for value; expected *semver.Version; got string");
  EXPECT_EQ(KanisterMethods().Find("semver.Version", "Original"), nullptr);
}

TEST(SprigUrlTest, ParseAndJoin) {
  Result<Value> u = Call("urlParse", {S("https://user:p%40ss@example.com:8443/a%20b/c?x=1#f%20g")});
  ASSERT_TRUE(u.ok());
  EXPECT_TRUE(*u == M({{"fragment", S("f g")},
                       {"host", S("example.com:8443")},
                       {"hostname", S("example.com")},
                       {"opaque", S("")},
                       {"path", S("/a b/c")},
                       {"query", S("x=1")},
                       {"scheme", S("https")},
                       {"userinfo", S("user:p%40ss")}}))
      << Show(*u);
  Result<Value> joined = Call("urlJoin", {*u});
  ASSERT_TRUE(joined.ok());
  EXPECT_TRUE(*joined == S("https://user:p%40ss@example.com:8443/a%20b/c?x=1#f%20g"));
  RunCases({
      {"urlParse", {S(":foo")}, {}, "unable to parse url: parse \":foo\": missing protocol scheme"},
      {"urlParse",
       {S("http://host:8x/")},
       {},
       "unable to parse url: parse \"http://host:8x/\": invalid port \":8x\" after host"},
      {"urlJoin", {M({{"path", S("a:b")}})}, S("./a:b"), ""},
      {"urlJoin",
       {M({{"host", I(5)}})},
       {},
       "unable to parse host key, must be of type string, but int found"},
  });
}

TEST(SprigEncodingTest, OracleCases) {
  RunCases({
      {"b64enc", {S("héllo")}, S("aMOpbGxv"), ""},
      {"b64dec", {S("YWJj\nZGVm")}, S("abcdef"), ""},
      {"b64dec", {S("YQ")}, S("illegal base64 data at input byte 0"), ""},
      {"b64dec", {S("YQ==YQ==")}, S("illegal base64 data at input byte 4"), ""},
      {"b32enc", {S("a")}, S("ME======"), ""},
      {"b32dec", {S("ME=====")}, S("illegal base32 data at input byte 7"), ""},
      {"sha1sum", {S("abc")}, S("a9993e364706816aba3e25717850c26c9cd0d89d"), ""},
      {"adler32sum", {S("abc")}, S("38600999"), ""},
      {"base", {S("a/b/")}, S("b"), ""},
      {"dir", {S("/a/")}, S("/a"), ""},
      {"clean", {S("../../a/..")}, S("../.."), ""},
      {"ext", {S("a.b/c")}, S(""), ""},
      {"isAbs", {S("/a")}, B(true), ""},
      {"expandenv", {S("a $KANON_SPRIG_SURELY_UNSET ${} $ x$")}, S("a   $ x$"), ""},
  });
}

TEST(SprigRandomTest, LengthsAndAlphabets) {
  auto all_of = [](const Value& v, auto pred) {
    for (char c : v.AsString()) {
      if (!pred(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  Result<Value> alpha = Call("randAlpha", {I(64)});
  ASSERT_TRUE(alpha.ok());
  EXPECT_EQ(alpha->AsString().size(), 64u);
  EXPECT_TRUE(all_of(*alpha, [](unsigned char c) { return std::isalpha(c); }));
  Result<Value> num = Call("randNumeric", {I(64)});
  EXPECT_TRUE(all_of(*num, [](unsigned char c) { return std::isdigit(c); }));
  Result<Value> ascii = Call("randAscii", {I(64)});
  EXPECT_TRUE(all_of(*ascii, [](unsigned char c) { return c >= 32 && c <= 126; }));
  EXPECT_TRUE(*Call("randAlphaNum", {I(-1)}) == S(""));
  Result<Value> shuffled = Call("shuffle", {S("héllo")});
  EXPECT_EQ(shuffled->AsString().size(), std::string("héllo").size());
  Result<Value> uuid = Call("uuidv4", {});
  EXPECT_TRUE(*Call("regexMatch",
                    {S("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                     *uuid}) == B(true))
      << uuid->AsString();
}

TEST(SprigCryptoTest, AesRoundTripAndGoFailures) {
  Result<Value> enc = Call("encryptAES", {S("secret"), S("plain text")});
  ASSERT_TRUE(enc.ok());
  EXPECT_TRUE(*Call("decryptAES", {S("secret"), *enc}) == S("plain text"));
  RunCases({
      {"encryptAES", {S("k"), S("")}, S(""), ""},
      {"decryptAES",
       {S("k"), S("YWJj")},
       {},
       "runtime error: slice bounds out of range [:16] with capacity 3"},
      {"decryptAES",
       {S("k"), S("MDEyMzQ1Njc4OWFiY2RlZnh4eA==")},
       {},
       "crypto/cipher: input not full blocks"},
      {"decryptAES",
       {S("k"), S("MDEyMzQ1Njc4OWFiY2RlZg==")},
       {},
       "runtime error: index out of range [-1]"},
  });
}

TEST(SprigCryptoTest, KanisterRefusesNonFipsUses) {
  const std::string refusal = "is not allowed by kanister as it is not FIPS compatible";
  RunCases({
      {"derivePassword",
       {Value::Uint(1, GoType::kUint32), S("long"), S("p"), S("u"), S("s")},
       {},
       "sprig usage of 'derivePassword' " + refusal},
      {"genPrivateKey", {S("dsa")}, {}, "sprig usage of 'genPrivateKey for dsa key' " + refusal},
      {"genPrivateKey", {S("")}, {}, "sprig usage of 'genPrivateKey for  key' " + refusal},
  });
  Result<Value> ec = Call("genPrivateKey", {S("ecdsa")});
  ASSERT_TRUE(ec.ok());
  EXPECT_TRUE(ec->AsString().starts_with("-----BEGIN EC PRIVATE KEY-----\n"));
  Result<Value> ed = Call("genPrivateKey", {S("ed25519")});
  EXPECT_TRUE(ed->AsString().starts_with("-----BEGIN PRIVATE KEY-----\n"));
}

TEST(SprigCryptoTest, PlainSprigDerivesPasswords) {
  FuncMap plain;
  RegisterSprig(&plain, nullptr);
  std::vector<Value> args = {Value::Uint(1, GoType::kUint32), S("long"), S("password"), S("user"),
                             S("example.com")};
  Result<Value> pw = plain.Find("derivePassword")->impl(args);
  ASSERT_TRUE(pw.ok());
  EXPECT_EQ(pw->AsString(), "ZedaFaxcZaso9*");  // the Go implementation's answer
}

TEST(SprigCryptoTest, CertificatesChainAndRoundTrip) {
  Result<Value> ca = Call("genCA", {S("my-ca"), I(30)});
  ASSERT_TRUE(ca.ok());
  EXPECT_EQ(ca->GoTypeName(), "sprig.certificate");
  const std::string& ca_cert = ca->Find("Cert")->AsString();
  EXPECT_TRUE(ca_cert.starts_with("-----BEGIN CERTIFICATE-----\n"));
  EXPECT_TRUE(ca->Find("Key")->AsString().starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
  Result<Value> leaf =
      Call("genSignedCert", {S("svc"), L({S("10.0.0.1")}), L({S("svc.local")}), I(10), *ca});
  ASSERT_TRUE(leaf.ok()) << leaf.status().message();
  // The leaf verifies against the CA.
  auto load = [](const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return x;
  };
  X509* ca_x = load(ca_cert);
  X509* leaf_x = load(leaf->Find("Cert")->AsString());
  ASSERT_NE(ca_x, nullptr);
  ASSERT_NE(leaf_x, nullptr);
  EXPECT_EQ(X509_verify(leaf_x, X509_get0_pubkey(ca_x)), 1);
  X509_free(ca_x);
  X509_free(leaf_x);
  Result<Value> custom = Call("buildCustomCert", {Call("b64enc", {S(ca_cert)}).value(),
                                                  Call("b64enc", {*ca->Find("Key")}).value()});
  ASSERT_TRUE(custom.ok());
  EXPECT_TRUE(*custom == *ca);
  RunCases({
      {"genSelfSignedCert",
       {S("x"), L({S("not-an-ip")}), Nil(), I(1)},
       {},
       "error parsing ip: not-an-ip"},
      {"genSelfSignedCert",
       {S("x"), Nil(), L({I(5)}), I(1)},
       {},
       "error processing alternate dns name: 5 is not a string"},
      {"genCAWithKey",
       {S("x"), I(1), S("garbage")},
       {},
       "parsing private key: no PEM data in input"},
      {"buildCustomCert", {S("!!"), S("x")}, {}, "unable to decode base64 certificate"},
  });
}

}  // namespace
}  // namespace kanon::tmpl::sprig_test
