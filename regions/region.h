// region.h — the region engine's record of one region: a root (loop or
// function trace) with the bridges merged into it. How often each bytecode
// position was specialized and joined, the bridges it grew, and the profile
// windows of the profiling policies. The tracing core holds it without
// knowing it (CompiledTrace::region); only regions/ reads it.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tributary::regions {

struct Region {
  // Specialized versions of each bytecode position (the root's path plus every
  // bridge recorded through it) and bridges that joined there, by merge_key.
  std::unordered_map<uint64_t, uint32_t> versions, joins;
  uint32_t bridge_count = 0;         // bridges recorded from its exits (attached or separate)
  uint32_t frozen_bridges = 0;       // of them, compiled separately after the region was frozen
  std::vector<uint64_t> bridged_pcs; // the distinct exit positions behind them (merge_key)
  bool reformed = false;             // re-formed into a generically merged region (adaptive)
  bool profile_settled = false;      // re-formed for shifted profiles often enough: no more windows
  // Profiling policies: the current profile window's baselines (loop
  // iterations or entries, and each exit's arm_taken) and each arm's share
  // in the last window (-1: none yet).
  uint64_t window_start = 0;
  std::vector<uint64_t> window_arm;
  std::vector<double> arm_share;
};

} // namespace tributary::regions
