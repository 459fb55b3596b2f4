// Parser for Go text/template: tokens -> Trees, with Go's grammar, scoping of variables,
// function-name checks and error messages ("template: NAME:LINE: ..."). Not thread-safe while
// parsing; the resulting trees are immutable.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "tmpl/func.h"
#include "tmpl/node.h"

namespace kanon::tmpl {

using TreeSet = std::map<std::string, std::unique_ptr<Tree>, std::less<>>;

// Parses `text` as template `name`, adding it and its {{define}}/{{block}} templates to
// `trees` (Go's add rules: an empty definition never replaces a non-empty one; two non-empty
// definitions of one name are an error). Returns kInvalidArgument with Go's message.
Status ParseTemplate(std::string_view name, std::shared_ptr<const std::string> text,
                     const FuncMap& funcs, TreeSet* trees);

// strconv.Unquote for "..." and `...` literals; false on a malformed literal.
bool UnquoteGo(std::string_view quoted, std::string* out);

}  // namespace kanon::tmpl
