// chunks.cpp — huge code (seed 003): where recordings of a function too long
// for one trace may be cut into chunks and which positions are chunk
// boundaries; when the next chunk is recorded; the interpreter watching a
// frame for the next chunk after an exit; and the demotion of short loops
// of huge code. The recorder makes the cuts (Recorder::end_chunk), the
// region engine compiles chunks and links their ends (Engine::link_exit).
#include "jit/chunks.h"

#include <algorithm>

#include <fmt/format.h>

#include "jit/jit.h"
#include "jit/recorder.h"
#include "jit/region_engine.h"
#include "vm/code.h"
#include "vm/frame.h"

namespace tributary::jit {

using vm::Op;

// A chunk may start at the first instruction of a source line (a statement)
// outside every loop of the code, not at its entry: there the frame's value
// stack holds nothing of a loop or a `with` block (the recorder checks it is
// empty), so a chunk's entry state is the locals alone, and a loop's trace is
// never cut in two. Merge points inside an `if`/`else` qualify too: a chunk
// may begin in one arm, and a path through the other arm reaches the next
// chunk at the statement after the `if`.
void mark_huge(vm::Code* co) {
  co->jit_huge = true;
  std::vector<int32_t> depth(co->code.size() + 1, 0);
  for (uint32_t i = 0; i < co->code.size(); ++i)
    if (co->code[i].op == Op::JUMP && static_cast<uint32_t>(co->code[i].arg) <= i) {
      ++depth[co->code[i].arg]; // the loop's body: its header to its back-edge
      --depth[i + 1];
    }
  co->jit_huge_calls = 0;
  co->jit_loop_starts.resize(co->code.size());
  for (uint32_t i = 0; i < co->code.size(); ++i) restart_loop_count(co, i, co->jit_counters[i]);
  co->jit_chunk_starts.assign(co->code.size(), false);
  int32_t inside = 0;
  for (uint32_t i = 0; i < co->code.size(); ++i) {
    inside += depth[i];
    co->jit_chunk_starts[i] = i > 0 && inside == 0 && co->lines[i] != co->lines[i - 1];
  }
}

void add_chunk_boundary(vm::Code* co, uint32_t pc) {
  auto& pcs = co->jit_chunk_pcs;
  auto it = std::lower_bound(pcs.begin(), pcs.end(), pc);
  if (it == pcs.end() || *it != pc) pcs.insert(it, pc);
}

bool is_chunk_boundary(const vm::Code* co, uint32_t pc) {
  return std::binary_search(co->jit_chunk_pcs.begin(), co->jit_chunk_pcs.end(), pc);
}

// A chunk of calls takes a recording of chunk_limit instructions to find
// out; code whose chunks are all calls (a template's render: `_w(...)`,
// `str()`, `escape()` statement after statement) would pay it at every
// boundary, once per loop of the code (bench/template.py: 99 refused
// recordings of 1,500 instructions, 4 % of its run). After
// kRefusalsBeforeGivingUp refusals, and while refusals outnumber compiled
// chunks kRefusedPerKept to one, its next chunks are left to the interpreter.
bool chunks_pay(const vm::Code* co) {
  constexpr uint32_t kRefusalsBeforeGivingUp = 4, kRefusedPerKept = 4;
  return co->jit_chunks_refused < kRefusalsBeforeGivingUp ||
         co->jit_chunks_refused < kRefusedPerKept * co->jit_chunks_kept;
}

bool is_chunk_start(const vm::Code* co, uint32_t pc) {
  return co->jit_huge && pc < co->jit_chunk_starts.size() && co->jit_chunk_starts[pc];
}

// Huge code: whether the interpreter resuming after exit e (at start_pc) is
// where a chunk starts: the end of a chunk, or a loop's exit at a statement
// after the loop (the straight code there becomes a chunk, not a long bridge
// of the loop).
bool JitState::starts_chunk(const ExitInfo* e, const vm::Code* code, uint32_t start_pc) const {
  if (e->chunk_end) return true;
  if (!params.segmenting || !code->jit_huge || e->root()->kind != TraceKind::Loop || e->exception ||
      !e->frames.empty() || !is_chunk_start(code, start_pc))
    return false;
  return e->trace->ir.snaps[e->snap].stack_depth == 0;
}

void JitState::watch(vm::Frame* f, uint32_t resume_pc, bool at_end) {
  const vm::Code* co = f->code;
  if (!params.segmenting || !co->jit_huge || !chunks_pay(co) || (rec_ && rec_->frame() == f)) return;
  const auto& pcs = co->jit_chunk_pcs;
  auto it = at_end ? std::lower_bound(pcs.begin(), pcs.end(), resume_pc)
                   : std::upper_bound(pcs.begin(), pcs.end(), resume_pc);
  if (it == pcs.end()) return;
  watch_next_ = *it;
  watch_code_ = co;
  detail::watched = f;
}

bool JitState::watch_step(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter) {
  const vm::Code* co = f->code;
  if (co != watch_code_) { // (another frame at the address of one that returned while watched)
    detail::watched = nullptr;
    return false;
  }
  if (pc < watch_next_) return true;
  if (pc == watch_next_ && sp == f->stack_base() && pc < co->jit_loops.size()) {
    auto* t = static_cast<CompiledTrace*>(co->jit_loops[pc]);
    if (t && t->kind == TraceKind::Chunk) {
      *enter = t;
      ++stats.chunk_entries;
      detail::watched = nullptr;
      return false;
    }
    // A boundary whose chunk is not recorded yet (the path to it kept
    // leaving compiled code before its end): recorded from here.
    auto ab = aborts_at_.find(location_key(co, pc));
    if (!t && !rec_ && chunks_pay(co) &&
        (ab == aborts_at_.end() || ab->second < static_cast<uint32_t>(params.max_retries))) {
      detail::watched = nullptr;
      ++stats.recordings_started;
      start_recording(f, pc, TraceKind::Chunk, nullptr);
      return record_instruction(f, pc, sp, enter);
    }
  }
  // Past it (a jump over it), or not enterable: the next one after pc.
  const auto& pcs = co->jit_chunk_pcs;
  auto it = std::upper_bound(pcs.begin(), pcs.end(), pc);
  if (it == pcs.end()) {
    detail::watched = nullptr;
    return false;
  }
  watch_next_ = *it;
  return true;
}

bool JitState::after_recording(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter) {
  if (!params.segmenting || !f->code->jit_huge) return false;
  watch(f, pc, true);
  return detail::watched == f && watch_step(f, pc, sp, enter);
}

// In huge code the interpreter enters a loop's trace at the loop's first
// back-edge; a loop that then runs a few more iterations and leaves (a
// template's `for item in items` over three items) costs more entering and
// leaving machine code than those iterations take: bench/huge_function.py's
// 108 such loops made the JIT 10% slower than the interpreter, template's
// 100 loops 10%. Every 256 entries from the interpreter, a loop whose
// compiled iterations (its counter) average under kShortLoopTrips per entry
// is demoted. (Loops entered from chunks or bridges, jumping from machine
// code, are not counted as entries and keep their traces.)

// The same test before a loop of huge code is recorded at all: its header's
// counter reaching the threshold says how many back-edges it took, the
// code's calls meanwhile how many entries at most (a loop outside other
// loops is entered once per call; a nested one more often, and its
// estimate errs toward recording, short_loop then judging the trace).
// template's 100 loops of three items were each recorded, compiled, bridged
// and run 256 times before being demoted, twice (they were hot before
// render was known to be huge): 5 % of its run in the JIT.
void restart_loop_count(vm::Code* co, uint32_t header, uint32_t counter) {
  if (header >= co->jit_loop_starts.size()) return;
  vm::Code::LoopStart& s = co->jit_loop_starts[header];
  s.calls = co->jit_huge_calls;
  s.counter = static_cast<int32_t>(counter);
}

bool loop_runs_long(const vm::Code* co, uint32_t header, uint32_t threshold) {
  if (header >= co->jit_loop_starts.size()) return true;
  const vm::Code::LoopStart& s = co->jit_loop_starts[header];
  const int64_t back_edges = static_cast<int64_t>(threshold) - s.counter;
  return back_edges >= static_cast<int64_t>(kShortLoopTrips) * (co->jit_huge_calls - s.calls);
}

bool note_short_loop(vm::Code* co, uint32_t header, bool short_loop) {
  if (header >= co->jit_loop_starts.size()) return false;
  const bool first = short_loop && !co->jit_loop_starts[header].short_loop;
  co->jit_loop_starts[header].short_loop = short_loop;
  return first;
}

bool JitState::short_loop(CompiledTrace* t) {
  if (!t->entry || *t->iterations >= kShortLoopTrips * t->entries) return false;
  const std::string where = fmt::format("{}:{}", t->code->qualname, t->start_pc);
  demotions.push_back({where, t->entries, 0, 0, 0});
  ++stats.demoted;
  log_region(fmt::format("demote {} to the interpreter: a loop of huge code entered {} times from the interpreter "
                         "ran {} compiled iterations (under {} per entry)",
                         where, t->entries, *t->iterations, kShortLoopTrips));
  aborts_at_[location_key(t->code, t->start_pc)] = static_cast<uint32_t>(params.max_retries);
  engine->invalidate(t);
  return true;
}

} // namespace tributary::jit
