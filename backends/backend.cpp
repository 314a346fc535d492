// backend.cpp — the registry of code generators: one row per backend built in.
#include "backends/backend.h"

namespace tributary::backends {

namespace {
struct BackendRow {
  const char* name;
  std::unique_ptr<Backend> (*make)();
};
constexpr BackendRow kBackends[] = {
    {"asmjit", make_asmjit_backend},
};
} // namespace

std::unique_ptr<Backend> make_backend(std::string_view name) {
  for (const BackendRow& b : kBackends)
    if (name == b.name) return b.make();
  return nullptr;
}

std::string backend_names() {
  std::string out;
  for (const BackendRow& b : kBackends) out += (out.empty() ? "" : ", ") + std::string(b.name);
  return out;
}

} // namespace tributary::backends
