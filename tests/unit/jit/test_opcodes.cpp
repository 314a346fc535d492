// test_opcodes.cpp — which opcodes the trace recorder takes, from opcodes.def.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vm/code.h"

using namespace tributary::vm;

TEST_CASE("every opcode is recordable") {
  // The recorder's switch (jit/recorder.cpp) has a case for every opcode
  // (-Werror=switch); the ones opcodes.def marks jit=No abort the recording
  // with UnsupportedOpcode. A generator's YIELD_VALUE ends its path like a
  // return (the interpreter suspends the frame), SEND is a helper call with
  // its outcome guarded, the coroutine opcodes and the two steps of except*
  // are helper calls (tests/scripts/jit/except_star_loops.py). None is left.
  const std::vector<std::string> waiting = {};
  std::vector<std::string> unsupported;
  for (size_t k = 0; k < static_cast<size_t>(Op::kCount); ++k) {
    const OpInfo& info = op_info(static_cast<Op>(k));
    if (info.jit == JitSupport::No) unsupported.emplace_back(info.name);
  }
  CHECK(unsupported == waiting);
}
