// RegisterSprig: the sprig function library as Kanister's build has it (Debian's sprig v3
// without the functions added after v2.22; the date functions come from sprig_dates.cc).
#include "tmpl/sprig_families.h"

namespace kanon::tmpl {

void RegisterSprig(FuncMap* funcs, MethodTable* methods) {
  sprig::RegisterStrings(funcs);
  sprig::RegisterCase(funcs);
  sprig::RegisterTextShape(funcs);
  sprig::RegisterConvert(funcs);
  sprig::RegisterDefaults(funcs);
  sprig::RegisterLists(funcs);
  sprig::RegisterDicts(funcs);
  sprig::RegisterMath(funcs);
  sprig::RegisterEncoding(funcs);
  sprig::RegisterOs(funcs);
  sprig::RegisterUrl(funcs);
  sprig::RegisterRegex(funcs);
  sprig::RegisterSemver(funcs, methods);
  sprig::RegisterCrypto(funcs);
  sprig::RegisterCerts(funcs);
}

}  // namespace kanon::tmpl
