// backend.h — the code-generator interface.
//
// A backend turns a trace CFG (jit::Trace: blocks of typed low-level ops,
// PHIs at joins, guards with exit snapshots) into callable machine code of the
// form `int64_t code(Value* slots, ExitFrame* out)`. It knows nothing about
// Python beyond the value encoding the ops spell out: a guard's exit stores
// the raw machine value of each non-constant snapshot entry, in entry order,
// into the exit buffer (the runtime boxes them by IR type and writes the
// slots), stores the guard's exit handle and returns kSideExit; RET stores the
// result and returns kReturned; TO_ROOT writes its snapshot's values, boxed,
// into `slots` and returns kToLoop.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jit/ir.h"

namespace tributary::backends {

struct Abi {
  int32_t exit_offset;    // ExitFrame: where the exit handle goes
  int32_t result_offset;  // ExitFrame: RET's value
  int32_t scratch_offset; // ExitFrame: helper arguments
  int32_t values_offset;  // ExitFrame: pointer to the buffer receiving an exit's raw values
  int32_t next_offset;    // ExitFrame: TO_ROOT's target trace (its imm; 0: the root)
};

struct CodeResult {
  void* entry = nullptr;
  size_t size = 0;
  std::string error; // non-empty on failure
};

class Backend {
public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;
  // exit_handles[i] is stored into the ExitFrame when guard instruction i exits.
  virtual CodeResult compile(const jit::Trace& trace, const std::vector<void*>& exit_handles, const Abi& abi) = 0;
  virtual void release(void* entry) = 0;
};

// The code generators built in, by name ("asmjit"): null for an unknown name.
std::unique_ptr<Backend> make_backend(std::string_view name);
std::string backend_names(); // "asmjit, ..." for --help and usage errors

std::unique_ptr<Backend> make_asmjit_backend();

} // namespace tributary::backends
