// backend.h — the code-generator interface.
//
// A backend turns a low-level IR function (lir::Func: blocks of integer and
// float operations, loads and stores, calls of C functions, branches, PHIs at
// joins; see lir.def) into callable machine code of the form
// `int64_t code(void* arg0, void* arg1)`. It knows nothing of Python: the
// region lowering (regions/lower.cpp) spells out boxing, type guards and the
// exit protocol in LIR.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backends/lir.h"

namespace tributary::backends {

struct CodeResult {
  void* entry = nullptr;
  size_t size = 0;
  std::string error; // non-empty on failure
};

// Settings a backend may read (the JIT's parameters of the same names).
struct Options {
  int mir_level = 2;  // MIR's optimization level (0-3)
  int fail_every = 0; // tests: every Nth compilation of an optimizing backend is made to fail (0: none)
};

class Backend {
public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;
  virtual void configure(const Options&) {}
  virtual CodeResult compile(const lir::Func& f) = 0;
  virtual void release(void* entry) = 0;
  // Tiered backends: compile() is the quick first tier; compile_hot() the
  // optimizing one, for code that stayed hot. Its code is released by
  // release() like the other's.
  virtual bool tiered() const { return false; }
  virtual CodeResult compile_hot(const lir::Func& f) { return compile(f); }
  // The generator of one tier's code (for logs and the perf map).
  virtual const char* tier_name(bool hot) const { return name(); }
};

// The code generators built in, by name ("asmjit"): null for an unknown name.
// `mir` and `tiered` exist when MIR was found at build time (mir_built()).
std::unique_ptr<Backend> make_backend(std::string_view name);
std::string backend_names(); // "lsra, asmjit" for --help and usage errors
const char* default_backend(); // the first of them

std::unique_ptr<Backend> make_asmjit_backend(); // asmjit's Compiler and register allocator
std::unique_ptr<Backend> make_lsra_backend();   // own linear-scan allocation, asmjit's Assembler
bool mir_built();
std::unique_ptr<Backend> make_mir_backend(); // MIR's optimizing generator (when built)
// The first tier `quick`, and `hot` for code that stays hot.
std::unique_ptr<Backend> make_tiered_backend(std::unique_ptr<Backend> quick, std::unique_ptr<Backend> hot);

} // namespace tributary::backends
