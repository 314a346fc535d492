// compiled.h — compiled traces: what a recording becomes, its side exits,
// the join points a bridge may end at, and how machine code reports back.
//
// The recorder produces them, the region engine (regions/) attaches and
// compiles them, and the JitState (jit.h) runs them; this header knows none
// of those three.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "jit/ir.h"
#include "runtime/object.h"

namespace tributary::vm {
struct Code;
} // namespace tributary::vm

namespace tributary::regions {
struct Region; // what the region engine keeps per region (regions/region.h)
} // namespace tributary::regions

namespace tributary::jit {

enum class AbortReason : uint8_t {
#define ABORT_REASON(name, msg) name,
#include "jit/abort.def"
#undef ABORT_REASON
  kCount
};
const char* abort_message(AbortReason r);
const char* abort_name(AbortReason r);

struct RecordAbort {
  AbortReason reason;
  std::string detail;
};

struct CompiledTrace;

// How the runtime rebuilds one snapshot entry after a side exit.
struct ExitSlot {
  int32_t slot;
  IrType type;       // of the raw value in the exit buffer
  bool is_const;
  uint64_t bits;     // the boxed constant, when is_const
  int32_t value = 0; // where in the exit buffer its raw value is, when not
  // A virtual object (opt/virtuals.cpp): a frame slot that holds the exit's
  // virtual object number `virt`; with slot >= kVirtualSlots, part of that
  // object's description (its class and shape in `bits`, or an attribute).
  int32_t virt = -1;
};

struct ExitInfo {
  CompiledTrace* trace;
  CompiledTrace* root() const; // the root of the trace the exit is in (its region)
  int32_t index;              // position in trace->exits (the guard's exit_id)
  int32_t snap;
  uint32_t pc = 0;            // the exit's bytecode position
  uint32_t count = 0;
  bool exception = false;     // taken when a helper raised
  bool stale = false;         // a GUARD_WORD: failing means a version or epoch the code assumed changed
  bool terminal = false;      // an EXIT: the path ends in the interpreter (a raise or a yield), never bridged
  bool suspends = false;      // that EXIT is a generator's yield: the path's normal end, not a loss
  bool loop_wait = false;     // an EXIT at the header of a loop without a trace: bridged once the loop has one
  bool chunk_end = false;     // (with loop_wait) the EXIT where a recording of huge code was cut: the next chunk starts there
  bool tier_up = false;       // a loop's tier-up check (tiered backend): its region is promoted, never bridged
  bool blacklisted = false;   // bridge recording kept failing
  uint8_t bridge_attempts = 0;
  bool deinlined = false;          // (exits inside inlined calls) this exit de-inlined its callee
  uint64_t arm_taken = 0;          // (profiling policies) times its merged arm ran, counted by machine code
  std::vector<ExitSlot> restore;   // the snapshot's entries, in order
  int32_t virtuals = 0;            // virtual objects the exit builds (restore's virt 0 .. virtuals - 1)
  std::vector<SnapFrame> frames;   // inlined frames to rebuild (outermost first)
  int32_t frame_slots = 0;         // slots of the trace's own frame (inlined frames' slots follow)
  CompiledTrace* bridge = nullptr; // a separately compiled bridge
  bool attached = false;           // the bridge now lives in the trace's own CFG
  bool pending = false;            // ...in its IR, not yet in its machine code (region_batch)
  uint64_t taken = 0;              // times taken (count is reset when a recording aborts)
  bool deferred = false;           // the policy kept it a side exit at least once
  std::string no_bridge;           // why its last bridge failed (abort reason, attach or backend failure)
  bool no_join = false;            // a joining bridge could not attach: the next ones end as pure tracing's do
};

using MachineCode = int64_t (*)(Value* slots, struct ExitFrame* out);

// What machine code reports back.
enum ExitCode : int64_t { kReturned = 0, kSideExit = 1, kToLoop = 2, kSuspended = 3 };

struct ExitFrame {
  // (First: a helper call passes the frame's own address as its arguments'.)
  uint64_t scratch[16];      // helper arguments (boxed Values machine code writes; not initialized here)
  ExitInfo* exit = nullptr;
  Value result;
  uint64_t* values = nullptr; // exit buffer (raw snapshot values)
  CompiledTrace* next = nullptr; // kToLoop: the loop trace to continue in (null: the root)
};

// The recorder's abstract state at the start of one bytecode instruction of a
// root trace: where a bridge may join the region.
struct Boundary {
  uint32_t pc;
  int32_t ins;     // raw index of the instruction's first IR instruction (kNoRef: no longer a join point)
  uint32_t depth;  // value-stack depth
  std::vector<SnapEntry> state; // slot -> raw ref (slots not listed: the frame's memory)
  // Inside inlined calls: the trace's own frame resumes at resume_pc with
  // resume_depth values (after the outermost call) and `frames` are the
  // inlined frames (the innermost at pc, depth). Outside: pc, depth, {}.
  uint32_t resume_pc = 0, resume_depth = 0;
  std::vector<SnapFrame> frames;
  uint64_t key = 0; // merge point: pc, or pc within its inlined frame
};

// A merge point's key: its bytecode position, inside the inlined frames it is in.
inline uint64_t merge_key(uint32_t pc, const std::vector<SnapFrame>& frames) {
  uint64_t k = pc;
  for (const SnapFrame& f : frames)
    k = k * 0x9E3779B97F4A7C15ull ^ (f.func.bits() + (uint64_t(f.base) << 48) + (uint64_t(f.pc) << 32)) ^ (k >> 29);
  return k;
}

// How one slot is joined when a bridge ends by joining a region.
struct JoinSlot {
  // Phi: both paths hold values; MemPhi: the region's value is still in memory
  // (a Val PHI joins a load of it); LoadPhi/LoadSame: the bridge's value is in memory.
  enum Action : uint8_t { Phi, MemPhi, LoadPhi, LoadSame };
  int32_t slot;
  Action action;
  IrType type;        // PHI type (Phi, LoadPhi), or the guarded type (LoadSame: IrType::Val + const_bits)
  Ref region_ref;     // raw ref in the region at the join boundary
  Ref bridge_ref;     // ref in the bridge (or, if bridge_from_region, a region raw ref)
  bool bridge_from_region;
  uint64_t const_bits;
};

struct CompiledTrace {
  Trace raw;          // the region before optimization: what bridges attach to
  Trace ir;           // raw after the optimizer: what was compiled
  std::vector<Boundary> bounds;        // roots: join candidates (raw refs)
  std::vector<uint8_t> fold_used;      // raw-indexed: the recorder decided control flow on this constant
  int32_t join_bound = -1;             // bridges: the root boundary it joins, or -1
  std::vector<JoinSlot> join_plan;
  TraceKind kind;
  vm::Code* code;
  uint32_t start_pc;
  MachineCode entry = nullptr;
  size_t code_bytes = 0;
  std::vector<std::unique_ptr<ExitInfo>> exits; // per snapshot, stable addresses
  CompiledTrace* root = nullptr;                // the loop or function trace this hangs off
  // Invalidated traces have no machine code (entry null): whatever still
  // jumps to them (another trace's TO_ROOT) leaves through this exit, which
  // resumes the interpreter at the trace's start.
  std::unique_ptr<ExitInfo> entry_exit;
  // Profiling policies: loop iterations (counted by the loop's machine code).
  std::unique_ptr<uint64_t> iterations;
  double compile_seconds = 0; // optimizer + backend, over every (re)compilation
  uint32_t compiles = 0;
  int id = 0;
  uint64_t entries = 0; // times run() entered this root
  // Activations of its machine code on the C stack (a helper it calls runs
  // Python code that may run it again: recursion). While it is active it is
  // not recompiled: the new code would change the exits (their snapshots and
  // exit-buffer layout) that the running old code still takes.
  uint32_t active = 0;
  // Tiered backends: which code generator compiles it (kTierQuick until it
  // stays hot: `heat` entries into its code, or a loop's tier-up check
  // fails, the guard of exit `tier_exit` (`tier_guard` in the recorder's
  // IR); then kTierHot, or kTierStays when the optimizing generator refused
  // it or it is too big to be worth its compile time: compiled again by the
  // quick one without the check).
  uint8_t tier = 0;
  uint64_t heat = 0;
  Ref tier_guard = -1;
  int32_t tier_exit = -1;
  // Roots: the region engine's record of the region (regions/region.h).
  std::shared_ptr<regions::Region> region;
  // Past its compile budget (region_compiles, region_compile_ms) a region stops
  // growing: later bridges are compiled on their own, nothing joins it.
  bool frozen = false;
  // The safety net (JitState::left_for_good), over a window of demote_window
  // entries: exits to the interpreter that will get no bridge, and sampled
  // entries, those that spent demote_exit_ratio times more ticks handling
  // exits than in machine code, and the ticks of each.
  uint64_t window_entries = 0; // entries when the window started
  uint64_t dead_exits = 0, samples = 0, exit_bound = 0;
  uint64_t run_ticks = 0, exit_ticks = 0;
  void sample(uint64_t in_code, uint64_t exiting, int ratio);
  // Bridges: the positions recorded (up to the join), widened join slots, and
  // why the bridge joined or the first reason it could not (TRIBUTARY_LOG=region).
  std::vector<uint64_t> pcs;
  int join_widened = 0;
  std::string join_note;
};

inline constexpr uint8_t kTierQuick = 0, kTierHot = 1, kTierStays = 2;

inline CompiledTrace* ExitInfo::root() const { return trace->root ? trace->root : trace; }

} // namespace tributary::jit
