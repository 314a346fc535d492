// dot.h — Graphviz pictures of compiled regions (--dump-regions=DIR).
#pragma once

#include <string>

#include "jit/jit.h"

namespace tributary::regions {

// The region's CFG: blocks with their bytecode ranges and sizes, fallthrough
// and branch edges, joins with their PHIs, side exits with their counts.
std::string region_dot(const jit::CompiledTrace& t);

} // namespace tributary::regions
