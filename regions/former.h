// former.h — the region former: attaching a bridge to its region.
//
// A region is a root trace (loop or function) plus the bridges attached to it,
// kept as one CFG in its raw (unoptimized) form and re-optimized and
// recompiled as a unit whenever it grows. A bridge starts at a guard of the
// region and ends in one of three ways:
//   TO_ROOT — it reached the loop header: it passes the new slot values to the
//             header's PHIs (a path of a trace tree, as in PyPy);
//   RET     — it returned from the function;
//   JOIN    — the merge policy let it join the region at a bytecode position
//             the region covers: the region's block is split there, PHIs are
//             added for the slots whose values differ, and every use of the
//             region's values dominated by the join reads the PHIs instead.
// The guard that exited then branches to the bridge's block.
#pragma once

#include <string>

#include "jit/jit.h"

namespace tributary::regions {

struct AttachResult {
  std::string error; // why the bridge could not be attached ("" on success)
  int phis = 0;      // PHIs added by a JOIN
  int widened = 0;   // of which Val PHIs joining values of other types (or control-flow constants)
  int checks = 0;    // guards added below the join for widened PHIs
  bool joined = false;
};

// Attaches `bridge` to `region` at the raw guard instruction `guard`.
AttachResult attach_bridge(jit::CompiledTrace& region, jit::Ref guard, const jit::CompiledTrace& bridge);

} // namespace tributary::regions
