// gdb_jit.h — compiled code described to GDB through its JIT interface
// (--gdb-jit), so that backtraces and `info symbol` name each region.
#pragma once

#include <cstddef>
#include <string>

namespace tributary::backends::gdb_jit {

void add(const void* code, size_t size, const std::string& name); // code is now `name`
void remove(const void* code);                                     // code was freed

} // namespace tributary::backends::gdb_jit
