// jit.h — the JIT's process-wide state and its interface to the interpreter.
//
// The interpreter calls in at three places only: loop back-edges
// (on_backedge), function entry (function_entry / run_function_trace) and,
// while a recording is active in a frame, before each instruction
// (record_instruction). Compiled traces communicate with the interpreter
// through the frame's slot array: on a side exit the exit code writes every
// live value (boxed) back into the slots and the interpreter resumes at the
// snapshot's bytecode position.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/hooks.h"
#include "jit/ir.h"
#include "jit/params.h"
#include "runtime/object.h"

namespace tributary::vm {
struct Frame;
struct Code;
struct ExceptionEntry;
} // namespace tributary::vm

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
  bool blacklisted = false;   // bridge recording kept failing
  uint8_t bridge_attempts = 0;
  uint8_t inner_loop_waits = 0;    // recordings that reached a loop with no trace yet
  bool deinlined = false;          // (exits inside inlined calls) this exit de-inlined its callee
  uint64_t arm_taken = 0;          // (profiling policies) times its merged arm ran, counted by machine code
  std::vector<ExitSlot> restore;   // the snapshot's entries, in order
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
  ExitInfo* exit = nullptr;
  Value result;
  uint64_t scratch[16];      // helper arguments (boxed Values machine code writes; not initialized here)
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
  // Profiling policies: loop iterations (counted by the loop's machine code)
  // and the current profile window's baselines and the last window's shares.
  std::unique_ptr<uint64_t> iterations;
  uint64_t window_start = 0;
  std::vector<uint64_t> window_arm;   // per exit: arm_taken at the window's start
  std::vector<double> arm_share;      // per exit: share in the last window (-1: none yet)
  double compile_seconds = 0; // optimizer + backend, over every (re)compilation
  uint32_t compiles = 0;
  int id = 0;
  // Region counters (roots): specialized versions of each bytecode position
  // (the root's path plus every bridge recorded through it) and joins there.
  std::unordered_map<uint64_t, uint32_t> versions, joins; // by merge_key
  uint64_t entries = 0;              // times run() entered this root
  uint32_t bridge_count = 0;         // bridges recorded from its exits (attached or separate)
  uint32_t frozen_bridges = 0;       // of them, compiled separately after the region was frozen
  std::vector<uint64_t> bridged_pcs; // the distinct exit positions behind them (merge_key)
  bool reformed = false;             // re-formed into a generically merged region (adaptive)
  bool profile_settled = false;      // re-formed for shifted profiles often enough: no more windows
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

inline CompiledTrace* ExitInfo::root() const { return trace->root ? trace->root : trace; }

struct Stats {
#define JIT_COUNT(name, label) uint64_t name = 0;
#define JIT_TIME(name, label) double name = 0;
#include "jit/stats.def"
#undef JIT_COUNT
#undef JIT_TIME
  uint64_t aborts[static_cast<size_t>(AbortReason::kCount)] = {};
  std::map<std::string, uint64_t> calls_by_helper; // residual helper calls in recorded traces, by name
};

// One scalar statistic, in the order jit-summary, the JSON and
// tributary.jit_stats() list them.
struct StatValue {
  const char* key;
  const char* label;
  double value;
  bool seconds;
};

class Recorder;
class RegionEngine;

class JitState {
public:
  JitState();
  ~JitState();

  Params params;
  Stats stats;
  // The region layer (regions/engine.cpp): set by the driver before the JIT is enabled.
  std::unique_ptr<RegionEngine> engine;
  // Every trace compiled on its own (roots and separate bridges), in order.
  std::vector<std::unique_ptr<CompiledTrace>> traces;
  std::string log_spec; // TRIBUTARY_LOG
  std::string disabled_passes; // --jit-disable
  std::string dump_regions;    // --dump-regions=DIR
  bool strict = false;         // TRIBUTARY_JIT_STRICT=1: an internal error aborts (tests, fuzzer)
  // region_batch in exits: how often a pending bridge's exit is taken before its region is recompiled.
  int64_t batch_due() const { return static_cast<int64_t>(params.trace_eagerness) * params.region_batch / 100; }

  // A backward jump to `target` is about to execute in frame f. Returns the
  // compiled loop trace to enter, or null; may start a recording (then
  // `recording_in(f)` becomes true).
  CompiledTrace* on_backedge(vm::Frame* f, uint32_t target);
  // A call is entering `f` at its first instruction: returns its function trace
  // (or null) and may arrange for a recording of the call.
  CompiledTrace* on_function_entry(vm::Frame* f);

  // Runs compiled code starting with `t` on frame slots until it returns or
  // leaves through a side exit. Returns the side exit taken (null when the
  // code returned, with *result set).
  ExitInfo* run(CompiledTrace* t, Value* slots, Value* result);
  // After a side exit: maybe start recording a bridge in frame f.
  // start_pc: where the interpreter resumes (an exception exit's: its handler).
  void after_exit(ExitInfo* e, vm::Frame* f, uint32_t start_pc);
  // The safety net. An exit that handed its root's entry to the interpreter
  // and will get no bridge (blacklisted, terminal, an exception that leaves
  // the frame, the bridge budget spent) is counted against its root; once a
  // window of demote_window entries has passed, a root whose entries mostly
  // ended that way (demote_percent) and whose sampled entries spent
  // demote_exit_ratio times more time exiting than in machine code is
  // demoted: its code is dropped and its location blacklisted, so the
  // interpreter runs it. (The ratio cannot see what the interpreter would
  // spend on the same work: a loop that leaves for good on every iteration
  // after a little compiled work measured 1.9 and still ran 5-10% faster than
  // the interpreter, hence the default of 4.)
  void left_for_good(ExitInfo* e);
  // A sampled entry's exit is handled: its ticks since leaving machine code count as exiting.
  void end_sample();
  // After a side exit out of inlined calls (e->frames not empty): rebuilds the
  // inlined frames and runs them to completion in the interpreter, innermost
  // first; returns the outermost call's result, which the trace's own frame
  // pushes before resuming after that call. Exceptions propagate as from the call.
  // A frame entered as an operator's special method or a class's __init__
  // (SnapFrame::entry) finishes its instruction: NotImplemented goes on to the
  // reflected method, __init__'s result is the instance, and a FOR_ITER's
  // __next__ that raises StopIteration sets `exhausted` (the loop around the
  // outermost call ends).
  Value resume_inlined(ExitInfo* e, bool& exhausted);
  // vm::resume_function is about to run frame f (rebuilt after an exit from
  // inlined code): a bridge for that exit may start recording in it.
  void on_resume(vm::Frame* f);
  // f (a caller rebuilt from an exit) resumes after the inlined call a bridge
  // recording returned from: the recording goes on in f. False: none awaits.
  bool resume_caller(vm::Frame* f);

  bool recording_in(const vm::Frame* f) const;
  // The exception raised at idx in f, caught by h (or leaving f): the recording
  // follows it into the handler, or is aborted (false).
  bool recording_caught(vm::Frame* f, uint32_t idx, const vm::ExceptionEntry* h);
  // Records the instruction at pc (about to execute); false when the recording ended.
  bool record_instruction(vm::Frame* f, uint32_t pc, Value* sp);
  void abort_recording(AbortReason r, const std::string& detail = {});

  // The exception a helper raised, re-raised by the interpreter on the exit.
  Value pending_exception;

  // Counters over every region (root trace) compiled.
  struct RegionCounters {
    uint64_t regions = 0, region_blocks = 0, merge_points = 0, versions_max = 0;
    uint64_t compiles_max = 0; // compilations of the most recompiled region
  };
  RegionCounters region_counters() const;
  struct TopExit {
    std::string where; // qualname:pc
    uint64_t taken;
    bool bridged;
    std::string why; // (unbridged) why it has no bridge
  };
  std::vector<TopExit> top_exits(size_t n) const; // the n most taken side exits
  // Exits of live code taken more than params.hot_exit_report times that have
  // no bridge, most taken first, each with the reason.
  std::vector<TopExit> unbridged_exits() const;
  // Roots the safety net demoted to the interpreter, with the window that decided it.
  struct Demotion {
    std::string where; // qualname:pc
    uint64_t entries, dead_exits, samples, exit_bound;
  };
  std::vector<Demotion> demotions;
  std::string why_unbridged(const ExitInfo& e) const;
  // The n regions (roots) that cost the most compile time.
  std::vector<const CompiledTrace*> costliest_regions(size_t n) const;

  std::string policy_name() const; // the merge policy ("" before the engine is set)
  std::vector<StatValue> stat_values() const; // every scalar statistic, in order
  std::map<std::string, uint64_t> op_counts() const; // IR ops of the live machine code, by name
  std::string summary() const;
  std::string stats_json() const;
  void write_logs();
  void dump_region_files(); // one .dot (and .svg when `dot` exists) per compiled region

  void log_trace(const std::string& text);  // TRIBUTARY_LOG=jit-trace
  void log_region(const std::string& text); // TRIBUTARY_LOG=region
  // Machine code is running (somewhere up the C stack): replaced code must not be freed yet.
  bool running_code() const { return running_ > 0; }

private:
  std::string region_log_;
  int running_ = 0; // machine-code activations on the C stack
  // Counts one hit on `counter`; true when it reaches the threshold (doubled
  // after each aborted recording at `pc`) and `pc` is not blacklisted.
  bool hot_and_allowed(uint32_t& counter, const vm::Code* code, uint32_t pc, uint32_t threshold);

  std::unique_ptr<Recorder> rec_; // set through start_recording (it keeps hooks.h's flag)
  void start_recording(std::unique_ptr<Recorder> r);
  uint64_t sample_mark_ = 0;               // a sampled entry left machine code at this tick (0: none)
  CompiledTrace* sampled_root_ = nullptr;  // ...the root it entered,
  uint64_t sample_in_code_ = 0, sample_exiting_ = 0; // ...after these ticks in machine code and exiting
  std::vector<Value, traceable_allocator<Value>> inline_values_; // restored slots of inlined frames
  ExitInfo* resume_bridge_ = nullptr; // an exit from inlined code whose innermost frame records a bridge
  std::unordered_map<uint64_t, uint32_t> aborts_at_;  // (code, pc) -> aborted recordings
  std::unordered_map<uint64_t, uint32_t> stale_at_;   // (code, pc) -> roots invalidated as stale
  std::unordered_map<uint64_t, uint32_t> loop_exits_at_; // (code, pc) -> loop recordings that left the loop
  // An exit of a version or epoch guard about to get hot: the root's
  // assumptions no longer hold, so it is invalidated and re-recorded (a few
  // times per location; after that the exit is bridged like any other). True
  // when invalidated.
  bool invalidate_if_stale(ExitInfo* e);
  // An exit whose bridge waits in its region's IR (pending): counts it and
  // recompiles the region when due. True when e is pending (never recorded).
  bool flush_if_due(ExitInfo* e);
  std::string trace_log_;
  friend class Recorder;
};

JitState& jit();

} // namespace tributary::jit
