// pipeline.h — the optimizer: passes over a trace CFG, in one fixed order.
#pragma once

#include <string>
#include <vector>

#include "jit/ir.h"

namespace tributary::jit {

// Every pass has this signature and lives in its own file.
using Pass = void (*)(Trace&);

struct PassInfo {
  const char* name;
  Pass run;
};

// The pipeline, in order (pipeline.cpp).
const std::vector<PassInfo>& passes();
// The distinct pass names, comma-separated in pipeline order (for --help).
std::string pass_names();
// The first name in a comma-separated list that names no pass, or "".
std::string unknown_pass(std::string_view list);

// Runs every pass not named in `disabled` (comma-separated), verifying the IR
// before the first and after the last (with `each_pass`, after each one, to
// name the pass that broke it: the tests and the fuzzer run that way, as
// verifying is a sixth of the optimizer's time per pass). Returns what is wrong
// with an invalid trace (then it must not be compiled), or "".
std::string optimize(Trace& t, std::string_view disabled = {}, bool each_pass = true);

// Checks SSA and snapshot well-formedness; returns "" or a description of the defect.
std::string verify(const Trace& t);

// ---- shared pass utilities (rewrite.cpp) -------------------------------------------
// Rewrites every use of r to fwd[r] (following chains) where fwd[r] != kNoRef.
void forward_uses(Trace& t, std::vector<Ref>& fwd);
// Rebuilds the trace keeping the instructions in `order` (a permutation of a
// subset); blocks are recomputed from `block_of`. Returns old -> new refs.
std::vector<Ref> reorder(Trace& t, const std::vector<Ref>& order, const std::vector<int32_t>& block_of);
// Blocks that dominate each block (dom[b][d]: d dominates b), over the edges
// block -> succ and guard -> target; block 0 is the entry.
std::vector<std::vector<bool>> dominators(const Trace& t);
// Drops instructions with keep[i] == false.
void compact(Trace& t, const std::vector<bool>& keep);
std::vector<int32_t> block_index(const Trace& t);
// Can a path that leaves through `guard` join the trace at instruction `at`
// without closing a cycle (a loop's back edges to its header do not count),
// with the code from `at` on entered only through `at`?
// `block_of` is block_index(t).
bool joins_forward(const Trace& t, const std::vector<int32_t>& block_of, Ref guard, Ref at);
// Per slot below `nslots`: does a loop trace keep it in the frame's memory,
// never loading it into a value before the loop (the recorder loads every
// slot a loop reads in the entry block; a slot the loop writes is carried by
// a header PHI)? Code may change such a slot by storing to it.
std::vector<bool> memory_resident(const Trace& t, int32_t nslots);

void pass_phis(Trace& t);
void pass_virtuals(Trace& t);
void pass_fold(Trace& t);
void pass_bounds(Trace& t);
void pass_cse(Trace& t);
void pass_licm(Trace& t);
void pass_dce(Trace& t);
void pass_ifconvert(Trace& t);

} // namespace tributary::jit
