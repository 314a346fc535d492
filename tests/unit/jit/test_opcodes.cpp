// test_opcodes.cpp — which opcodes the trace recorder takes, from opcodes.def.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vm/code.h"

using namespace tributary::vm;

TEST_CASE("every opcode is recordable except the two that suspend a generator") {
  // The recorder's switch (jit/recorder.cpp) has a case for every opcode
  // (-Werror=switch); the ones opcodes.def marks jit=No abort the recording
  // with UnsupportedOpcode. What is left needs generator frames in traces
  // (the optimizer-depth work): shrink this list as they become recordable.
  const std::vector<std::string> waiting = {"YIELD_VALUE", "SEND"};
  std::vector<std::string> unsupported;
  for (size_t k = 0; k < static_cast<size_t>(Op::kCount); ++k) {
    const OpInfo& info = op_info(static_cast<Op>(k));
    if (info.jit == JitSupport::No) unsupported.emplace_back(info.name);
  }
  CHECK(unsupported == waiting);
}
