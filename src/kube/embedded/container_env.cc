#include "kube/embedded/container_env.h"

#include <sys/stat.h>
#include <unistd.h>

#include <map>

#include "base/base64.h"
#include "kube/object.h"

extern char** environ;

namespace kanon::kube::embedded {
namespace {

// An environment being built: later definitions replace earlier ones in place.
class EnvBuilder {
 public:
  void Set(const std::string& name, const std::string& value) {
    auto it = index_.find(name);
    if (it == index_.end()) {
      index_[name] = entries_.size();
      entries_.push_back(name + "=" + value);
    } else {
      entries_[it->second] = name + "=" + value;
    }
  }
  std::string Get(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? "" : entries_[it->second].substr(name.size() + 1);
  }
  void SetEntry(const std::string& entry) {
    size_t eq = entry.find('=');
    if (eq != std::string::npos) Set(entry.substr(0, eq), entry.substr(eq + 1));
  }
  const std::vector<std::string>& entries() const { return entries_; }

 private:
  std::vector<std::string> entries_;
  std::map<std::string, size_t> index_;
};

// The value of a key in a Secret (base64 `data`) or ConfigMap (`data`, then `binaryData`).
std::optional<std::string> KeyOf(const Value& obj, std::string_view kind, const std::string& key) {
  if (kind == "Secret") {
    auto data = StringMapField(obj, {"data"});
    auto it = data.find(key);
    if (it == data.end()) return std::nullopt;
    return Base64Decode(it->second);
  }
  auto data = StringMapField(obj, {"data"});
  if (auto it = data.find(key); it != data.end()) return it->second;
  auto binary = StringMapField(obj, {"binaryData"});
  if (auto it = binary.find(key); it != binary.end()) return Base64Decode(it->second);
  return std::nullopt;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Resolves one valueFrom source; nullopt (with OK) for an optional reference that is missing.
Result<std::optional<std::string>> RefValue(const Value& pod, const Value& from,
                                            const ObjectLookup& lookup) {
  for (std::string_view kind : {"Secret", "ConfigMap"}) {
    const Value* ref = FindField(from, {kind == "Secret" ? "secretKeyRef" : "configMapKeyRef"});
    if (ref == nullptr) continue;
    std::string name = StringField(*ref, {"name"});
    std::string key = StringField(*ref, {"key"});
    const Value* optional = FindField(*ref, {"optional"});
    bool is_optional = optional && optional->kind() == value::Kind::kBool && optional->AsBool();
    const Value* obj = lookup(kind, name);
    if (obj == nullptr) {
      if (is_optional) return std::optional<std::string>();
      return FailedPrecondition(Lower(kind) + " \"" + name + "\" not found");
    }
    std::optional<std::string> v = KeyOf(*obj, kind, key);
    if (!v && !is_optional) {
      return FailedPrecondition("couldn't find key " + key + " in " + std::string(kind) + " " +
                                ObjectRef(NamespaceOf(pod), name));
    }
    return v;
  }
  if (const Value* ref = FindField(from, {"fieldRef"})) {
    std::string path = StringField(*ref, {"fieldPath"});
    if (path == "metadata.name") return std::optional(NameOf(pod));
    if (path == "metadata.namespace") return std::optional(NamespaceOf(pod));
    if (path == "metadata.uid") return std::optional(UidOf(pod));
    if (path == "spec.nodeName") return std::optional<std::string>("localhost");
    if (path == "spec.serviceAccountName") {
      return std::optional(StringField(pod, {"spec", "serviceAccountName"}));
    }
    if (path == "status.podIP" || path == "status.hostIP" || path == "status.podIPs") {
      return std::optional<std::string>("127.0.0.1");
    }
    for (std::string_view field : {"labels", "annotations"}) {
      std::string prefix = "metadata." + std::string(field) + "['";
      if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + 2) {
        std::string key = path.substr(prefix.size(), path.size() - prefix.size() - 2);
        auto m = StringMapField(pod, {"metadata", field});
        return std::optional(m.count(key) ? m[key] : "");
      }
    }
    return FailedPrecondition("unsupported fieldRef fieldPath \"" + path + "\"");
  }
  return std::optional<std::string>("");  // resourceFieldRef: no limits on the host
}

Status AddEnvFrom(const Value& container, const ObjectLookup& lookup, EnvBuilder* env) {
  for (const Value& src : ListField(container, {"envFrom"})) {
    std::string prefix = StringField(src, {"prefix"});
    for (std::string_view kind : {"Secret", "ConfigMap"}) {
      const Value* ref = FindField(src, {kind == "Secret" ? "secretRef" : "configMapRef"});
      if (ref == nullptr) continue;
      std::string name = StringField(*ref, {"name"});
      const Value* obj = lookup(kind, name);
      const Value* optional = FindField(*ref, {"optional"});
      if (obj == nullptr) {
        if (optional && optional->kind() == value::Kind::kBool && optional->AsBool()) continue;
        return FailedPrecondition(Lower(kind) + " \"" + name + "\" not found");
      }
      for (const auto& [key, ignored] : StringMapField(*obj, {"data"})) {
        if (auto v = KeyOf(*obj, kind, key)) env->Set(prefix + key, *v);
      }
    }
  }
  return OkStatus();
}

}  // namespace

std::string ExpandVars(std::string_view text, const std::vector<std::string>& env) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 >= text.size()) {
      out += text[i];
    } else if (text[i + 1] == '$') {
      out += '$';
      ++i;
    } else if (text[i + 1] == '(') {
      size_t close = text.find(')', i + 2);
      std::string name(text.substr(i + 2, close == std::string_view::npos ? 0 : close - i - 2));
      const std::string* found = nullptr;
      for (const std::string& e : env) {
        if (e.size() > name.size() && e.compare(0, name.size(), name) == 0 &&
            e[name.size()] == '=') {
          found = &e;
        }
      }
      if (close == std::string_view::npos || name.empty() || found == nullptr) {
        out += text[i];
        continue;
      }
      out += found->substr(name.size() + 1);
      i = close;
    } else {
      out += text[i];
    }
  }
  return out;
}

Result<std::vector<std::string>> ContainerEnv(const Value& pod, const Value& container,
                                              const ObjectLookup& lookup,
                                              const std::string& bin_dir) {
  EnvBuilder host;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) host.SetEntry(*e);
  host.Set("HOSTNAME", NameOf(pod));
  EnvBuilder own;
  RETURN_IF_ERROR(AddEnvFrom(container, lookup, &own));
  for (const Value& var : ListField(container, {"env"})) {
    std::string name = StringField(var, {"name"});
    if (name.empty()) continue;
    std::optional<std::string> v = ExpandVars(StringField(var, {"value"}), own.entries());
    if (const Value* from = FindField(var, {"valueFrom"})) {
      ASSIGN_OR_RETURN(v, RefValue(pod, *from, lookup));
      if (!v) continue;
    }
    own.Set(name, *v);
  }
  for (const std::string& e : own.entries()) host.SetEntry(e);
  std::string path = host.Get("PATH");
  if (path.empty()) path = "/usr/local/bin:/usr/bin:/bin";
  if (!bin_dir.empty()) path = bin_dir + ":" + path;
  host.Set("PATH", path);
  return host.entries();
}

Result<std::vector<std::string>> ContainerArgv(const Value& container,
                                               const std::vector<std::string>& env) {
  std::vector<std::string> argv;
  for (const char* field : {"command", "args"}) {
    if (argv.empty() && std::string_view(field) == "args") break;
    for (const Value& a : ListField(container, {field})) {
      argv.push_back(a.kind() == value::Kind::kString ? ExpandVars(a.AsString(), env) : "");
    }
  }
  if (argv.empty()) {
    return FailedPrecondition(
        "container \"" + StringField(container, {"name"}) +
        "\" has no command: the embedded cluster runs containers as host processes and cannot "
        "use the entrypoint of image \"" +
        StringField(container, {"image"}) + "\"; set `command`");
  }
  return argv;
}

Result<std::string> FindExecutable(const std::string& name, const std::vector<std::string>& env,
                                   const std::string& work_dir) {
  auto runnable = [](const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(p.c_str(), X_OK) == 0;
  };
  if (name.find('/') != std::string::npos) {
    std::string p = name[0] == '/' ? name : work_dir + "/" + name;
    if (runnable(p)) return p;
    return NotFound("exec: \"" + name + "\": stat " + name + ": no such file or directory");
  }
  std::string path;
  for (const std::string& e : env) {
    if (e.rfind("PATH=", 0) == 0) path = e.substr(5);
  }
  size_t start = 0;
  while (start <= path.size() && !name.empty()) {
    size_t colon = path.find(':', start);
    std::string dir = path.substr(start, colon == std::string::npos ? colon : colon - start);
    std::string candidate = (dir.empty() ? work_dir : dir) + "/" + name;
    if (runnable(candidate)) return candidate;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return NotFound("exec: \"" + name + "\": executable file not found in $PATH");
}

}  // namespace kanon::kube::embedded
