#include "engine/store_profile.h"

#include "store/open_store.h"
#include "value/json.h"

namespace kanon::engine {

std::string ProfileJson(const ResolvedProfile& p) {
  auto j = value::ToJson(ProfileStruct(p));
  return j.ok() ? *j : "{}";
}

Result<store::Profile> StoreProfile(const ResolvedProfile& p) {
  return store::ParseProfile(ProfileJson(p));
}

StoreOpener DefaultStoreOpener() {
  return [](const ResolvedProfile& p) -> Result<std::unique_ptr<store::ObjectStore>> {
    ASSIGN_OR_RETURN(store::Profile sp, StoreProfile(p));
    return store::OpenStore(sp);
  };
}

}  // namespace kanon::engine
