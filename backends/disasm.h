// disasm.h — machine code listings for TRIBUTARY_LOG=jit-trace (capstone).
#pragma once

#include <cstddef>
#include <string>

namespace tributary::backends {

// Disassembles `size` bytes of x86-64 code at `code`.
std::string disassemble(const void* code, size_t size);

} // namespace tributary::backends
