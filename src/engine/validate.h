// Static checks of a Blueprint before anything runs (`kanon validate`): every template parses,
// every phase names a registered function with supported and required arguments, phase names
// are unique across the blueprint, `.Phases.X` references name an earlier phase of the same
// action, and every `.ArtifactsIn.X` an action reads is written by some action's
// outputArtifacts. All problems are reported at once, each with its location.
#pragma once

#include <string>
#include <vector>

#include "engine/function.h"
#include "model/types.h"

namespace kanon::engine {

std::vector<std::string> ValidateBlueprint(const model::Blueprint& bp, const Registry& registry);

}  // namespace kanon::engine
