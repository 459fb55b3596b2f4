#include "engine/go_types.h"

namespace kanon::engine::gotypes {
namespace {

using value::StructField;
using value::StructType;

TypePtr Make(std::string name, std::vector<StructField> fields) {
  auto t = std::make_shared<StructType>();
  t->name = std::move(name);
  t->fields = std::move(fields);
  return t;
}

std::vector<StructField> Workload() {
  return {{"Name", "", false},
          {"Namespace", "", false},
          {"Pods", "", false},
          {"Containers", "", false},
          {"PersistentVolumeClaims", "", false}};
}

}  // namespace

const TypePtr& TemplateParams() {
  static const TypePtr t = Make("param.TemplateParams", {{"StatefulSet", "", false},
                                                         {"DeploymentConfig", "", false},
                                                         {"Deployment", "", false},
                                                         {"PVC", "", false},
                                                         {"Namespace", "", false},
                                                         {"ArtifactsIn", "", false},
                                                         {"ConfigMaps", "", false},
                                                         {"Secrets", "", false},
                                                         {"Time", "", false},
                                                         {"Profile", "", false},
                                                         {"Options", "", false},
                                                         {"Object", "", false},
                                                         {"Phases", "", false},
                                                         {"DeferPhase", "", false},
                                                         {"CurrentPhase", "", false},
                                                         {"PodOverride", "", false},
                                                         {"PodAnnotations", "", false},
                                                         {"PodLabels", "", false}});
  return t;
}

const TypePtr& StatefulSetParams() {
  static const TypePtr t = Make("param.StatefulSetParams", Workload());
  return t;
}
const TypePtr& DeploymentParams() {
  static const TypePtr t = Make("param.DeploymentParams", Workload());
  return t;
}
const TypePtr& DeploymentConfigParams() {
  static const TypePtr t = Make("param.DeploymentConfigParams", Workload());
  return t;
}
const TypePtr& PVCParams() {
  static const TypePtr t = Make("param.PVCParams", {{"Name", "", false}, {"Namespace", "", false}});
  return t;
}
const TypePtr& NamespaceParams() {
  static const TypePtr t =
      Make("param.NamespaceParams", {{"Name", "", false}, {"Namespace", "", false}});
  return t;
}
const TypePtr& Phase() {
  static const TypePtr t = Make(
      "param.Phase", {{"Secrets", "", false}, {"ConfigMaps", "", false}, {"Output", "", false}});
  return t;
}
const TypePtr& Profile() {
  static const TypePtr t =
      Make("param.Profile",
           {{"Location", "", false}, {"Credential", "", false}, {"SkipSSLVerify", "", false}});
  return t;
}
const TypePtr& Location() {
  static const TypePtr t = Make("v1alpha1.Location", {{"Type", "type", false},
                                                      {"Bucket", "bucket", false},
                                                      {"Endpoint", "endpoint", false},
                                                      {"Prefix", "prefix", false},
                                                      {"Region", "region", false}});
  return t;
}
const TypePtr& Credential() {
  static const TypePtr t = Make("param.Credential", {{"Type", "", false},
                                                     {"KeyPair", "", false},
                                                     {"Secret", "", false},
                                                     {"KopiaServerSecret", "", false}});
  return t;
}
const TypePtr& KeyPair() {
  static const TypePtr t = Make("param.KeyPair", {{"ID", "", false}, {"Secret", "", false}});
  return t;
}
const TypePtr& Artifact() {
  static const TypePtr t = Make("v1alpha1.Artifact", {{"KeyValue", "keyValue", true},
                                                      {"KopiaSnapshot", "kopiaSnapshot", true}});
  return t;
}
const TypePtr& Secret() {
  static const TypePtr t = Make("v1.Secret", {{"ObjectMeta", "metadata", false},
                                              {"Immutable", "immutable", true},
                                              {"Data", "data", true},
                                              {"StringData", "stringData", true},
                                              {"Type", "type", true}});
  return t;
}
const TypePtr& ConfigMap() {
  static const TypePtr t = Make("v1.ConfigMap", {{"ObjectMeta", "metadata", false},
                                                 {"Immutable", "immutable", true},
                                                 {"Data", "data", true},
                                                 {"BinaryData", "binaryData", true}});
  return t;
}

}  // namespace kanon::engine::gotypes
