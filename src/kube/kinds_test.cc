// Kind resolution as kubectl does it: kinds, singular, plural and short names, group suffixes.

#include <gtest/gtest.h>

#include "kube/kube_api.h"

namespace kanon::kube {
namespace {

TEST(KindsTest, ResolvesEveryNameKubectlAccepts) {
  struct Case {
    const char* name;
    const char* resource;
    const char* group;
  };
  const Case cases[] = {
      {"StatefulSet", "statefulsets", "apps"},
      {"statefulset", "statefulsets", "apps"},
      {"statefulsets", "statefulsets", "apps"},
      {"sts", "statefulsets", "apps"},
      {"STS", "statefulsets", "apps"},
      {"statefulsets.apps", "statefulsets", "apps"},
      {"deploy", "deployments", "apps"},
      {"rs", "replicasets", "apps"},
      {"po", "pods", ""},
      {"Pod", "pods", ""},
      {"pods.v1", "pods", ""},
      {"cm", "configmaps", ""},
      {"pvc", "persistentvolumeclaims", ""},
      {"ns", "namespaces", ""},
      {"actionset", "actionsets", "cr.kanister.io"},
      {"ActionSets.cr.kanister.io", "actionsets", "cr.kanister.io"},
      {"profiles.v1alpha1.cr.kanister.io", "profiles", "cr.kanister.io"},
      {"blueprint", "blueprints", "cr.kanister.io"},
  };
  for (const Case& c : cases) {
    Result<KindInfo> k = ResolveKind(c.name);
    ASSERT_TRUE(k.ok()) << c.name << ": " << k.status().ToString();
    EXPECT_EQ(k->gvr.resource, c.resource) << c.name;
    EXPECT_EQ(k->gvr.group, c.group) << c.name;
  }
}

TEST(KindsTest, NamespacesAreClusterScoped) {
  EXPECT_FALSE(ResolveKind("ns")->namespaced);
  EXPECT_TRUE(ResolveKind("pods")->namespaced);
  EXPECT_EQ(ResolveKind("sts")->gvr.ApiVersion(), "apps/v1");
  EXPECT_EQ(ResolveKind("sts")->gvr.Qualified(), "statefulsets.apps");
}

TEST(KindsTest, UnknownNameSuggestsTheClosest) {
  Result<KindInfo> k = ResolveKind("statefulsset");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), Code::kNotFound);
  EXPECT_EQ(k.status().message(),
            "the server doesn't have a resource type \"statefulsset\"; did you mean "
            "\"statefulset\"?");
  EXPECT_FALSE(ResolveKind("pods.apps").ok());
  EXPECT_FALSE(ResolveKind("").ok());
}

}  // namespace
}  // namespace kanon::kube
