// virtuals.cpp — allocation removal (PyPy's virtuals, LuaJIT's sinking):
// instances and tuples that compiled code builds and only reads back.
//
// A class call records `CALL new_instance(cls)`, then its inlined __init__
// stores the attributes as shape transitions (guard the shape and the slot
// array's room, store the slot, store the next shape), and the code after it
// reads them back with the same guards; a tuple is `CALL build_tuple(n,
// items...)`, read by its length and item loads. When everything done to
// the new object in its block is that — guards of its class and shape (and
// that it is not some constant), loads and stores of its shape, capacity
// and attribute slots, loads of its length and items — and snapshots, the
// object need not exist: the CALL becomes a VNEW (no code), every guard on
// it is decided, a load is the value last stored there, and a snapshot
// that names the object describes it (class, shape or length, values:
// ir.h's kVirtualSlots entries) so the exit that takes it builds the object
// the interpreter then sees (jit.cpp restore_slots). Blocks its block
// dominates (the arms of a merged diamond) may read it the same way.
//
// Carried around a loop: an object its block passes to a header PHI that
// nothing but snapshots reads (a local overwritten every iteration, seen by
// the exits before it is set again) stays virtual too: the back edge passes
// a marker to that PHI and the attributes to PHIs of their own; an exit
// builds the object from them when the PHI holds the marker, and otherwise
// finds the real object the loop started with.
//
// Joined below a merged diamond: when every arm passes its own object of
// one class and layout to a join's PHI, and the code below only reads it,
// the PHI becomes one virtual object whose attributes are PHIs (plan_join),
// which a loop may carry on like any other.
//
// Where it escapes — passed to a call, returned, compared by identity,
// copied, written to the frame by a TO_ROOT or a yield — it is built there,
// from its state at that point (materialize, or build_tuple for a tuple), and
// is that real object from there on: in the rest of that block and the
// blocks it dominates. Passed to a join that another arm feeds with a real
// object, it is built last in its arm's block (that arm only allocates it),
// unless the code below the join reads it as virtual. Anything else keeps
// the allocation, whole: storing it into memory or another new object (whose
// plan would hold it as a value), a store into it outside its block, a block
// argument of another kind, a use on a path from an escape that the escape
// does not dominate, or an escape in a block that branches off between the
// object's start and the escape (the branch would see it virtual below the
// escape's block).
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "jit/helpers.h"
#include "jit/opt/pipeline.h"
#include "runtime/instance.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

namespace {

constexpr int64_t kShapeOffset = static_cast<int64_t>(offsetof(Instance, shape));
constexpr int64_t kSlotsOffset = static_cast<int64_t>(offsetof(Instance, slots));
constexpr int64_t kCapacityOffset = static_cast<int64_t>(offsetof(Instance, capacity));

// What the pass does to one instruction of a removed allocation's block.
enum class Action : uint8_t {
  Drop,       // a decided guard, a store into the object, its slots pointer
  Forward,    // an attribute load: its uses take the value last stored
  MakeConst,  // a load of its class, shape or capacity: that KRAW
};

struct Step {
  Ref at;
  Action action;
  int64_t value = 0; // Forward: the ref; MakeConst: the constant
};

// The object's state at a snapshot that names it.
struct SnapState {
  Ref at;
  Shape* shape;
  std::vector<Ref> fields;
};

// An object carried around a loop: its block passes it to PHI `phi` of the
// header (argument `arg` of block `pred`), and nothing but snapshots reads
// that PHI (the local that held it, seen by exits before it is set again).
//
// Or passed to a join below a merged diamond (`join`): PHI `phi` of a block
// that is no loop header, which every arm feeds with an object of the same
// class and layout (checked once all allocations are planned, plan_join).
struct Carried {
  int32_t pred = -1;
  int32_t arg = -1;
  Ref phi = kNoRef;
  bool join = false;
  Shape* shape = nullptr;  // the object's state at the end of its block
  std::vector<Ref> fields;
};

// Where the object escapes (passed to a call, stored, returned, compared by
// identity, written to the frame by a TO_ROOT or a yield): it is built there,
// at that state, by a helper, and from there on it is that real object.
struct Escape {
  Ref at; // kNoRef: at the end of `block` (its object passed on to a join of real objects)
  int32_t block;
  Shape* shape;
  std::vector<Ref> fields;
  Ref made = kNoRef; // the helper's CALL (pass_virtuals)
};

struct Plan {
  Ref alloc;
  Type* cls;
  uint64_t capacity; // new_instance's slot array now (Type::instance_slots: it never shrinks)
  std::vector<Step> steps;
  std::vector<SnapState> snaps;
  Carried carried;
  std::vector<Escape> escapes;
  std::vector<std::pair<Ref, size_t>> after;          // uses that see the real object of escape k
  struct ArgAfter {
    int32_t block, arg;
    size_t escape;
  };
  std::vector<ArgAfter> args_after; // block arguments after escape k
  std::vector<Ref> virtual_uses;    // the uses that see the virtual object
};

Type* allocated_class(const Trace& t, const Ins& i) {
  static void* const kNewInstance = reinterpret_cast<void*>(helpers::helper_info(helpers::HelperId::new_instance).fn);
  static void* const kBuildTuple = reinterpret_cast<void*>(helpers::helper_info(helpers::HelperId::build_tuple).fn);
  if (i.op == IrOp::CALL && t.calls[i.imm].fn == kBuildTuple) { // (not the empty tuple: one object in CPython)
    const size_t n = t.calls[i.imm].args.size() - 1; // (its arguments: the length, then the items)
    return n > 0 && n <= static_cast<size_t>(kVirtualFields) ? &types::tuple : nullptr;
  }
  if (i.op != IrOp::CALL || t.calls[i.imm].fn != kNewInstance) return nullptr;
  const std::vector<Ref>& args = t.calls[i.imm].args;
  if (args.size() != 1 || t.ins[args[0]].op != IrOp::KVAL) return nullptr;
  const Value cls = Value::from_bits(static_cast<uint64_t>(t.ins[args[0]].imm));
  if (!is_type(cls)) return nullptr;
  Type* type = cls.as<Type>();
  return type->kind == Kind::Instance ? type : nullptr;
}

bool names(const Trace& t, const Ins& i, Ref r) {
  if (i.snap < 0) return false;
  for (const SnapEntry& e : t.snaps[i.snap].entries)
    if (e.ref == r) return true;
  return false;
}

// Whether the machine code writes this instruction's snapshot to the frame
// itself (lower.cpp write_snapshot): no exit builds objects there.
bool writes_frame(const Ins& i) {
  return i.op == IrOp::TO_ROOT || (i.op == IrOp::EXIT && static_cast<ExitEnd>(i.imm) == ExitEnd::Suspend);
}

// Per value, the instructions that use it: as an operand, a call's
// argument or in their snapshot (ascending, once each); and the blocks a
// guard jumps to. Built once per trace: each candidate then looks at its
// own uses only (a scan of the whole trace per allocation was a third of
// raytrace's optimizer time).
struct Uses {
  std::vector<int32_t> start; // uses of x: at[start[x] .. start[x + 1])
  std::vector<Ref> at;
  std::vector<bool> targeted;

  explicit Uses(const Trace& t) : start(t.ins.size() + 1, 0), targeted(t.blocks.size(), false) {
    // Two passes over the trace (count, then fill): no vector per value.
    auto each_use = [&](auto&& use) {
      for (Ref r = 0; r < static_cast<Ref>(t.ins.size()); ++r) {
        const Ins& i = t.ins[r];
        use(i.a, r);
        use(i.b, r);
        use(i.c, r);
        if (i.op == IrOp::CALL)
          for (Ref arg : t.calls[i.imm].args) use(arg, r);
        if (i.snap >= 0)
          for (const SnapEntry& e : t.snaps[i.snap].entries) use(e.ref, r);
      }
    };
    std::vector<Ref> last(t.ins.size(), kNoRef);
    each_use([&](Ref x, Ref r) {
      if (x != kNoRef && last[x] != r) ++start[x + 1], last[x] = r;
    });
    for (size_t x = 0; x < t.ins.size(); ++x) start[x + 1] += start[x];
    at.resize(start.back());
    std::vector<int32_t> fill(start.begin(), start.end() - 1);
    std::fill(last.begin(), last.end(), kNoRef);
    each_use([&](Ref x, Ref r) {
      if (x != kNoRef && last[x] != r) at[fill[x]++] = r, last[x] = r;
    });
    for (const Ins& i : t.ins)
      if (i.target >= 0 && i.target < static_cast<int32_t>(targeted.size())) targeted[i.target] = true;
  }
  std::span<const Ref> of(Ref x) const { return {at.data() + start[x], at.data() + start[x + 1]}; }
};

// The header PHI a loop carries the object in, if only snapshots read it
// and the machine code writes none of them to the frame.
bool carried_phi(const Trace& t, const Uses& uses, Carried& c) {
  const int32_t header = t.blocks[c.pred].succ;
  if (header < 0) return false;
  const Block& h = t.blocks[header];
  Ref phi = h.begin;
  for (int32_t k = 0; k < c.arg; ++k, ++phi)
    if (phi >= h.end || t.ins[phi].op != IrOp::PHI) return false;
  if (phi >= h.end || t.ins[phi].op != IrOp::PHI) return false;
  if (uses.targeted[header]) return false;
  for (const Block& b : t.blocks)
    for (Ref arg : b.args)
      if (arg == phi) return false;
  for (Ref r : uses.of(phi)) {
    const Ins& i = t.ins[r];
    if (i.a == phi || i.b == phi || i.c == phi || writes_frame(i)) return false;
    if (i.op == IrOp::CALL)
      for (Ref arg : t.calls[i.imm].args)
        if (arg == phi) return false;
  }
  c.phi = phi;
  return true;
}

int32_t loop_header(const Trace& t) { return t.kind == TraceKind::Loop && t.blocks.size() > 1 ? 1 : -1; }

// The PHI that argument `arg` of block `pred` feeds.
Ref phi_of(const Trace& t, int32_t pred, int32_t arg) {
  const int32_t succ = t.blocks[pred].succ;
  if (succ < 0) return kNoRef;
  const Block& b = t.blocks[succ];
  const Ref phi = b.begin + arg;
  return phi < b.end && t.ins[phi].op == IrOp::PHI ? phi : kNoRef;
}

// Every attribute a snapshot sees must have been stored (the shape says how
// many; a slot array fresh from new_instance holds nothing readable).
bool complete(const Shape* shape, const std::vector<Ref>& fields) {
  for (uint32_t k = 0; shape && k < shape->size; ++k)
    if (k >= fields.size() || fields[k] == kNoRef) return false;
  return true;
}

// The most attributes an object built where it escapes may have (helper
// arguments: its class, its shape and the attributes; 16 at most).
constexpr size_t kMaxMaterialized = 14;

// The blocks a path from block `from` reaches within one iteration (a loop's
// header starts the next: the object is made anew there).
std::vector<bool> reachable_from(const Trace& t, int32_t from) {
  const int32_t header = loop_header(t);
  std::vector<bool> seen(t.blocks.size(), false);
  std::vector<int32_t> work{from};
  auto add = [&](int32_t b) {
    if (b >= 0 && b != header && !seen[b]) seen[b] = true, work.push_back(b);
  };
  while (!work.empty()) {
    const int32_t b = work.back();
    work.pop_back();
    add(t.blocks[b].succ);
    for (Ref r = t.blocks[b].begin; r < t.blocks[b].end; ++r) add(t.ins[r].target);
  }
  return seen;
}

// Follows object `a` (of home block `home`, where it is at `shape` with
// `fields`) through its uses and those of its slot pointers: in its block,
// where it is built (unless `read_only`), and in the blocks that block
// dominates, where it is only read. Fills the plan's steps and snapshot
// states and the state the other blocks read (end_*); false when it escapes.
// `split`: a path leaves its block before the object is complete there (then
// only the block's own end may pass it on).
bool follow_object(const Trace& t, const std::vector<int32_t>& block_of, std::vector<std::vector<bool>>& dom,
                   const Uses& uses, Ref a, int32_t home, Shape* shape, std::vector<Ref> fields, bool read_only,
                   Plan& plan, Shape*& end_shape, std::vector<Ref>& end_fields, bool& split) {
  const bool tuple = plan.cls == &types::tuple;
  std::vector<Ref> slot_ptrs;
  auto is_slots = [&](Ref r) { return r != kNoRef && std::find(slot_ptrs.begin(), slot_ptrs.end(), r) != slot_ptrs.end(); };
  auto field_index = [](int64_t off) { return off >= 0 && off % 8 == 0 ? off / 8 : int64_t{-1}; };
  // One instruction; `building`: in the home block, where stores are allowed.
  // Escaped: a use of the object itself as a value (the object must exist).
  enum Use { Fail = 0, Ok, Escaped };
  auto follow = [&](Ref r, bool building) -> Use {
    const Ins& i = t.ins[r];
    const bool uses_a = i.a == a || i.b == a || i.c == a;
    const bool uses_slots = is_slots(i.a) || is_slots(i.b) || is_slots(i.c);
    if (i.op == IrOp::CALL) {
      bool passed = false;
      for (Ref arg : t.calls[i.imm].args) {
        if (is_slots(arg)) return Fail;
        passed |= arg == a;
      }
      // (Not into another allocation: its plan would take this object as
      // one of its values, where the object is virtual.)
      if (passed) return uses_slots || allocated_class(t, i) ? Fail : Escaped;
    }
    if (names(t, i, a)) {
      if (writes_frame(i)) return uses_slots ? Fail : Escaped;
      plan.snaps.push_back({r, shape, fields});
    }
    if (!uses_a && !uses_slots) return Ok;
    switch (i.op) {
    case IrOp::GUARD_TYPE:
      if (reinterpret_cast<Type*>(i.imm) != plan.cls) return Fail;
      plan.steps.push_back({r, Action::Drop});
      return Ok;
    case IrOp::GUARD_NOEXC: // (building a tuple cannot fail once the exit would build it anyway)
    case IrOp::GUARD_ISNT: // a new object is no constant (a special method's result is not NotImplemented)
      plan.steps.push_back({r, Action::Drop});
      return Ok;
    case IrOp::LOAD:
      if (tuple) {
        const int64_t item = field_index(i.imm - static_cast<int64_t>(offsetof(Tuple, items)));
        if (i.imm == static_cast<int64_t>(offsetof(Tuple, size)))
          plan.steps.push_back({r, Action::MakeConst, static_cast<int64_t>(fields.size())});
        else if (i.imm == 0)
          plan.steps.push_back({r, Action::MakeConst, reinterpret_cast<int64_t>(plan.cls)});
        else if (item >= 0 && static_cast<size_t>(item) < fields.size())
          plan.steps.push_back({r, Action::Forward, fields[item]});
        else
          return Fail;
      } else if (uses_slots) { // an attribute
        const int64_t k = field_index(i.imm);
        if (k < 0 || static_cast<size_t>(k) >= fields.size() || fields[k] == kNoRef) return Fail;
        plan.steps.push_back({r, Action::Forward, fields[k]});
      } else if (i.imm == kSlotsOffset) {
        slot_ptrs.push_back(r);
        plan.steps.push_back({r, Action::Drop});
      } else if (i.imm == kShapeOffset) {
        plan.steps.push_back({r, Action::MakeConst, reinterpret_cast<int64_t>(shape)});
      } else if (i.imm == kCapacityOffset) {
        plan.steps.push_back({r, Action::MakeConst, static_cast<int64_t>(plan.capacity)});
      } else if (i.imm == 0) { // (its class pointer)
        plan.steps.push_back({r, Action::MakeConst, reinterpret_cast<int64_t>(plan.cls)});
      } else {
        return Fail;
      }
      return Ok;
    case IrOp::STORE: {
      // (Stored as a value somewhere, possibly into another virtual object,
      // whose plan takes this one as its value: kept whole.)
      if (tuple || !building || i.b == a || is_slots(i.b)) return Fail;
      if (is_slots(i.a)) {
        const int64_t k = field_index(i.imm);
        if (k < 0 || k >= kVirtualFields || static_cast<uint64_t>(k) >= plan.capacity) return Fail;
        if (fields.size() <= static_cast<size_t>(k)) fields.resize(k + 1, kNoRef);
        fields[k] = i.b;
      } else if (i.imm == kShapeOffset && t.ins[i.b].op == IrOp::KRAW) {
        shape = reinterpret_cast<Shape*>(t.ins[i.b].imm);
        if (shape->size > plan.capacity) return Fail;
      } else {
        return Fail;
      }
      plan.steps.push_back({r, Action::Drop});
      return Ok;
    }
    default: return uses_slots ? Fail : Escaped; // returns, compares of identity, copies, selects...
    }
  };
  // Escapes (not for a join's object, read_only): the object must be
  // complete there and small enough for the helper's arguments, and no path
  // may leave the escape's block between the object's start there and the
  // escape (a path that leaves earlier sees the virtual object in blocks the
  // escape's block dominates). A use after an escape (its block, or one that
  // block dominates) sees the real object; uses elsewhere that an escape's
  // block reaches are refused at the end (a join below both paths).
  std::vector<Ref>& virtual_uses = plan.virtual_uses;
  auto after_escape = [&](Ref r) -> int64_t {
    for (size_t k = 0; k < plan.escapes.size(); ++k) {
      const Escape& e = plan.escapes[k];
      if (block_of[r] == e.block) {
        if (r > e.at) return static_cast<int64_t>(k);
        continue;
      }
      if (dom.empty()) dom = dominators(t);
      if (dom[block_of[r]][e.block]) return static_cast<int64_t>(k);
    }
    return -1;
  };
  auto escape_at = [&](Ref r, bool elsewhere) {
    Shape* s = elsewhere ? end_shape : shape;
    const std::vector<Ref>& f = elsewhere ? end_fields : fields;
    if (read_only || !complete(s, f) || (s ? s->size : f.size()) > kMaxMaterialized) return false;
    const int32_t b = block_of[r];
    for (Ref x = b == home ? a + 1 : t.blocks[b].begin; x < r; ++x)
      if (t.ins[x].target >= 0) return false;
    plan.escapes.push_back({r, b, s, f});
    plan.after.push_back({r, plan.escapes.size() - 1});
    return true;
  };
  // The uses of the object and of its slot pointers, in order: first those
  // in its block (where it is built), then the others (it is only read
  // there, as its block left it: a path's own stores would need a join).
  // follow() adds a slot pointer's uses as it finds the pointer.
  std::set<std::pair<bool, Ref>> todo;
  auto add_uses = [&](Ref x) {
    for (Ref r : uses.of(x)) todo.insert({block_of[r] != home, r});
  };
  add_uses(a);
  end_shape = shape;
  bool built = false;
  // Other blocks see the object as its block leaves it only if no path
  // leaves the block before its last store into the object: a guard that
  // branches off (a merged diamond's arm) in between sees an earlier state.
  Ref last_build = kNoRef;
  auto branches_off_early = [&] {
    for (Ref r = a + 1; r < last_build; ++r)
      if (t.ins[r].target >= 0) return true;
    return false;
  };
  while (!todo.empty()) {
    const auto [elsewhere, r] = *todo.begin();
    todo.erase(todo.begin());
    if (elsewhere && !built) { // (the state every other block reads)
      end_shape = shape;
      end_fields = fields;
      built = true;
      split = branches_off_early();
    }
    if (const int64_t k = after_escape(r); k >= 0) {
      const Ins& i = t.ins[r];
      if (is_slots(i.a) || is_slots(i.b) || is_slots(i.c)) return false; // (a slot pointer of the virtual object)
      plan.after.push_back({r, static_cast<size_t>(k)});
      continue;
    }
    if (elsewhere && split) return false;
    if (elsewhere && dom.empty()) dom = dominators(t); // (only when some other block reads it)
    if (elsewhere && !dom[block_of[r]][home]) return false;
    const size_t pointers = slot_ptrs.size();
    const Use use = follow(r, !elsewhere && !read_only);
    if (use == Fail || (use == Escaped && !escape_at(r, elsewhere))) return false;
    if (use == Ok) virtual_uses.push_back(r);
    if (!elsewhere && t.ins[r].op == IrOp::STORE) last_build = r;
    if (slot_ptrs.size() > pointers) add_uses(slot_ptrs.back());
  }
  if (!built) {
    end_shape = shape;
    end_fields = fields;
    split = branches_off_early();
  }
  // A use of the virtual object on a path from an escape that the escape
  // does not dominate (a join below it) would need the real object there.
  for (const Escape& e : plan.escapes) {
    const std::vector<bool> reach = reachable_from(t, e.block);
    for (Ref r : virtual_uses)
      if (block_of[r] != e.block && reach[block_of[r]]) return false;
  }
  return true;
}


// Follows allocation `a` through its block, where it is built, and the
// blocks that block dominates, where it is only read; false when it escapes.
// One block argument is allowed, from its own block: a loop's header PHI
// (carried) or a join's (checked later by plan_join).
bool plan_removal(const Trace& t, const std::vector<int32_t>& block_of, std::vector<std::vector<bool>>& dom,
                  const Uses& uses, Ref a, Plan& plan) {
  const int32_t home = block_of[a];
  Carried& carried = plan.carried;
  // A tuple's items are its call's arguments, its "shape" null; an
  // instance starts at its class's root shape with no attributes.
  const bool tuple = plan.cls == &types::tuple;
  Shape* shape = tuple ? nullptr : root_shape(plan.cls);
  const std::vector<Ref>& args = t.calls[t.ins[a].imm].args;
  std::vector<Ref> fields = tuple ? std::vector<Ref>(args.begin() + 1, args.end()) : std::vector<Ref>{};
  Shape* end_shape = nullptr;
  std::vector<Ref> end_fields;
  bool split = false;
  if (!follow_object(t, block_of, dom, uses, a, home, shape, std::move(fields), false, plan, end_shape, end_fields,
                     split))
    return false;
  // Block arguments: after an escape, the real object; otherwise one at most,
  // from its block or one it dominates (as its block left it).
  for (size_t b = 0; b < t.blocks.size(); ++b)
    for (size_t j = 0; j < t.blocks[b].args.size(); ++j) {
      if (t.blocks[b].args[j] != a) continue;
      bool real = false;
      for (size_t k = 0; k < plan.escapes.size() && !real; ++k) {
        const int32_t e = plan.escapes[k].block;
        if (dom.empty()) dom = dominators(t);
        if (static_cast<int32_t>(b) == e || dom[b][e]) {
          plan.args_after.push_back({static_cast<int32_t>(b), static_cast<int32_t>(j), k});
          real = true;
        } else if (reachable_from(t, e)[b]) {
          return false; // (the argument is the virtual object on some paths only)
        }
      }
      if (real) continue;
      if (carried.pred >= 0) return false;
      if (static_cast<int32_t>(b) != home) {
        if (dom.empty()) dom = dominators(t);
        if (!dom[b][home]) return false;
      }
      carried.pred = static_cast<int32_t>(b);
      carried.arg = static_cast<int32_t>(j);
    }
  if (carried.pred >= 0) {
    if (t.blocks[carried.pred].succ == loop_header(t)) {
      if (!carried_phi(t, uses, carried)) return false;
    } else {
      carried.join = true;
      carried.phi = phi_of(t, carried.pred, carried.arg);
      if (carried.phi == kNoRef) return false;
    }
  }
  if (split && carried.pred >= 0 && carried.pred != home) return false;
  if (carried.pred >= 0) {
    carried.shape = end_shape;
    carried.fields = end_fields;
    if (!complete(carried.shape, carried.fields)) return false;
  }
  for (const SnapState& s : plan.snaps)
    if (!complete(s.shape, s.fields)) return false;
  return true;
}

// A description's part 1: an instance's shape, or a tuple's length.
int64_t layout(const Shape* shape, const std::vector<Ref>& fields) {
  return shape ? reinterpret_cast<int64_t>(shape) : static_cast<int64_t>(fields.size());
}
uint32_t count(const Shape* shape, const std::vector<Ref>& fields) {
  return shape ? shape->size : static_cast<uint32_t>(fields.size());
}

// A join of virtual objects (below a merged diamond): PHI `phi` of block
// `block`, fed by the allocations of `arms` (plan indices, one per
// predecessor, in the order the predecessors jump there). The PHI becomes
// `vnew` (a VNEW placed after the block's PHIs) with PHIs of its own per
// field (`field_phis`); `reads` is what is done to the object below the join
// (reads only, as in blocks an allocation's block dominates).
struct JoinPlan {
  Ref phi;
  int32_t block;
  std::vector<size_t> arms;
  Plan reads;
  std::vector<Ref> field_phis;
  Ref vnew = kNoRef;
};

// Whether the allocations feeding `phi` (plans[...].carried.join) make a
// join of virtuals: every predecessor passes one, of one class and layout,
// and the object below the join is only read (and the PHI fed to no other
// join). Emits the join's field PHIs and VNEW (placed only when it is
// removed: reorder drops instructions not listed).
bool plan_join(Trace& t, const std::vector<int32_t>& block_of, std::vector<std::vector<bool>>& dom, const Uses& uses,
               const std::vector<Plan>& plans, const std::vector<int32_t>& plan_of, Ref phi, JoinPlan& j) {
  j.phi = phi;
  j.block = block_of[phi];
  if (j.block == loop_header(t) || uses.targeted[j.block]) return false;
  const int32_t k = phi - t.blocks[j.block].begin;
  Carried carried; // (the joined object carried on around the loop)
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    for (size_t i = 0; i < t.blocks[b].args.size(); ++i) {
      if (t.blocks[b].args[i] != phi) continue;
      if (carried.pred >= 0 || t.blocks[b].succ != loop_header(t)) return false; // (on into another join)
      if (dom.empty()) dom = dominators(t);
      if (!dom[b][j.block]) return false;
      carried.pred = static_cast<int32_t>(b);
      carried.arg = static_cast<int32_t>(i);
    }
    if (t.blocks[b].succ != j.block) continue;
    const Ref a = t.blocks[b].args[k];
    if (a >= static_cast<Ref>(plan_of.size()) || plan_of[a] < 0) return false; // a real object on this arm
    const Plan& arm = plans[plan_of[a]];
    if (!arm.carried.join || arm.carried.phi != phi || arm.carried.pred != static_cast<int32_t>(b)) return false;
    j.arms.push_back(plan_of[a]);
  }
  if (j.arms.empty()) return false;
  const Plan& first = plans[j.arms[0]];
  for (size_t arm : j.arms) {
    const Carried& c = plans[arm].carried;
    if (plans[arm].cls != first.cls || c.shape != first.carried.shape ||
        c.fields.size() != first.carried.fields.size())
      return false;
  }
  const size_t n = first.carried.shape ? first.carried.shape->size : first.carried.fields.size();
  for (size_t f = 0; f < n; ++f) {
    j.field_phis.push_back(t.emit(IrOp::PHI, kNoRef, kNoRef, -1));
    t.ins.back().type = IrType::Val;
  }
  j.vnew = t.emit(IrOp::VNEW, kNoRef, kNoRef, reinterpret_cast<int64_t>(first.cls));
  t.ins.back().type = IrType::Val;
  if (carried.pred >= 0 && !carried_phi(t, uses, carried)) return false;
  carried.shape = first.carried.shape;
  carried.fields = j.field_phis;
  j.reads = Plan{phi, first.cls, first.capacity, {}, {}, carried, {}, {}, {}, {}};
  Shape* end_shape = nullptr;
  std::vector<Ref> end_fields;
  bool split = false; // (never: nothing is stored into a join)
  return follow_object(t, block_of, dom, uses, phi, j.block, first.carried.shape, j.field_phis, true, j.reads,
                       end_shape, end_fields, split);
}

} // namespace

uint64_t virtual_marker_bits() {
  alignas(16) static uint64_t cell[2];
  return Value::object(reinterpret_cast<Object*>(cell)).bits();
}

void pass_virtuals(Trace& t) {
  const std::vector<int32_t> block_of = block_index(t);
  std::vector<std::vector<bool>> dom;
  std::optional<Uses> uses;
  std::vector<Plan> plans;
  for (Ref r = 0; r < static_cast<Ref>(t.ins.size()); ++r)
    if (Type* cls = allocated_class(t, t.ins[r])) {
      if (!uses) uses.emplace(t);
      Plan p{r, cls, cls->instance_slots, {}, {}, {}, {}, {}, {}, {}};
      if (plan_removal(t, block_of, dom, *uses, r, p)) plans.push_back(std::move(p));
    }
  if (plans.empty()) return;
  // Joins of virtuals; the allocations feeding a join that is not one escape.
  std::vector<JoinPlan> joins;
  const size_t original = t.ins.size(); // (plan_join emits; reorder drops what is not placed)
  {
    std::vector<int32_t> plan_of(t.ins.size(), -1);
    std::vector<Ref> join_phis;
    for (size_t k = 0; k < plans.size(); ++k) {
      plan_of[plans[k].alloc] = static_cast<int32_t>(k);
      if (plans[k].carried.join && std::find(join_phis.begin(), join_phis.end(), plans[k].carried.phi) == join_phis.end())
        join_phis.push_back(plans[k].carried.phi);
    }
    std::vector<bool> dropped(plans.size(), false);
    for (Ref phi : join_phis) {
      JoinPlan j;
      if (plan_join(t, block_of, dom, *uses, plans, plan_of, phi, j)) {
        joins.push_back(std::move(j));
        continue;
      }
      // Not a join of virtuals (a real object on another arm, say): each
      // virtual arm is built at the end of its block and passes the real
      // object, if nothing below the join reads it as virtual.
      for (size_t k = 0; k < plans.size(); ++k) {
        Plan& p = plans[k];
        if (!p.carried.join || p.carried.phi != phi) continue;
        const Carried c = p.carried;
        const std::vector<bool> reach = reachable_from(t, t.blocks[c.pred].succ);
        bool below = false;
        for (Ref r : p.virtual_uses)
          below |= block_of[r] == t.blocks[c.pred].succ || reach[block_of[r]];
        if (below || count(c.shape, c.fields) > kMaxMaterialized) {
          dropped[k] = true;
          continue;
        }
        p.escapes.push_back({kNoRef, c.pred, c.shape, c.fields});
        p.args_after.push_back({c.pred, c.arg, p.escapes.size() - 1});
        p.carried = Carried{};
      }
    }
    // Objects carried into one header PHI by several back edges (plans, or
    // joins of them): one class and layout, or none of them stays virtual.
    std::vector<bool> join_dropped(joins.size(), false);
    auto carrier = [&](size_t n) -> const Plan& { return n < plans.size() ? plans[n] : joins[n - plans.size()].reads; };
    for (size_t k = 0; k < plans.size() + joins.size(); ++k) {
      const Carried& c = carrier(k).carried;
      if (c.pred < 0 || c.join) continue;
      for (size_t e = 0; e < plans.size() + joins.size(); ++e) {
        const Carried& d = carrier(e).carried;
        if (e == k || d.pred < 0 || d.join || d.phi != c.phi) continue;
        if (carrier(e).cls == carrier(k).cls && d.shape == c.shape && d.fields.size() == c.fields.size()) continue;
        if (k < plans.size()) dropped[k] = true;
        else join_dropped[k - plans.size()] = true;
      }
    }
    for (size_t n = 0; n < joins.size(); ++n)
      if (join_dropped[n])
        for (size_t arm : joins[n].arms) dropped[arm] = true;
    for (size_t n = 0; n < joins.size(); ++n)
      for (size_t arm : joins[n].arms) join_dropped[n] = join_dropped[n] || dropped[arm];
    std::vector<JoinPlan> kept_joins;
    for (size_t n = 0; n < joins.size(); ++n)
      if (!join_dropped[n]) kept_joins.push_back(std::move(joins[n]));
    joins = std::move(kept_joins);
    std::vector<Plan> kept;
    std::vector<size_t> index(plans.size(), 0);
    for (size_t k = 0; k < plans.size(); ++k)
      if (!dropped[k]) index[k] = kept.size(), kept.push_back(std::move(plans[k]));
    for (JoinPlan& j : joins)
      for (size_t& arm : j.arms) arm = index[arm];
    plans = std::move(kept);
  }
  if (plans.empty()) {
    t.ins.resize(original);
    return;
  }
  t.allocations_removed += static_cast<uint32_t>(plans.size());

  // New constants (shapes) go first in the entry block, where they dominate
  // every snapshot.
  std::vector<Ref> consts;
  auto kraw = [&](int64_t v) {
    for (Ref c : consts)
      if (t.ins[c].imm == v) return c;
    consts.push_back(t.emit(IrOp::KRAW, kNoRef, kNoRef, v));
    return consts.back();
  };
  std::vector<Ref> kvals;
  auto kval = [&](uint64_t bits) {
    for (Ref c : kvals)
      if (static_cast<uint64_t>(t.ins[c].imm) == bits) return c;
    kvals.push_back(t.emit(IrOp::KVAL, kNoRef, kNoRef, static_cast<int64_t>(bits)));
    return kvals.back();
  };
  auto describe = [&](Ref at, int32_t& base_out) {
    Snapshot snap = t.snaps[t.ins[at].snap];
    if (snap.origin < 0) snap.origin = t.ins[at].snap;
    int32_t k = 0;
    for (const SnapEntry& e : snap.entries)
      if (is_virtual_slot(e.slot) && virtual_part(e.slot) == 0) ++k;
    base_out = kVirtualSlots + k * kVirtualStride;
    t.snaps.push_back(std::move(snap));
    t.ins[at].snap = static_cast<int32_t>(t.snaps.size()) - 1;
    return &t.snaps.back();
  };
  std::vector<std::pair<int32_t, Ref>> new_phis; // (header block, PHI), placed after the header's PHIs
  std::vector<Ref> fwd(t.ins.size(), kNoRef);
  std::vector<bool> keep(t.ins.size(), true);
  // Escapes: the object is built right before the instruction it escapes at
  // (a tuple by build_tuple, an instance by materialize, from the state
  // there). The helpers' calls come first, so that a tuple built after
  // another object escaped, from it, takes the real object among its items
  // (its build_tuple's argument, rewritten below, is that object's after
  // the escape) in everything its plan holds.
  std::vector<std::vector<Ref>> before(block_of.size()), at_end(t.blocks.size());
  for (Plan& p : plans)
    for (Escape& e : p.escapes) {
      const helpers::HelperInfo& h = helpers::helper_info(p.cls == &types::tuple ? helpers::HelperId::build_tuple
                                                                                 : helpers::HelperId::materialize);
      t.calls.push_back({reinterpret_cast<void*>(h.fn), h.name, {}});
      e.made = t.emit(IrOp::CALL, kNoRef, kNoRef, static_cast<int64_t>(t.calls.size()) - 1);
      t.ins[e.made].type = IrType::Val;
      if (e.at == kNoRef) at_end[e.block].push_back(e.made);
      else before[e.at].push_back(e.made);
    }
  // (Another plan takes an object as a value only after the object escaped:
  // its build_tuple call or its store, before, would have kept the object
  // whole. Its values then name the object built at that escape.)
  for (const Plan& from : plans) {
    if (from.escapes.empty()) continue;
    std::map<Ref, Ref> made_at; // use after an escape -> the object built there
    for (auto [r, k] : from.after) made_at[r] = from.escapes[k].made;
    for (Plan& p : plans) {
      Ref m = kNoRef;
      if (auto it = made_at.find(p.alloc); it != made_at.end()) m = it->second;
      for (const Step& st : p.steps)
        if (auto it = made_at.find(st.at); it != made_at.end()) m = it->second;
      if (m == kNoRef) continue;
      auto remap = [&](std::vector<Ref>& refs) { std::replace(refs.begin(), refs.end(), from.alloc, m); };
      for (SnapState& st : p.snaps) remap(st.fields);
      for (Escape& e : p.escapes) remap(e.fields);
      remap(p.carried.fields);
      for (Step& st : p.steps)
        if (st.action == Action::Forward && static_cast<Ref>(st.value) == from.alloc) st.value = m;
    }
  }
  // What a plan does to the instructions that use its object, and the
  // descriptions of it (part 0: `object`, its VNEW) in the snapshots that name it.
  auto apply = [&](const Plan& p, Ref object) {
    for (const Step& s : p.steps) {
      switch (s.action) {
      case Action::Drop: keep[s.at] = false; break;
      case Action::Forward:
        fwd[s.at] = static_cast<Ref>(s.value);
        keep[s.at] = false;
        break;
      case Action::MakeConst: t.ins[s.at] = Ins{IrOp::KRAW, IrType::Raw, kNoRef, kNoRef, s.value}; break;
      }
    }
    for (const SnapState& s : p.snaps) {
      int32_t base = 0;
      Snapshot* snap = describe(s.at, base);
      snap->entries.push_back({base, object});
      snap->entries.push_back({base + 1, kraw(layout(s.shape, s.fields))});
      for (uint32_t f = 0; f < count(s.shape, s.fields); ++f)
        snap->entries.push_back({base + 2 + static_cast<int32_t>(f), s.fields[f]});
    }
  };
  for (const Plan& p : plans) {
    t.ins[p.alloc] = Ins{IrOp::VNEW, IrType::Val, kNoRef, kNoRef, reinterpret_cast<int64_t>(p.cls)};
    apply(p, p.alloc);
  }
  // Escapes (continued): fill in the helpers' arguments, and point the
  // instruction that escapes and everything after it (operands, call
  // arguments, snapshots, block arguments) to the real object.
  for (Plan& p : plans) {
    for (Escape& e : p.escapes) {
      std::vector<Ref>& args = t.calls[t.ins[e.made].imm].args;
      if (p.cls == &types::tuple) {
        args.push_back(kval(Value::small_int(static_cast<int64_t>(e.fields.size())).bits()));
      } else {
        args.push_back(kval(Value::object(p.cls).bits()));
        args.push_back(kval(reinterpret_cast<uint64_t>(e.shape)));
      }
      for (uint32_t f = 0; f < count(e.shape, e.fields); ++f) args.push_back(e.fields[f]);
    }
    const Ref a = p.alloc;
    for (auto [r, k] : p.after) {
      const Ref m = p.escapes[k].made;
      Ins& i = t.ins[r];
      for (Ref* x : {&i.a, &i.b, &i.c})
        if (*x == a) *x = m;
      if (i.op == IrOp::CALL)
        for (Ref& arg : t.calls[i.imm].args)
          if (arg == a) arg = m;
      if (names(t, i, a)) { // (a copy: snapshots may be shared)
        Snapshot snap = t.snaps[i.snap];
        if (snap.origin < 0) snap.origin = i.snap;
        for (SnapEntry& en : snap.entries)
          if (en.ref == a) en.ref = m;
        t.snaps.push_back(std::move(snap));
        t.ins[r].snap = static_cast<int32_t>(t.snaps.size()) - 1;
      }
    }
    for (const Plan::ArgAfter& x : p.args_after) t.blocks[x.block].args[x.arg] = p.escapes[x.escape].made;
  }
  // Carried around the loop: the header's PHI takes the marker on the back
  // edges that carry a virtual, and the attributes get header PHIs of their
  // own (other edges pass None: the PHI holds a real object there). An exit
  // that sees the PHI builds the object from them when it holds the marker.
  // Back edges that each carry their own object into one PHI (the arms of a
  // loop's bridges) share the attribute PHIs: plan_removal found them of one
  // class and layout (the group check above).
  std::vector<const Plan*> carriers;
  for (const Plan& p : plans) carriers.push_back(&p);
  for (const JoinPlan& j : joins) carriers.push_back(&j.reads);
  for (size_t k = 0; k < carriers.size(); ++k) {
    const Plan& p = *carriers[k];
    const Carried& c = p.carried;
    if (c.pred < 0 || c.join) continue;
    bool first = true;
    for (size_t e = 0; e < k && first; ++e)
      first = !(carriers[e]->carried.pred >= 0 && !carriers[e]->carried.join && carriers[e]->carried.phi == c.phi);
    if (!first) continue; // (its group's first plan did it)
    const int32_t header = t.blocks[c.pred].succ;
    std::vector<Ref> field_phis;
    const uint32_t n = count(c.shape, c.fields);
    for (uint32_t f = 0; f < n; ++f) {
      field_phis.push_back(t.emit(IrOp::PHI, kNoRef, kNoRef, -1));
      t.ins.back().type = IrType::Val;
      new_phis.push_back({header, field_phis.back()});
    }
    const Ref marker = kval(virtual_marker_bits());
    const Ref none = kval(Value::none().bits());
    for (size_t b = 0; b < t.blocks.size(); ++b) {
      if (t.blocks[b].succ != header) continue;
      std::vector<Ref>& args = t.blocks[b].args;
      const Plan* carrier = nullptr;
      for (size_t e = k; e < carriers.size() && !carrier; ++e) {
        const Carried& d = carriers[e]->carried;
        if (d.phi == c.phi && d.pred >= 0 && !d.join && d.pred == static_cast<int32_t>(b)) carrier = carriers[e];
      }
      if (carrier) args[carrier->carried.arg] = marker;
      for (uint32_t f = 0; f < n; ++f) args.push_back(carrier ? carrier->carried.fields[f] : none);
    }
    for (Ref r : uses->of(c.phi)) {
      int32_t base = 0;
      Snapshot* snap = describe(r, base);
      snap->entries.push_back({base, kraw(reinterpret_cast<int64_t>(p.cls))});
      snap->entries.push_back({base + 1, kraw(layout(c.shape, c.fields))});
      for (uint32_t f = 0; f < n; ++f) snap->entries.push_back({base + 2 + static_cast<int32_t>(f), field_phis[f]});
      snap->entries.push_back({base + kVirtualStride - 1, c.phi});
    }
  }
  // Joins: each predecessor passes the fields instead of the object (its
  // arguments for the join PHIs removed, highest first, then the fields
  // appended in the order the field PHIs are placed); below the join, the
  // object is the join's VNEW, read like any virtual.
  std::vector<std::pair<int32_t, Ref>> after_phis; // (block, VNEW) placed after the block's (new) PHIs
  fwd.resize(t.ins.size(), kNoRef);
  keep.resize(t.ins.size(), true);
  for (size_t b = 0; b < t.blocks.size() && !joins.empty(); ++b) {
    std::vector<int32_t> gone;
    for (const JoinPlan& j : joins)
      if (t.blocks[b].succ == j.block) gone.push_back(j.phi - t.blocks[j.block].begin);
    std::sort(gone.rbegin(), gone.rend());
    for (int32_t k : gone) t.blocks[b].args.erase(t.blocks[b].args.begin() + k);
  }
  for (const JoinPlan& j : joins) {
    for (size_t arm : j.arms) {
      const Carried& c = plans[arm].carried;
      for (size_t f = 0; f < j.field_phis.size(); ++f) t.blocks[c.pred].args.push_back(c.fields[f]);
    }
    for (Ref phi : j.field_phis) new_phis.push_back({j.block, phi});
    after_phis.push_back({j.block, j.vnew});
    keep[j.phi] = false;
    fwd[j.phi] = j.vnew;
    apply(j.reads, j.vnew);
  }
  // (A forwarded load may read another forwarded load's value.)
  fwd.resize(t.ins.size(), kNoRef);
  forward_uses(t, fwd);
  keep.resize(t.ins.size(), true);
  std::vector<int32_t> blocks = block_of;
  blocks.resize(t.ins.size(), 0);
  for (auto [header, phi] : new_phis) blocks[phi] = header;
  for (auto [block, vnew] : after_phis) blocks[vnew] = block;
  std::vector<Ref> order(consts.begin(), consts.end());
  order.insert(order.end(), kvals.begin(), kvals.end());
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    for (Ref r = t.blocks[b].begin; r < t.blocks[b].end; ++r) {
      for (Ref m : before[r]) {
        order.push_back(m);
        blocks[m] = block_of[r];
      }
      if (keep[r]) order.push_back(r);
      // (A header's new PHIs follow its last PHI, in the order of their arguments.)
      const bool last_phi = t.ins[r].op == IrOp::PHI && (r + 1 >= static_cast<Ref>(block_of.size()) ||
                                                           t.ins[r + 1].op != IrOp::PHI || block_of[r + 1] != block_of[r]);
      if (last_phi) {
        for (auto [header, phi] : new_phis)
          if (header == block_of[r]) order.push_back(phi);
        for (auto [block, vnew] : after_phis)
          if (block == block_of[r]) order.push_back(vnew);
      }
    }
    for (Ref m : at_end[b]) { // (objects passed on to a join of real objects, built last)
      order.push_back(m);
      blocks[m] = static_cast<int32_t>(b);
    }
  }
  reorder(t, order, blocks);
}

} // namespace tributary::jit
