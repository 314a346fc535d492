// jit.h — the JIT's process-wide state: hot counters, the recording in
// progress, running machine code and handling its side exits. It defines the
// VM's hooks (vm/jit_hooks.h); regions are left to the region engine
// (region_engine.h) that the driver installs.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/compiled.h"
#include "jit/params.h"
#include "runtime/object.h"
#include "vm/jit_hooks.h"

namespace tributary::vm {
struct Frame;
struct Generator;
struct Code;
struct ExceptionEntry;
} // namespace tributary::vm

namespace tributary::jit {

struct Stats {
#define JIT_COUNT(name, label) uint64_t name = 0;
#define JIT_TIME(name, label) double name = 0;
#include "jit/stats.def"
#undef JIT_COUNT
#undef JIT_TIME
  uint64_t aborts[static_cast<size_t>(AbortReason::kCount)] = {};
  std::map<std::string, uint64_t> calls_by_helper; // residual helper calls in recorded traces, by name
  // Every code generation: its low-level IR's size, the generator and its
  // time (the --jit-stats JSON's "compilations": the latency tables of bench/).
  struct Compilation {
    uint32_t lir_ins, blocks;
    double seconds;
    const char* backend;
  };
  std::vector<Compilation> compilations;
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

// The key of a location (a loop header or a function's entry) in the JIT's tables.
inline uint64_t location_key(const vm::Code* c, uint32_t pc) { return (reinterpret_cast<uint64_t>(c) << 16) ^ pc; }

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
  // --perf-map: /tmp/perf-PID.map, one line per compiled machine code
  // (address, size, name), which perf reads to name JIT code in profiles.
  std::FILE* perf_map = nullptr;
  bool gdb_jit = false; // --gdb-jit: each compiled code described to GDB (backends/gdb_jit.h)
  void open_perf_map();
  void announce_code(const void* entry, size_t size, const std::string& name);
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
  // A loop of huge code that runs a few iterations per entry is demoted
  // (true: t was invalidated, the interpreter runs the loop).
  bool short_loop(CompiledTrace* t);
  // A sampled entry's exit is handled: its ticks since leaving machine code count as exiting.
  void end_sample();
  // After a side exit out of inlined calls (e->frames not empty): rebuilds the
  // inlined frames and runs them to completion in the interpreter, innermost
  // first; returns the outermost call's result, which the trace's own frame
  // pushes before resuming after that call. Exceptions propagate as from the call.
  // A frame entered as an operator's special method or a class's __init__
  // (SnapFrame::entry) finishes its instruction: NotImplemented goes on to the
  // reflected method, __init__'s result is the instance, and a FOR_ITER's
  // __next__ that raises StopIteration, or its generator's end, sets
  // `exhausted` (the loop around the outermost call ends). A generator's
  // frame is rebuilt in the generator itself (found on its caller's stack:
  // `root_slots` are the trace's own frame's) and run on to its next yield.
  Value resume_inlined(ExitInfo* e, Value* root_slots, bool& exhausted);
  // Writes an exit's state of an inlined generator frame into g (slots, pc,
  // depth, an exception to raise there) and runs it on (vm::generator_continue).
  bool resume_generator(vm::Generator* g, const Value* slots, uint32_t pc, uint32_t depth, Value exc, Value& out);
  // A generator's frame f resumes by a send: the recording follows a FOR_ITER into it.
  void on_generator_resume(vm::Frame* f);
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
  bool record_instruction(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter);
  // Huge code: after an exit, frame f (in the interpreter at resume_pc) is
  // watched until it reaches the start of a compiled chunk, which it enters
  // (at_end: the exit ended its path there, so a chunk at resume_pc counts;
  // else the exit's own trace may start there and failed at once).
  void watch(vm::Frame* f, uint32_t resume_pc, bool at_end);
  void abort_recording(AbortReason r, const std::string& detail = {});

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
  // Tiered backends: entries into a trace's code before it is promoted to
  // the optimizing tier (0: the backend is not tiered).
  uint64_t tier_up_entries = 0;

private:
  std::string region_log_;
  int running_ = 0; // machine-code activations on the C stack
  // Counts one hit on `counter`; true when it reaches the threshold (doubled
  // after each aborted recording at `pc`) and `pc` is not blacklisted.
  // A hit may weigh more than one (a call of a long function, call_weight).
  bool hot_and_allowed(uint32_t& counter, const vm::Code* code, uint32_t pc, uint32_t threshold, uint32_t weight = 1);
  bool starts_chunk(const ExitInfo* e, const vm::Code* code, uint32_t start_pc) const;
  bool loop_may_get_trace(const vm::Code* code, uint32_t header) const;

  std::unique_ptr<Recorder> rec_; // set through start_recording and end_recording (they keep jit_hooks.h's flag)
  void start_recording(vm::Frame* f, uint32_t start_pc, TraceKind kind, ExitInfo* parent);
  void end_recording();
  uint64_t sample_mark_ = 0;               // a sampled entry left machine code at this tick (0: none)
  CompiledTrace* sampled_root_ = nullptr;  // ...the root it entered,
  uint64_t sample_in_code_ = 0, sample_exiting_ = 0; // ...after these ticks in machine code and exiting
  std::vector<Value, traceable_allocator<Value>> inline_values_; // restored slots of inlined frames
  ExitInfo* resume_bridge_ = nullptr; // an exit from inlined code whose innermost frame records a bridge
  std::unordered_map<uint64_t, uint32_t> aborts_at_;  // (code, pc) -> aborted recordings
  std::unordered_map<uint64_t, uint32_t> stale_at_;   // (code, pc) -> roots invalidated as stale
  std::unordered_map<uint64_t, uint32_t> loop_exits_at_; // (code, pc) -> loop recordings that left the loop
  std::unordered_map<uint64_t, uint32_t> inner_handovers_; // (code, pc) -> loop recordings that met an inner loop without a trace
  // An exit of a version or epoch guard about to get hot: the root's
  // assumptions no longer hold, so it is invalidated and re-recorded (a few
  // times per location; after that the exit is bridged like any other). True
  // when invalidated.
  bool invalidate_if_stale(ExitInfo* e);
  // An exit whose bridge waits in its region's IR (pending): counts it and
  // recompiles the region when due. True when e is pending (never recorded).
  bool flush_if_due(ExitInfo* e);
  std::string trace_log_;
  uint32_t watch_next_ = 0;              // the watched frame's next chunk start
  const vm::Code* watch_code_ = nullptr; // ...and its code
  bool watch_step(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter);
  // A recording in f ended before instruction pc: huge code goes on watched
  // (a chunk that ended here is followed by the next one's recording at once).
  bool after_recording(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter);
};

JitState& jit();

} // namespace tributary::jit
