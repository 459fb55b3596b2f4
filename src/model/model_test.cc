#include <gtest/gtest.h>

#include "model/types.h"
#include "value/json.h"
#include "value/yaml.h"

namespace kanon::model {
namespace {

TEST(ModelTest, DecodesActionSetWithKanisterFieldNames) {
  auto v = value::ParseYaml(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: ActionSet
metadata: {generateName: backup-, namespace: kanister}
spec:
  actions:
  - name: backup
    blueprint: pg
    object: {kind: StatefulSet, name: db, namespace: shop}
    profile: {name: fs, namespace: kanister}
    options: {a: b}
    artifacts: {cloud: {keyValue: {path: x}}}
)");
  auto a = DecodeActionSet(*v);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_EQ(a->actions.size(), 1u);
  EXPECT_EQ(a->actions[0].object.kind, "StatefulSet");
  EXPECT_EQ(a->actions[0].profile->name, "fs");
  EXPECT_EQ(a->actions[0].artifacts.at("cloud").key_value.at("path"), "x");
}

TEST(ModelTest, UnknownFieldsAreAllReportedWithPaths) {
  auto v = value::ParseYaml(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: ActionSet
spec:
  actions:
  - name: backup
    blueprnt: pg
    object: {kind: StatefulSet, nme: db}
)");
  auto a = DecodeActionSet(*v);
  ASSERT_FALSE(a.ok());
  const std::string& m = a.status().message();
  EXPECT_NE(
      m.find("spec.actions[0].blueprnt: unknown field \"blueprnt\"; did you mean \"blueprint\"?"),
      std::string::npos)
      << m;
  EXPECT_NE(m.find("spec.actions[0].object.nme"), std::string::npos) << m;
}

TEST(ModelTest, WrongTypesAreErrors) {
  auto v = value::ParseYaml(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
actions:
  backup:
    phases: {func: KubeTask}
)");
  auto b = DecodeBlueprint(*v);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("actions.backup.phases: expected a list of phases"),
            std::string::npos);
}

TEST(ModelTest, StatusEncodesKanisterShape) {
  ActionSetStatus s;
  s.state = kStateComplete;
  ActionStatus a;
  a.name = "backup";
  a.phases.push_back(PhaseStatus{"dump", kStateComplete, {}, {}});
  s.actions.push_back(a);
  auto json = value::ToJson(EncodeActionSetStatus(s));
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"estinatedTimeSeconds\":0"), std::string::npos) << *json;
  EXPECT_NE(json->find("\"deferPhase\":{\"name\":\"\""), std::string::npos) << *json;
  EXPECT_NE(json->find("\"object\":{\"apiVersion\":\"\""), std::string::npos) << *json;
  EXPECT_NE(json->find("\"percentCompleted\":\"0\""), std::string::npos) << *json;
}

TEST(ModelTest, ProfileDecodes) {
  auto v = value::ParseYaml(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Profile
metadata: {name: fs, namespace: kanister}
location: {type: filesystem, bucket: /tmp/x, prefix: backups}
credential:
  type: keyPair
  keyPair: {idField: id, secretField: key, secret: {name: creds, namespace: kanister}}
skipSSLVerify: false
)");
  auto p = DecodeProfile(*v);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->location.bucket, "/tmp/x");
  EXPECT_EQ(p->credential.key_pair.secret.name, "creds");
}

}  // namespace
}  // namespace kanon::model
