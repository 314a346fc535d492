// chunks.h — positions of huge code where chunks start (jit/chunks.cpp).
#pragma once

#include <cstdint>

namespace tributary::vm {
struct Code;
} // namespace tributary::vm

namespace tributary::jit {

// Marks a code object huge (a recording of it in its own frame passed the
// trace limit): recordings of it are cut into chunks at the positions
// is_chunk_start accepts.
void mark_huge(vm::Code* co);
bool is_chunk_start(const vm::Code* co, uint32_t pc);
// Chunk boundaries (vm::Code::jit_chunk_pcs): where a recording was cut or a chunk starts.
void add_chunk_boundary(vm::Code* co, uint32_t pc);
bool is_chunk_boundary(const vm::Code* co, uint32_t pc);

} // namespace tributary::jit
