// Label selectors: every operator, parse errors, and absent labels.

#include <gtest/gtest.h>

#include "kube/kube_api.h"
#include "kube/object.h"

namespace kanon::kube {
namespace {

Value Labels(std::map<std::string, std::string> m) { return StringMapValue(m); }

TEST(LabelSelectorTest, OperatorsMatchLikeApimachinery) {
  const Value labels = Labels({{"app", "db"}, {"tier", "backend"}, {"gen", "7"}});
  struct Case {
    const char* selector;
    bool matches;
  };
  const Case cases[] = {
      {"", true},
      {"app=db", true},
      {"app==db", true},
      {"app=web", false},
      {"app!=web", true},
      {"app!=db", false},
      {"missing!=x", true},
      {"app in (web, db)", true},
      {"app in (web)", false},
      {"missing in (x)", false},
      {"app notin (web)", true},
      {"app notin (db,web)", false},
      {"missing notin (x)", true},
      {"app", true},
      {"missing", false},
      {"!missing", true},
      {"!app", false},
      {"gen>5", true},
      {"gen>7", false},
      {"gen<8", true},
      {"app>1", false},
      {"app=db,tier=backend", true},
      {" app = db , tier in (backend) ", true},
      {"app=db,tier=frontend", false},
      {"app=", false},
  };
  for (const Case& c : cases) {
    Result<LabelSelector> s = LabelSelector::Parse(c.selector);
    ASSERT_TRUE(s.ok()) << c.selector << ": " << s.status().ToString();
    EXPECT_EQ(s->Matches(labels), c.matches) << c.selector;
  }
}

TEST(LabelSelectorTest, EmptyValueMatchesAnEmptyLabel) {
  Result<LabelSelector> s = LabelSelector::Parse("app=");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->Matches(Labels({{"app", ""}})));
}

TEST(LabelSelectorTest, NilLabelsMatchOnlyNegativeTerms) {
  EXPECT_TRUE(LabelSelector::Parse("!a,b!=c,d notin (e)")->Matches(Value()));
  EXPECT_FALSE(LabelSelector::Parse("a")->Matches(Value()));
  EXPECT_TRUE(LabelSelector().Matches(Value()));
  EXPECT_TRUE(LabelSelector().empty());
  EXPECT_FALSE(LabelSelector::Parse("a")->empty());
}

TEST(LabelSelectorTest, RejectsMalformedSelectors) {
  for (const char* bad : {"app in (a", "app in a", "=x", "app x", "gen>x", "a,,b", "a=b c"}) {
    Result<LabelSelector> s = LabelSelector::Parse(bad);
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) {
      EXPECT_EQ(s.status().code(), Code::kInvalidArgument) << bad;
    }
  }
  EXPECT_NE(LabelSelector::Parse("app in (a").status().message().find("position 9"),
            std::string::npos);
}

}  // namespace
}  // namespace kanon::kube
