#include "tmpl/func.h"

namespace kanon::tmpl {

namespace {

struct KanisterSet {
  FuncMap funcs;
  MethodTable methods;
  KanisterSet() {
    RegisterBuiltins(&funcs);
    RegisterSprig(&funcs, &methods);
    RegisterSprigDates(&funcs, &methods);
    RegisterKanisterRefusals(&funcs);
  }
};

const KanisterSet& Set() {
  static const KanisterSet* set = new KanisterSet();
  return *set;
}

}  // namespace

const FuncMap& KanisterFuncs() { return Set().funcs; }
const MethodTable& KanisterMethods() { return Set().methods; }

}  // namespace kanon::tmpl
