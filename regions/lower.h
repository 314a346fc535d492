// lower.h — a region's trace IR (Python-level: boxed values, type guards,
// 48-bit ints, snapshots) expanded into the backends' low-level IR.
//
// The code it produces has the form `int64_t code(Value* slots, ExitFrame* out)`
// (arguments 0 and 1) and returns one of kReturned, kSideExit, kToLoop,
// kSuspended:
//   - a guard's exit stores the raw machine value of each non-constant
//     snapshot entry into the buffer at out->values, at the value's index
//     (exit_values: one index per IR value, whichever exit stores it; the
//     runtime boxes them by IR type), stores the guard's exit handle and
//     returns kSideExit;
//   - RET stores the boxed result and returns kReturned;
//   - TO_ROOT writes its snapshot's values, boxed, into `slots`, stores the
//     loop trace to continue in and returns kToLoop;
//   - an EXIT where a generator yields writes its snapshot's values like
//     TO_ROOT (the frame is left as the interpreter's yield expects it),
//     stores its exit handle and returns kSuspended.
// All of the value encoding is spelled out here, from Value's own constants.
#pragma once

#include <string>
#include <vector>

#include "backends/lir.h"
#include "jit/ir.h"

namespace tributary::regions {

inline constexpr int64_t kReturned = 0, kSideExit = 1, kToLoop = 2, kSuspended = 3;

// Where the exit protocol's fields are in the ExitFrame (byte offsets).
struct ExitLayout {
  int32_t exit;    // the exit handle
  int32_t result;  // RET's value
  int32_t scratch; // helper arguments
  int32_t values;  // pointer to the buffer receiving an exit's raw values
  int32_t next;    // TO_ROOT's target trace (its imm; 0: the root)
};

// At most this many distinct values are live at a region's exits (the
// exit buffer's size, in words).
inline constexpr int32_t kMaxExitValues = 1 << 14;

// Lowers `t`. exit_handles[i] is what guard i stores when it exits;
// exit_values[r] is where in the exit buffer IR value r is stored (-1: no exit
// stores it). Returns ""
// or why the trace cannot be lowered (a bug: the verifier accepted it); with
// `verify`, also what lir::verify finds in the result (the JIT checks under
// TRIBUTARY_JIT_STRICT, which the tests and the fuzzer set: about 5% of the
// backend's time otherwise).
std::string lower(const jit::Trace& t, const std::vector<void*>& exit_handles, const ExitLayout& layout,
                  lir::Func& out, std::vector<int32_t>& exit_values, bool verify = true);

} // namespace tributary::regions
