// The Go struct types Kanister's templates see (param.TemplateParams and its parts), declared
// once as StructTypes so template field access, nil-pointer errors and toJson field names and
// order match Kanister. Immutable singletons; thread-safe.
#pragma once

#include <memory>

#include "value/value.h"

namespace kanon::engine::gotypes {

using TypePtr = std::shared_ptr<const value::StructType>;

const TypePtr& TemplateParams();     // param.TemplateParams
const TypePtr& StatefulSetParams();  // param.StatefulSetParams
const TypePtr& DeploymentParams();   // param.DeploymentParams
const TypePtr& DeploymentConfigParams();
const TypePtr& PVCParams();        // param.PVCParams {Name, Namespace}
const TypePtr& NamespaceParams();  // param.NamespaceParams {Name, Namespace}
const TypePtr& Phase();            // param.Phase {Secrets, ConfigMaps, Output}
const TypePtr& Profile();          // param.Profile {Location, Credential, SkipSSLVerify}
const TypePtr& Location();         // v1alpha1.Location (JSON tags type, bucket, ...)
const TypePtr& Credential();       // param.Credential
const TypePtr& KeyPair();          // param.KeyPair {ID, Secret}
const TypePtr& Artifact();         // v1alpha1.Artifact {KeyValue, KopiaSnapshot}
const TypePtr& Secret();           // v1.Secret
const TypePtr& ConfigMap();        // v1.ConfigMap

}  // namespace kanon::engine::gotypes
