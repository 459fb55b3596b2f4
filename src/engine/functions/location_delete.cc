// LocationDelete: deletes every object under an artifact path in the profile's location.
#include "engine/functions/builtin.h"
#include "engine/store_profile.h"
#include "store/open_store.h"

namespace kanon::engine::functions {
namespace {

class LocationDelete final : public Function {
 public:
  std::string_view name() const override { return "LocationDelete"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"artifact", ArgType::kString, true, {}, "path of the objects to delete (a prefix)"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    const auto& profile = ctx.params.profile();
    if (!profile) return FailedPrecondition("LocationDelete needs a profile in the ActionSet");
    if (!ctx.open_store) return FailedPrecondition("LocationDelete: no object store configured");
    std::string artifact = args.String("artifact");
    const std::string& bucket = profile->profile.location.bucket;
    // A leading bucket name is trimmed, as Kanister does.
    std::string rest = artifact;
    while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
    if (!bucket.empty() && rest.starts_with(bucket + "/")) rest = rest.substr(bucket.size() + 1);
    ASSIGN_OR_RETURN(store::Profile sp, StoreProfile(*profile));
    std::string prefix = store::KeyFor(sp, rest);
    ASSIGN_OR_RETURN(auto store, ctx.open_store(*profile));
    auto n = store->DeletePrefix(prefix);
    if (!n.ok()) return n.status().WithContext("LocationDelete \"" + prefix + "\"");
    if (ctx.log)
      ctx.log->Info("deleted objects", {{"prefix", prefix}, {"count", std::to_string(*n)}});
    return Value();
  }
};

}  // namespace

std::unique_ptr<Function> NewLocationDelete() { return std::make_unique<LocationDelete>(); }

}  // namespace kanon::engine::functions
