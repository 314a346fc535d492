// engine.h — the region engine: what happens to a finished recording and to
// the regions it grows (jit/region_engine.h is its interface to the core).
//
// A root trace (loop or function) is optimized, lowered (lower.h) and compiled
// by the backend; a bridge is attached to its root's region (former.h) and the
// region recompiled whole, or, where the policy keeps it apart, compiled on
// its own. The engine keeps each region's record (region.h: versions and
// joins per merge point, bridges, profile windows), freezes regions past
// their compile budget, re-forms regions whose bridging looks exponential or
// whose profile shifted (adaptive), and invalidates regions whose code must
// not be entered again.
#pragma once

#include <memory>

#include "backends/backend.h"
#include "jit/jit.h"
#include "jit/region_engine.h"
#include "regions/merge_policy.h"

namespace tributary::regions {

std::unique_ptr<jit::RegionEngine> make_engine(jit::JitState& jit, const PolicySpec& policy,
                                               std::unique_ptr<backends::Backend> backend);

} // namespace tributary::regions
