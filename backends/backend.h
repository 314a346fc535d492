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

class Backend {
public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;
  virtual CodeResult compile(const lir::Func& f) = 0;
  virtual void release(void* entry) = 0;
};

// The code generators built in, by name ("asmjit"): null for an unknown name.
std::unique_ptr<Backend> make_backend(std::string_view name);
std::string backend_names(); // "lsra, asmjit" for --help and usage errors
const char* default_backend(); // the first of them

std::unique_ptr<Backend> make_asmjit_backend(); // asmjit's Compiler and register allocator
std::unique_ptr<Backend> make_lsra_backend();   // own linear-scan allocation, asmjit's Assembler

} // namespace tributary::backends
