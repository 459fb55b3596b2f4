// From a resolved Profile to the object store it names, through exactly the JSON that
// `{{ toJson .Profile }}` renders and kando parses, so the engine and kando can never disagree
// on a profile.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "engine/function.h"
#include "engine/params.h"
#include "store/profile.h"

namespace kanon::engine {

// `{{ toJson .Profile }}` of `p`.
std::string ProfileJson(const ResolvedProfile& p);
Result<store::Profile> StoreProfile(const ResolvedProfile& p);
// Opens real stores (filesystem, S3, Azure) with store::OpenStore.
StoreOpener DefaultStoreOpener();

}  // namespace kanon::engine
