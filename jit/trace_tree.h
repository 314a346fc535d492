// trace_tree.h — attaching a bridge to its root loop trace.
//
// Policy `none` never merges paths, but a bridge of a loop trace ends by
// jumping to the loop header, as in PyPy. Instead of leaving through memory
// and re-entering the root, the bridge is appended to the root's CFG: the
// guard that exited branches to the bridge's block, the bridge reads the
// values the guard's snapshot names (no reload), and its end passes the new
// slot values to the loop header's PHIs. The root is then re-optimized and
// recompiled as one unit. Paths still join only at the loop header.
#pragma once

#include <string>

#include "jit/ir.h"

namespace tributary::jit {

// Appends `bridge` (a Bridge trace ending in TO_ROOT) to `root` at the guard
// instruction `guard`. Returns "" on success, else why it cannot be attached
// (the caller then compiles the bridge on its own).
std::string attach_bridge(Trace& root, Ref guard, const Trace& bridge);

} // namespace tributary::jit
