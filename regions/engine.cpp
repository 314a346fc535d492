// engine.cpp — see engine.h.
#include "regions/engine.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "backends/disasm.h"
#include "backends/gdb_jit.h"
#include "jit/opt/pipeline.h"
#include "regions/dot.h"
#include "regions/former.h"
#include "regions/join_plan.h"
#include "regions/lower.h"
#include "regions/region.h"
#include "vm/code.h"

namespace tributary::regions {

using jit::AbortReason;
using jit::Boundary;
using jit::CompiledTrace;
using jit::ExitInfo;
using jit::ExitSlot;
using jit::Ins;
using jit::IrOp;
using jit::IrType;
using jit::kNoRef;
using jit::Ref;
using jit::kTierStays;
using jit::kTierHot;
using jit::kTierQuick;
using jit::SnapEntry;
using jit::Snapshot;
using jit::Trace;
using jit::TraceKind;

namespace {

// A root's record, made when it is first asked for.
Region& region(CompiledTrace* root) {
  if (!root->region) root->region = std::make_shared<Region>();
  return *root->region;
}

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Profiling policies: every arm that still branches (a guard with a target
// block: an attached bridge) counts its runs in its exit's arm_taken, at the
// start of its first block.
void add_arm_counters(Trace& t, const std::vector<std::unique_ptr<ExitInfo>>& exits) {
  std::vector<Ref> counted_block_exit(t.blocks.size(), kNoRef);
  bool any = false;
  for (const Ins& i : t.ins)
    if (i.is(jit::Guard) && i.target >= 0 && i.exit_id >= 0 && counted_block_exit[i.target] == kNoRef) {
      counted_block_exit[i.target] = i.exit_id;
      any = true;
    }
  if (!any) return;
  std::vector<int32_t> block_of = jit::block_index(t);
  std::vector<Ref> order;
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    const jit::Block& blk = t.blocks[b];
    Ref r = blk.begin;
    for (; r < blk.end && t.ins[r].op == IrOp::PHI; ++r) order.push_back(r);
    if (counted_block_exit[b] != kNoRef) {
      auto add = [&](Ins i) {
        t.ins.push_back(i);
        block_of.push_back(static_cast<int32_t>(b));
        order.push_back(static_cast<Ref>(t.ins.size()) - 1);
        return order.back();
      };
      uint64_t* counter = &exits[counted_block_exit[b]]->arm_taken;
      Ref addr = add({IrOp::KRAW, IrType::Raw, kNoRef, kNoRef, static_cast<int64_t>(reinterpret_cast<uintptr_t>(counter))});
      Ref one = add({IrOp::KRAW, IrType::Raw, kNoRef, kNoRef, 1});
      Ref n = add({IrOp::LOAD, IrType::Raw, addr, kNoRef, 0});
      Ref n1 = add({IrOp::ADD, IrType::Raw, n, one, 0});
      add({IrOp::STORE, IrType::None, addr, n1, 0});
    }
    for (; r < blk.end; ++r) order.push_back(r);
  }
  jit::reorder(t, order, block_of);
}

class Engine final : public jit::RegionEngine {
public:
  Engine(jit::JitState& jit, const PolicySpec& spec, std::unique_ptr<backends::Backend> backend)
      : jit_(jit), policy_(make_policy(spec, jit.params)), backend_(std::move(backend)) {
    profiling = policy_->profiles();
  }

  std::string policy_name() const override { return spec_name(policy_->spec()); }
  bool merges() const override { return policy_->merges(); }
  bool profiles() const override { return policy_->profiles(); }
  jit::JoinChoice plan_join(const jit::JoinQuery& q) const override { return regions::plan_join(q, *policy_); }
  void install(std::unique_ptr<CompiledTrace> t, ExitInfo* parent) override;
  void entering(CompiledTrace* t) override {
    if (t->kind != TraceKind::Bridge && !region(t).profile_settled) check_profile(t);
  }
  bool bridge_now(ExitInfo* e) override;
  void flush(ExitInfo* e) override;
  bool link_exit(ExitInfo* e, CompiledTrace* target) override;
  void invalidate(CompiledTrace* t) override;
  jit::RegionCounters region_counters() const override;
  void dump_regions(const std::string& dir) const override;
  bool tiered() const override { return backend_->tiered(); }
  bool promote(CompiledTrace* t) override;

private:
  jit::JitState& jit_;
  jit::Stats& stats() { return jit_.stats; }
  std::unique_ptr<MergePolicy> policy_;
  std::unique_ptr<backends::Backend> backend_;
  std::vector<void*> retired_; // replaced code, freed when no machine code runs
  // Regions whose IR holds bridges their machine code lacks (region_batch):
  // the region as it was before the first of them, and their exits.
  struct Pending {
    RegionCheckpoint before;
    std::vector<ExitInfo*> exits;
  };
  std::unordered_map<CompiledTrace*, Pending> pending_;
  // Re-formations for a shifted profile, per root position (code, pc): a
  // loop whose callers alternate between phases (deltablue's Plan.execute
  // over plans of different constraints) would be re-formed at every phase.
  std::map<std::pair<const void*, uint32_t>, uint32_t> profile_reforms_;

  // Creates exits for guards that have none, then (re)compiles t->ir.
  bool compile(CompiledTrace* t);
  bool try_attach(ExitInfo* parent, CompiledTrace* bridge);
  // Why `bridge` cannot become a path of its parent's region, or nullptr
  // (then *guard is the parent exit's guard in the region's raw IR).
  const char* attach_refusal(const ExitInfo* parent, const CompiledTrace* bridge, Ref* guard) const;
  // Recompiles root with its pending bridges; false (the region put back as
  // it was before them) when that fails.
  bool compile_pending(CompiledTrace* root);
  // Counts a bridge of `parent`'s root: versions of the positions it covers,
  // bridged exit positions, and (adaptive) the exponential-bridging check.
  void note_bridge(ExitInfo* parent, const CompiledTrace* bridge);
  void freeze_if_over_budget(CompiledTrace* root);
  // Closes t's profile window when it is full, and re-forms t when an arm's
  // share shifted (profiling policies).
  void check_profile(CompiledTrace* t);
  // A recompiled region starts a new window: one spanning the recompilation
  // would count the new arms for part of it only (adaptive re-formed a loop
  // over and over on that: an arm "went from 20% to 51%").
  void restart_profile(CompiledTrace* t);
  void retire_code(void* entry);
};

void Engine::install(std::unique_ptr<CompiledTrace> t, ExitInfo* parent) {
  if (parent && try_attach(parent, t.get())) return;
  if (parent && !parent->frames.empty()) {
    // A bridge from inside inlined calls runs only as part of its region.
    parent->no_bridge = "a bridge from inlined code could not join its region";
    if (++parent->bridge_attempts >= jit_.params.max_retries) parent->blacklisted = true;
    parent->count = 0;
    return;
  }
  if (parent && !t->join_note.empty())
    jit_.log_region(fmt::format("bridge from {}:{} {}", parent->trace->code->qualname, parent->pc, t->join_note));
  if (t->join_bound >= 0) {
    // A bridge that ends by joining cannot run on its own. In a loop the
    // next one from this exit does not join: it runs to the loop's header
    // (or returns, or goes on into another loop), as under pure tracing. (In
    // a function it would be a separate copy of the rest of the function per
    // exit, the exponential case merging exists for: such exits stay.)
    if (parent) {
      parent->no_bridge = "a joining bridge could not attach";
      CompiledTrace* root = parent->root();
      if ((parent->no_join || root->kind != TraceKind::Loop) && ++parent->bridge_attempts >= jit_.params.max_retries)
        parent->blacklisted = true;
      parent->no_join = root->kind == TraceKind::Loop;
      parent->count = 0;
    }
    return;
  }
  t->id = static_cast<int>(jit_.traces.size()) + 1;
  if (!compile(t.get())) { // (counted there: BackendFailure or an internal error)
    if (parent) {
      parent->blacklisted = true;
      parent->no_bridge = "compilation failed";
    }
    return;
  }
  CompiledTrace* raw = t.get();
  if (t->kind != TraceKind::Bridge) {
    Region& r = region(raw);
    for (const Boundary& b : t->bounds) r.versions[b.key] = 1;
  } else {
    note_bridge(parent, raw);
  }
  switch (t->kind) {
  case TraceKind::Loop:
    ++stats().loops;
    t->code->jit_loops[t->start_pc] = raw;
    break;
  case TraceKind::Function:
    ++stats().functions;
    t->code->jit_function = raw;
    break;
  case TraceKind::Chunk:
    ++stats().chunks;
    ++t->code->jit_chunks_kept;
    t->code->jit_loops[t->start_pc] = raw; // (entered from the traces that reach it, and by a watched frame)
    break;
  case TraceKind::Bridge:
    ++stats().bridges;
    parent->bridge = raw;
    if (parent->root()->frozen) ++region(parent->root()).frozen_bridges;
    break;
  }
  jit_.traces.push_back(std::move(t));
}

bool Engine::compile(CompiledTrace* t) {
  // One exit per guard of the raw region; existing exits keep their counters.
  for (Ins& in : t->raw.ins) {
    if (!in.is(jit::Guard) || in.snap < 0 || in.exit_id >= 0) continue;
    auto e = std::make_unique<ExitInfo>();
    e->trace = t;
    e->index = static_cast<int32_t>(t->exits.size());
    e->snap = in.snap;
    e->pc = t->raw.snaps[in.snap].pc;
    e->exception = in.op == IrOp::GUARD_NOEXC;
    e->stale = in.op == IrOp::GUARD_WORD;
    if (in.op == IrOp::EXIT && static_cast<jit::ExitEnd>(in.imm) == jit::ExitEnd::Loop) {
      e->loop_wait = true;
      e->no_bridge = "its path ends at a loop that has no trace yet";
    } else if (in.op == IrOp::EXIT && static_cast<jit::ExitEnd>(in.imm) == jit::ExitEnd::Chunk) {
      e->loop_wait = e->chunk_end = true;
      e->no_bridge = "its path ends where the next chunk starts, which has no trace yet";
      ++stats().chunk_cuts;
    } else if (in.op == IrOp::EXIT) {
      e->terminal = e->blacklisted = true;
      e->suspends = static_cast<jit::ExitEnd>(in.imm) == jit::ExitEnd::Suspend;
      e->no_bridge = e->suspends ? "the path ends in the interpreter (the generator yields)"
                                 : "the path ends in the interpreter (raise)";
    }
    in.exit_id = e->index;
    t->exits.push_back(std::move(e));
  }
  // A bug of the JIT's, never the program's: the trace is not compiled and the
  // program goes on in the interpreter. Tests and the fuzzer set
  // TRIBUTARY_JIT_STRICT=1 to make it fatal.
  auto internal_error = [&](const std::string& text) {
    ++stats().internal_errors;
    if (jit_.strict) {
      std::fprintf(stderr, "tributary: %s", text.c_str());
      std::abort();
    }
    if (!jit_.log_spec.empty()) jit_.log_trace(text);
    return false;
  };
  if (t->tier_guard != kNoRef) { // (the recorder's index: region forming renumbers later)
    ExitInfo* e = t->exits[t->raw.ins[t->tier_guard].exit_id].get();
    e->tier_up = e->blacklisted = true;
    e->no_bridge = "it is the loop's tier-up check (tiered backend)";
    t->tier_exit = e->index;
    t->tier_guard = kNoRef;
  }
  double t1 = now();
  t->ir = t->raw;
  if (t->tier != kTierQuick && t->tier_exit >= 0) // the check is the quick tier's only
    for (Ins& g : t->ir.ins)
      if (g.exit_id == t->tier_exit && g.op == IrOp::GUARD_TRUE) {
        g.op = IrOp::COPY;
        g.type = t->ir.ins[g.a].type;
        g.snap = -1;
        g.exit_id = -1;
      }
  if (std::string err = jit::optimize(t->ir, jit_.disabled_passes, jit_.strict); !err.empty())
    return internal_error(fmt::format("# internal error in {}:{}: {}\n{}", t->code->qualname, t->start_pc, err,
                                      jit::format_trace(t->ir)));
  stats().allocations_removed += t->ir.allocations_removed;
  if (policy_->profiles() && t->kind != TraceKind::Bridge) add_arm_counters(t->ir, t->exits);
  stats().optimize_seconds += now() - t1;
  t->compile_seconds += now() - t1;
  ++t->compiles;
  std::vector<void*> handles(t->ir.ins.size(), nullptr);
  for (size_t i = 0; i < t->ir.ins.size(); ++i) {
    Ins& in = t->ir.ins[i];
    if (in.exit_id < 0 || !in.is(jit::Guard) || in.snap < 0 || in.target >= 0) continue; // (a pass may have proven it away)
    ExitInfo* e = t->exits[in.exit_id].get();
    e->snap = in.snap;
    const Snapshot& snap = t->ir.snaps[in.snap];
    // A separately compiled bridge starts from the state it was recorded at;
    // if re-optimizing moved the guard (LICM hoists it, or stops hoisting it
    // once the region has joins) the exit resumes elsewhere, and the bridge
    // no longer fits: drop it (the exit may get a new one).
    uint32_t start_pc = snap.pc, start_depth = snap.stack_depth;
    if (e->exception) { // its bridge starts in the handler (jit::run_compiled)
      const vm::ExceptionEntry* h = t->code->find_handler(snap.pc);
      start_pc = h ? h->target : ~0u;
      start_depth = h ? h->depth + 1 : 0;
    }
    if (e->bridge && (e->bridge->start_pc != start_pc || e->bridge->raw.snaps[0].stack_depth != start_depth ||
                      !snap.frames.empty())) {
      jit_.log_region(fmt::format("bridge {} dropped: its exit now resumes at pc {}", e->bridge->id, snap.pc));
      e->bridge = nullptr;
      e->count = 0;
    }
    e->restore.clear();
    e->frames = t->ir.snaps[in.snap].frames;
    e->frame_slots = static_cast<int32_t>(t->code->nlocals + t->code->ncells() + t->code->max_stack);
    // The snapshot's virtual objects (opt/virtuals.cpp), by the ref that
    // stands for each in frame slots: its VNEW, or a carried one's PHI.
    const std::vector<SnapEntry>& entries = t->ir.snaps[in.snap].entries;
    std::vector<std::pair<Ref, int32_t>> virtuals;
    for (const SnapEntry& se : entries)
      if (jit::is_virtual_slot(se.slot) &&
          (jit::virtual_part(se.slot) == 0 ? t->ir.ins[se.ref].op == IrOp::VNEW
                                           : jit::virtual_part(se.slot) == jit::kVirtualStride - 1))
        virtuals.push_back({se.ref, jit::virtual_index(se.slot)});
    e->virtuals = 0;
    for (const SnapEntry& se : entries) {
      const Ins& v = t->ir.ins[se.ref];
      ExitSlot x{se.slot, v.type, v.is_value_const(), v.is_value_const() ? v.value_bits() : 0};
      if (jit::is_virtual_slot(se.slot)) { // a virtual object's class, shape or attribute
        x.virt = jit::virtual_index(se.slot);
        e->virtuals = std::max(e->virtuals, x.virt + 1);
        if (jit::virtual_part(se.slot) < 2) x = ExitSlot{se.slot, IrType::Raw, true, static_cast<uint64_t>(v.imm), 0, x.virt};
      } else {
        for (auto [ref, k] : virtuals)
          if (ref == se.ref) x = ExitSlot{se.slot, IrType::Val, true, 0, 0, k}; // a frame slot holding one
      }
      e->restore.push_back(x);
    }
    handles[i] = e;
    ++stats().guards;
  }
  const ExitLayout layout{
      static_cast<int32_t>(offsetof(jit::ExitFrame, exit)), static_cast<int32_t>(offsetof(jit::ExitFrame, result)),
      static_cast<int32_t>(offsetof(jit::ExitFrame, scratch)), static_cast<int32_t>(offsetof(jit::ExitFrame, values)),
      static_cast<int32_t>(offsetof(jit::ExitFrame, next))};
  double t0 = now();
  lir::Func low;
  std::vector<int32_t> exit_values;
  if (std::string err = lower(t->ir, handles, layout, low, exit_values, jit_.strict); !err.empty())
    return internal_error(fmt::format("# internal error in {}:{}: lowering: {}\n{}", t->code->qualname, t->start_pc,
                                      err, jit::format_trace(t->ir)));
  for (void* h : handles) {
    if (!h) continue;
    auto* e = static_cast<ExitInfo*>(h);
    const std::vector<SnapEntry>& entries = t->ir.snaps[e->snap].entries;
    if (e->suspends) { // its machine code writes the frame (kSuspended)
      e->restore.clear();
      continue;
    }
    for (size_t k = 0; k < entries.size(); ++k)
      if (!e->restore[k].is_const) e->restore[k].value = exit_values[entries[k].ref];
  }
  // One code generation, recorded (--jit-stats "compilations").
  auto generate = [&](bool hot) {
    const double tb = now();
    backends::CodeResult r = hot ? backend_->compile_hot(low) : backend_->compile(low);
    stats().compilations.push_back({static_cast<uint32_t>(low.ins.size()), static_cast<uint32_t>(low.blocks.size()),
                                    now() - tb, backend_->tier_name(hot)});
    return r;
  };
  const bool hot = t->tier == kTierHot;
  backends::CodeResult code = generate(hot);
  if (hot && !code.error.empty()) {
    // The optimizing tier refused it: the region stays with the quick one
    // (its code, compiled from the same low-level IR, has no tier-up check).
    ++stats().aborts[static_cast<size_t>(AbortReason::BackendFailure)];
    jit_.log_region(fmt::format("{} {}:{} stays with {}: {}", jit::kind_name(t->kind), t->code->qualname, t->start_pc,
                                backend_->tier_name(false), code.error));
    t->tier = kTierStays;
    code = generate(false);
  }
  const double seconds = now() - t0;
  stats().backend_seconds += seconds;
  t->compile_seconds += seconds;
  if (!code.error.empty()) {
    ++stats().aborts[static_cast<size_t>(AbortReason::BackendFailure)];
    if (!jit_.log_spec.empty()) jit_.log_trace(fmt::format("# backend failure: {}\n", code.error));
    return false;
  }
  if (t->tier == kTierHot) {
    ++stats().hot_compiles;
    stats().hot_seconds += seconds;
    stats().hot_code_bytes += code.size;
  }
  if (t->entry) retire_code(reinterpret_cast<void*>(t->entry));
  stats().code_bytes += code.size;
  if (jit_.perf_map || jit_.gdb_jit) { // the code's name for profilers and debuggers
    const vm::Code* c = t->code;
    const int line = t->start_pc < c->lines.size() ? c->lines[t->start_pc] : c->first_line;
    const size_t slash = c->filename.rfind('/');
    const std::string name =
        fmt::format("{} {}@{}:{} [{}, {} blocks, {}]", jit::kind_name(t->kind), c->qualname,
                    slash == std::string::npos ? c->filename : c->filename.substr(slash + 1), line, policy_name(),
                    t->ir.blocks.size(), backend_->tier_name(t->tier == kTierHot));
    jit_.announce_code(code.entry, code.size, name);
    if (jit_.gdb_jit) backends::gdb_jit::add(code.entry, code.size, name);
  }
  t->entry = reinterpret_cast<jit::MachineCode>(code.entry);
  t->code_bytes = code.size;
  stats().ops_optimized += t->ir.ins.size();
  if (policy_->profiles()) restart_profile(t);
  if (!jit_.log_spec.empty())
    jit_.log_trace(fmt::format("# trace {} ({}) {}:{} — {} ops, {} blocks, {} bytes\n{}\n", t->id,
                               jit::kind_name(t->kind),
                               t->code->qualname, t->start_pc, t->ir.ins.size(), t->ir.blocks.size(), code.size,
                               jit::format_trace(t->ir)) +
                   "low-level IR:\n" + lir::format(low) + "machine code:\n" +
                   backends::disassemble(code.entry, code.size) + "\n");
  return true;
}

bool Engine::link_exit(ExitInfo* e, CompiledTrace* target) {
  CompiledTrace* t = e->trace;
  // (A loop's region keeps its shape: a path that leaves it for another
  // trace stays a separate bridge, as in former.cpp.)
  if (t->kind == TraceKind::Loop || !t->entry || t->frozen || e->root()->frozen || pending_.count(t) ||
      !target->entry || t->active)
    return false;
  Ref g = kNoRef;
  for (size_t i = 0; i < t->raw.ins.size(); ++i)
    if (t->raw.ins[i].op == IrOp::EXIT && t->raw.ins[i].exit_id == e->index) g = static_cast<Ref>(i);
  if (g == kNoRef) return false;
  Ins& in = t->raw.ins[g];
  const Ins before = in;
  in.op = IrOp::TO_ROOT;
  in.imm = static_cast<int64_t>(reinterpret_cast<uintptr_t>(target));
  in.exit_id = -1;
  if (!compile(t)) {
    // (Its exits were renumbered for the code that failed: the trace is
    // compiled again as it was, so they match the code that stays.)
    in = before;
    compile(t);
    return false;
  }
  ++stats().linked_exits;
  e->no_bridge = "its trace now jumps into the trace at its position";
  jit_.log_region(fmt::format("linked exit {}:{} of {} {}:{} into {} {}:{} (recompiled)", t->code->qualname, e->pc,
                              jit::kind_name(t->kind), t->code->qualname, t->start_pc, jit::kind_name(target->kind),
                              target->code->qualname, target->start_pc));
  return true;
}

const char* Engine::attach_refusal(const ExitInfo* parent, const CompiledTrace* bridge, Ref* guard) const {
  const CompiledTrace* root = parent->trace;
  if (!jit_.params.attach_bridges) return "attach_bridges is 0";
  if (root->kind == TraceKind::Bridge) return "its exit belongs to a separate bridge";
  if (root->frozen) return "the region is frozen";
  if (root->raw.ins.size() + bridge->raw.ins.size() > static_cast<size_t>(jit_.params.trace_limit))
    return "the region would pass trace_limit";
  *guard = kNoRef;
  for (size_t i = 0; i < root->raw.ins.size(); ++i)
    if (root->raw.ins[i].exit_id == parent->index) *guard = static_cast<Ref>(i);
  if (*guard == kNoRef) return "its guard is not in the region's IR";
  // A guard the optimizer moved (LICM hoists invariant checks to the loop
  // entry, with the entry snapshot) exits elsewhere than its raw position.
  // (A copy of its snapshot with virtual objects described is the same one.)
  const int32_t origin = root->ir.snaps[parent->snap].origin;
  if (root->raw.ins[*guard].snap != (origin >= 0 ? origin : parent->snap)) return "the optimizer moved its guard";
  return nullptr;
}

bool Engine::try_attach(ExitInfo* parent, CompiledTrace* bridge) {
  CompiledTrace* root = parent->trace;
  // Loop bridges always become paths of the loop's region (they end at its
  // header, as in PyPy). A function's bridge joins its region only when the
  // merge policy let it join; otherwise it stays separate, as PyPy's do (and
  // the region is not recompiled for a path that adds no join).
  if ((root->kind == TraceKind::Function || root->kind == TraceKind::Chunk) &&
      (!policy_->merges() || bridge->join_bound < 0))
    return false;
  Ref guard = kNoRef;
  if (const char* why = attach_refusal(parent, bridge, &guard)) {
    if (bridge->join_bound >= 0)
      jit_.log_region(fmt::format("bridge kept separate at {}:{}: {}", root->code->qualname, parent->pc, why));
    return false;
  }
  AttachResult r = attach_bridge(*root, guard, *bridge);
  if (!r.error.empty()) {
    jit_.log_region(fmt::format("bridge kept separate at {}:{}: {}", root->code->qualname, parent->snap, r.error));
    return false;
  }
  // Recompiling the region whole for each bridge costs time quadratic in its
  // growth: the bridge waits in the IR until its exit is taken region_batch
  // more times, and bridges recorded meanwhile share that compilation.
  auto it = pending_.try_emplace(root, Pending{std::move(*r.before), {}}).first;
  it->second.exits.push_back(parent);
  parent->attached = parent->pending = true;
  parent->count = 0;
  if (jit_.batch_due() <= 0 && !compile_pending(root)) return false;
  ++stats().bridges;
  const uint32_t exit_pc = parent->pc;
  if (r.joined) {
    ++stats().merges;
    stats().phis += static_cast<uint64_t>(r.phis);
    stats().widened += static_cast<uint64_t>(r.widened);
    stats().widen_checks += static_cast<uint64_t>(r.checks);
    ++region(root).joins[root->bounds[bridge->join_bound].key];
  }
  note_bridge(parent, bridge);
  jit_.log_region(fmt::format(
      "{} bridge from exit {}:{} (taken {}) into region {}:{}: {}; {} blocks, {} bridges{}{}",
      r.joined ? "merged" : "attached", root->code->qualname, exit_pc, parent->taken, root->code->qualname,
      root->start_pc, r.joined ? bridge->join_note : "ends at the loop header", root->raw.blocks.size(),
      region(root).bridge_count, r.joined ? fmt::format(", {} phis ({} widened, {} checks)", r.phis, r.widened, r.checks) : "",
      parent->pending ? fmt::format(" (compiled with the region when its exit is taken {} more times; {} waiting)",
                                    jit_.batch_due(), it->second.exits.size())
                      : ""));
  return true;
}

bool Engine::compile_pending(CompiledTrace* root) {
  // (Not while its code runs, further up the stack: its bridges stay pending
  // and are compiled when an exit of theirs is taken again with it idle.
  // re._compiler._compile, recursive, took an exit of its old code with the
  // new code's restore table: a wrong iterator in its `for` loop.)
  if (root->active) return true;
  auto it = pending_.find(root);
  if (it == pending_.end()) return true;
  Pending p = std::move(it->second);
  pending_.erase(it);
  for (ExitInfo* e : p.exits) e->pending = false;
  if (compile(root)) {
    freeze_if_over_budget(root);
    return true;
  }
  p.before.restore(*root);
  compile(root);
  for (ExitInfo* e : p.exits) {
    e->attached = false;
    e->no_bridge = "the region could not be compiled with its bridge";
    e->count = 0;
  }
  jit_.log_region(fmt::format("region {}:{} could not be compiled with {} bridges: put back as it was",
                              root->code->qualname, root->start_pc, p.exits.size()));
  return false;
}

void Engine::flush(ExitInfo* e) {
  CompiledTrace* root = e->root();
  if (root->active) return; // (see compile_pending)
  const size_t n = pending_.count(root) ? pending_.at(root).exits.size() : 0;
  if (compile_pending(root))
    jit_.log_region(fmt::format("compiled region {}:{} with {} waiting bridges (exit {}:{} taken {} more times)",
                                root->code->qualname, root->start_pc, n, e->trace->code->qualname, e->pc,
                                jit_.batch_due()));
}

// A region recompiled whole for every bridge it takes in costs time quadratic
// in its growth (issue 12's compile storms: one region recompiled hundreds of
// times). Past its budget it is frozen: its code stays, later hot exits get
// bridges compiled on their own.
void Engine::freeze_if_over_budget(CompiledTrace* root) {
  if (root->frozen) return;
  const char* why = nullptr;
  // (Bridges count as compilations: batched, several share one, but each
  // grows every later compilation.)
  if (std::max(root->compiles, region(root).bridge_count + 1) >= static_cast<uint32_t>(jit_.params.region_compiles))
    why = "compilations";
  else if (root->compile_seconds * 1000.0 >= jit_.params.region_compile_ms) why = "compile time";
  if (!why) return;
  root->frozen = true;
  ++stats().frozen;
  jit_.log_region(fmt::format("freeze region {}:{}: {} over budget ({} compilations, {} bridges, {:.1f} ms, {} blocks)",
                              root->code->qualname, root->start_pc, why, root->compiles, region(root).bridge_count,
                              root->compile_seconds * 1000.0, root->raw.blocks.size()));
}

void Engine::note_bridge(ExitInfo* parent, const CompiledTrace* bridge) {
  CompiledTrace* root = parent->root();
  Region& r = region(root);
  for (uint64_t key : bridge->pcs) ++r.versions[key];
  ++r.bridge_count;
  // (Guards inside inlined calls share the call's pc: their position names the frames.)
  const uint64_t exit_pos = jit::merge_key(parent->pc, parent->frames);
  if (std::find(r.bridged_pcs.begin(), r.bridged_pcs.end(), exit_pos) == r.bridged_pcs.end())
    r.bridged_pcs.push_back(exit_pos);
  const uint32_t guard_pcs = static_cast<uint32_t>(r.bridged_pcs.size());
  if (!r.reformed && policy_->wants_reform(r.bridge_count, guard_pcs)) {
    // Exponential bridging (seed 000): the bridges are copies of one
    // another's paths. From now on this root's merge points join generically.
    r.reformed = true;
    ++stats().reformations;
    jit_.log_region(fmt::format("re-form region {}:{}: {} bridges behind {} distinct guard positions (ratio > {}); "
                                "its merge points now join generically",
                                root->code->qualname, root->start_pc, r.bridge_count, guard_pcs,
                                jit_.params.reform_ratio));
  }
}

void Engine::retire_code(void* entry) {
  retired_.push_back(entry);
  if (jit_.running_code()) return; // frames further up the C stack may be inside it
  for (void* p : retired_) {
    if (jit_.gdb_jit) backends::gdb_jit::remove(p);
    backend_->release(p);
  }
  retired_.clear();
}

namespace {
uint64_t profile_total(const CompiledTrace* t) {
  return t->kind == TraceKind::Loop ? (t->iterations ? *t->iterations : 0) : t->entries;
}
} // namespace

void Engine::restart_profile(CompiledTrace* t) {
  Region& r = region(t);
  r.window_start = profile_total(t);
  r.window_arm.resize(t->exits.size(), 0);
  r.arm_share.resize(t->exits.size(), -1.0); // (arms merged before keep their last share)
  for (size_t k = 0; k < t->exits.size(); ++k) r.window_arm[k] = t->exits[k]->arm_taken;
}

void Engine::check_profile(CompiledTrace* t) {
  Region& r = region(t);
  const uint64_t window = policy_->profile_window();
  const uint64_t total = profile_total(t);
  if (window == 0 || total - r.window_start < window) return;
  const double span = static_cast<double>(total - r.window_start);
  r.window_arm.resize(t->exits.size(), 0);
  r.arm_share.resize(t->exits.size(), -1.0);
  std::string shift;
  for (size_t k = 0; k < t->exits.size(); ++k) {
    const ExitInfo* e = t->exits[k].get();
    if (!e->attached || e->pending) continue; // only merged arms run inside the region
    const double share = static_cast<double>(e->arm_taken - r.window_arm[k]) / span;
    if (shift.empty() && r.arm_share[k] >= 0 && policy_->profile_shifted(r.arm_share[k], share))
      shift = fmt::format("arm of exit {} (pc {}) went from {:.0f}% to {:.0f}% of {} {}", k, e->pc,
                          100 * r.arm_share[k], 100 * share, t->kind == TraceKind::Loop ? "iterations" : "calls",
                          total - r.window_start);
    r.arm_share[k] = share;
    r.window_arm[k] = e->arm_taken;
  }
  r.window_start = total;
  if (shift.empty()) return;
  uint32_t& reforms = profile_reforms_[{t->code, t->start_pc}];
  if (reforms >= static_cast<uint32_t>(jit_.params.adaptive_reforms)) {
    // The phases alternate: re-forming again would only follow them.
    r.profile_settled = true;
    jit_.log_region(fmt::format("region {}:{} keeps its shape: the profile shifted ({}) after {} re-formations",
                                t->code->qualname, t->start_pc, shift, reforms));
    return;
  }
  ++reforms;
  // Re-form: the region is dropped and recorded again around today's hot path.
  ++stats().reformations;
  jit_.log_region(fmt::format("re-form region {}:{}: the profile shifted ({})", t->code->qualname, t->start_pc, shift));
  invalidate(t);
}

bool Engine::promote(CompiledTrace* t) {
  if (t->tier != kTierQuick) return true;
  if (!t->entry || t->active) return false; // (see compile_pending)
  // MIR's time grows faster than linearly with a function's blocks and
  // values (a 1,500-op chunk of huge code: 40-150 ms, lsra 2 ms), and a big
  // region rarely runs long enough to repay it.
  const bool big = t->ir.ins.size() > static_cast<size_t>(jit_.params.tier_max_ops);
  t->tier = big ? kTierStays : kTierHot;
  if (big && t->tier_exit < 0) return true; // (no tier-up check to take out)
  const double before = t->compile_seconds;
  if (!(pending_.count(t) ? compile_pending(t) : compile(t))) {
    t->tier = kTierStays;
    if (!compile(t)) invalidate(t); // (no code without the tier-up check: the interpreter runs it)
  }
  if (t->tier == kTierHot) ++stats().promoted;
  jit_.log_region(fmt::format("promote {} {}:{} to {}: {} entries, {} iterations; {} ops, {} blocks, {:.2f} ms",
                              jit::kind_name(t->kind), t->code->qualname, t->start_pc,
                              t->tier == kTierHot ? backend_->tier_name(true)
                              : big               ? "nothing: over tier_max_ops, it stays with the quick tier"
                                                  : "nothing: the optimizing tier failed",
                              t->heat,
                              t->iterations ? *t->iterations : 0, t->ir.ins.size(), t->ir.blocks.size(),
                              (t->compile_seconds - before) * 1000.0));
  return true;
}

void Engine::invalidate(CompiledTrace* t) {
  if (auto it = pending_.find(t); it != pending_.end()) {
    for (ExitInfo* e : it->second.exits) e->pending = false;
    pending_.erase(it);
  }
  if ((t->kind == TraceKind::Loop || t->kind == TraceKind::Chunk) && t->code->jit_loops[t->start_pc] == t)
    t->code->jit_loops[t->start_pc] = nullptr;
  if (t->kind == TraceKind::Function && t->code->jit_function == t) t->code->jit_function = nullptr;
  if (!t->entry) return;
  retire_code(reinterpret_cast<void*>(t->entry));
  t->entry = nullptr;
  ++stats().invalidated;
  stats().code_bytes_freed += t->code_bytes;
  t->entry_exit = std::make_unique<ExitInfo>();
  t->entry_exit->trace = t;
  t->entry_exit->index = -1;
  t->entry_exit->snap = 0; // the trace's entry snapshot: its start, nothing to restore
  t->entry_exit->blacklisted = true;
}

bool Engine::bridge_now(ExitInfo* e) {
  CompiledTrace* root = e->root();
  // A frozen region's exits get separate bridges, as under pure tracing, and
  // their bridges' exits too: without a budget the paths a region could not
  // merge grow a tree of copies (diamond on data_driven: 2,900 bridges).
  if (root->frozen && region(root).frozen_bridges >= static_cast<uint32_t>(jit_.params.frozen_bridges)) {
    e->blacklisted = true;
    e->no_bridge = "its region is frozen and its bridge budget spent (frozen_bridges)";
    ++stats().frozen_budget_exits;
    return false;
  }
  const Snapshot& s = e->trace->ir.snaps[e->snap];
  const bool counted = root->kind == TraceKind::Loop && root->iterations;
  const ExitProfile prof{e->count, counted ? *root->iterations : root->entries, root->kind == TraceKind::Loop,
                         jit_.params.trace_eagerness, counted, root->entries};
  if (!policy_->bridge_now(prof)) {
    if (!e->deferred) {
      e->deferred = true;
      ++stats().cold_exits;
      jit_.log_region(fmt::format("exit {}:{} stays a side exit: taken {} ({} since its last recording) on {} "
                                  "entries of region {}:{}",
                                  e->trace->code->qualname, s.pc, e->taken, e->count, root->entries,
                                  root->code->qualname, root->start_pc));
    }
    return false;
  }
  jit_.log_region(fmt::format("record bridge from exit {}:{}: taken {} ({} since its last recording, eagerness {}), "
                              "{} entries of region {}:{}{}",
                              e->trace->code->qualname, s.pc, e->taken, e->count, jit_.params.trace_eagerness,
                              root->entries, root->code->qualname, root->start_pc,
                              e->deferred ? ", after deferral" : ""));
  return true;
}

jit::RegionCounters Engine::region_counters() const {
  jit::RegionCounters c;
  for (const auto& t : jit_.traces) {
    if (t->kind == TraceKind::Bridge || !t->entry) continue;
    ++c.regions;
    c.region_blocks += t->raw.blocks.size();
    c.compiles_max = std::max<uint64_t>(c.compiles_max, t->compiles);
    if (!t->region) continue;
    c.merge_points += t->region->joins.size();
    for (const auto& [pc, v] : t->region->versions) c.versions_max = std::max<uint64_t>(c.versions_max, v);
  }
  return c;
}

void Engine::dump_regions(const std::string& dir) const {
  std::string mkdir = "mkdir -p '" + dir + "'";
  if (std::system(mkdir.c_str()) != 0) return;
  const bool have_dot = std::system("command -v dot >/dev/null 2>&1") == 0;
  for (const auto& t : jit_.traces) {
    if (!t->entry) continue;
    std::string name = fmt::format("{}/region-{:03}-{}-{}", dir, t->id, t->code->name, t->start_pc);
    for (char& c : name)
      if (c == '<' || c == '>') c = '_';
    if (FILE* fp = std::fopen((name + ".dot").c_str(), "w")) {
      std::fputs(region_dot(*t).c_str(), fp);
      std::fclose(fp);
      if (have_dot) std::system(("dot -Tsvg '" + name + ".dot' -o '" + name + ".svg'").c_str());
    }
  }
}

} // namespace

std::unique_ptr<jit::RegionEngine> make_engine(jit::JitState& jit, const PolicySpec& policy,
                                               std::unique_ptr<backends::Backend> backend) {
  return std::make_unique<Engine>(jit, policy, std::move(backend));
}

} // namespace tributary::regions
