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
// A loop of huge code averaging fewer iterations per entry from the
// interpreter is left to it (JitState::short_loop, loop_runs_long).
inline constexpr uint64_t kShortLoopTrips = 4;

// Huge code: a loop header's counter (re)starts at `counter` (0, or below 0
// when backing off); loop_runs_long, once the counter reaches `threshold`,
// tells whether the loop ran at least kShortLoopTrips back-edges per call
// of the code since then.
void restart_loop_count(vm::Code* co, uint32_t header, uint32_t counter);
bool loop_runs_long(const vm::Code* co, uint32_t header, uint32_t threshold);
// Notes the outcome of loop_runs_long; true when the loop was not found short before.
bool note_short_loop(vm::Code* co, uint32_t header, bool short_loop);
// Whether chunks of huge code are still worth recording: not once most of
// its chunk recordings were refused as mostly calls (CallBound).
bool chunks_pay(const vm::Code* co);

} // namespace tributary::jit
