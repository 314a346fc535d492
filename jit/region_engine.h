// region_engine.h — the region layer as the tracing core sees it.
//
// The core (jit/: recorder, optimizer, exits, running machine code) records
// traces and counts; everything about regions is asked of the engine that
// regions/engine.cpp implements and the driver installs (JitState::engine):
// where a bridge may join, attaching or compiling a finished recording,
// profile windows and re-formation, invalidation. jit/ includes nothing of
// regions/ or backends/: this interface is the only way up.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "jit/compiled.h"

namespace tributary::jit {

// One slot live at a bridge's position.
struct LiveSlot {
  int32_t slot;
  Ref ref;      // the bridge's value; kNoRef: the bridge has not touched it
  bool inlined; // a slot of an inlined frame (no memory behind it)
};

// Where a bridge's recording stands, at an instruction boundary.
struct JoinQuery {
  const CompiledTrace& region;
  Ref guard; // the region's raw guard the bridge left from
  const Trace& bridge;
  uint32_t pc = 0, depth = 0;               // the position, in the innermost frame
  std::vector<SnapFrame> frames;            // the inlined frames around it
  uint32_t resume_pc = 0, resume_depth = 0; // where the trace's own frame resumes
  int32_t root_stack_base = 0;              // the trace's own frame's first stack slot
  std::vector<LiveSlot> live;
  // The region's block of every raw instruction and its dominators (kept by
  // the recorder across the boundaries of one recording).
  const std::vector<int32_t>& region_blocks;
  const std::vector<std::vector<bool>>& region_dom;
  // Whether the recorder decided control flow on the bridge's constant r.
  std::function<bool(Ref)> bridge_fold;
  // The bridge's constant for an inlined frame's local no path has bound.
  std::function<Ref()> unbound_value;
};

struct JoinChoice {
  int32_t bound = -1; // the region's boundary to join; -1: no join here
  std::vector<JoinSlot> plan;
  int widened = 0;                    // Val PHIs joining values of other types
  std::vector<std::string> widen_why; // one line per widened slot (TRIBUTARY_LOG=region)
  std::string note;                   // why it joins, or the first reason it cannot
};

// Counters over every region (root trace) compiled.
struct RegionCounters {
  uint64_t regions = 0, region_blocks = 0, merge_points = 0, versions_max = 0;
  uint64_t compiles_max = 0; // compilations of the most recompiled region
};

class RegionEngine {
public:
  virtual ~RegionEngine() = default;
  virtual std::string policy_name() const = 0; // "generalize", "cap:2", ...
  // Whether bridges may join regions (false: pure tracing, PyPy's trees).
  virtual bool merges() const = 0;
  // Whether loops count their iterations (the recorder adds the counter) and
  // merged arms their runs, for profile windows.
  virtual bool profiles() const = 0;
  // A bridge's recording, at an instruction boundary: may it end here by
  // joining its region, and how does each slot join?
  virtual JoinChoice plan_join(const JoinQuery& q) const = 0;
  // A finished recording: a root, or a bridge from side exit `parent`.
  // Attaches it to its region or compiles it; the JitState's traces own it.
  virtual void install(std::unique_ptr<CompiledTrace> t, ExitInfo* parent) = 0;
  // Root t's machine code is about to run (profile windows); called only
  // when `profiling` (every entry into compiled code checks it).
  virtual void entering(CompiledTrace* t) = 0;
  bool profiling = false;
  // Side exit e was taken trace_eagerness times: record its bridge now?
  // (False: not yet; or never, when its frozen region's bridge budget is
  // spent: then e is blacklisted.)
  virtual bool bridge_now(ExitInfo* e) = 0;
  // Side exit e's bridge waits in its region's IR (pending) and e was taken
  // region_batch times since: recompile the region with every pending bridge.
  virtual void flush(ExitInfo* e) = 0;
  // An EXIT that ends a path where another trace now starts (the next chunk
  // of huge code, a loop's trace): its trace is recompiled with a jump into
  // `target` in the EXIT's place, so no bridge is needed. False when the
  // trace cannot be changed (a loop's region, frozen, bridges pending).
  virtual bool link_exit(ExitInfo* e, CompiledTrace* target) = 0;
  // Stops entering root t; its machine code is freed once none runs.
  virtual void invalidate(CompiledTrace* t) = 0;
  // Tiered backends: roots and bridges start with the quick code generator;
  // promote() recompiles t with the optimizing one (false: not now, its code
  // is running further up the stack).
  virtual bool tiered() const = 0;
  virtual bool promote(CompiledTrace* t) = 0;
  virtual RegionCounters region_counters() const = 0;
  // One .dot (and .svg when Graphviz is installed) per compiled region.
  virtual void dump_regions(const std::string& dir) const = 0;
};

} // namespace tributary::jit
