// helpers.h — runtime functions that compiled traces call ("residual calls").
//
// Every helper takes its boxed arguments as an array and returns a Value. A
// Python exception never unwinds through machine code: helpers catch it, park
// it (take_pending_exception) and return the exception marker, which the
// trace checks (GUARD_NOEXC) to leave through its snapshot; the interpreter
// then raises it at that instruction.
#pragma once

#include <string_view>

#include "runtime/value.h"

namespace tributary::jit::helpers {

using Helper = uint64_t (*)(const Value* args);

#define JIT_HELPER(name, effects, args) uint64_t name(const Value* a);
#include "jit/helpers.def"
#undef JIT_HELPER

Value exhausted(); // iter_next's result at the end (never a Python value)

// binary_op's operator word, beyond the op and inplace bit (0x100): an int
// operand that is a temporary of the trace's previous binary_op, whose
// storage the result may take (int_binary_reusing).
inline constexpr int64_t kReuseLeft = 0x200, kReuseRight = 0x400;

// The exception the last helper that returned the marker raised (empty when
// none is parked); parking it again clears it.
Value take_pending_exception();

// The helpers by name, in helpers.def order.
enum class HelperId : uint8_t {
#define JIT_HELPER(name, effects, args) name,
#include "jit/helpers.def"
#undef JIT_HELPER
  kCount
};

// What a helper may change (helpers.def): the optimizer keeps the facts a
// call cannot invalidate (loads and version guards around an allocation, the
// global-version guards of a loop whose calls run no Python code).
enum class Effects : uint8_t { Alloc, Writes, Any };

struct HelperInfo {
  const char* name;
  Helper fn;
  Effects effects;
};
const HelperInfo& helper_info(HelperId id);
// The helper called `name`, or null.
const HelperInfo* find_helper(std::string_view name);
// The effects of the helper at `fn` (Any for a function that is no helper).
Effects effects_of(const void* fn);

} // namespace tributary::jit::helpers
