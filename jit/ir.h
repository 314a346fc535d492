// ir.h — the typed SSA trace IR.
//
// A Trace is a CFG over one instruction array: blocks are contiguous ranges of
// instructions; a loop trace has an entry block (slot loads, type guards,
// hoisted invariants) and a loop block whose PHIs join the entry values with
// the values at the back edge. Every guard carries a snapshot: the bytecode
// position to resume at, the stack depth, and which IR value each frame slot
// holds, so the interpreter state is rebuilt exactly on a side exit. Regions
// (later) add blocks, branches and joins to the same structure.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include <gc/gc_allocator.h>

#include "runtime/value.h"

namespace tributary::vm {
struct Code;
}

namespace tributary::jit {

enum class IrOp : uint8_t {
#define IR_OP(name, type, flags, nops, doc) name,
#include "jit/ir.def"
#undef IR_OP
  kCount
};

enum class IrType : uint8_t { None, Val, Int, Raw, F64, Bool };

enum IrFlag : uint8_t { Pure = 1, Guard = 2, Load = 4, Store = 8, Call = 16, Ctl = 32, Const = 64 };

struct IrOpInfo {
  const char* name;
  IrType type;
  uint8_t flags;
  uint8_t operands;
  const char* doc;
};

inline constexpr IrOpInfo kIrOpInfo[] = {
#define IR_OP(name, type, flags, nops, doc) {#name, IrType::type, flags, nops, doc},
#include "jit/ir.def"
#undef IR_OP
};
static_assert(sizeof(kIrOpInfo) / sizeof(kIrOpInfo[0]) == static_cast<size_t>(IrOp::kCount));

inline const IrOpInfo& ir_info(IrOp op) { return kIrOpInfo[static_cast<size_t>(op)]; }
const char* type_name(IrType t);

using Ref = int32_t;
inline constexpr Ref kNoRef = -1;

struct Ins {
  IrOp op;
  IrType type;
  Ref a = kNoRef;
  Ref b = kNoRef;
  int64_t imm = 0;
  int32_t snap = -1;   // guards: snapshot index
  int32_t target = -1; // guards: block entered when the guard fails (-1: side exit)
  int32_t exit_id = -1; // guards: index of its ExitInfo in the owning CompiledTrace
  int32_t line = 0;    // source line, for dumps
  Ref c = kNoRef;      // third operand (SELECT only; last, so {op, type, a, b, imm} initializers keep their meaning)

  bool is(IrFlag f) const { return ir_info(op).flags & f; }
  // A constant that stands for a Python value (KINT, KF64, KVAL; not KRAW):
  // that value's bits.
  bool is_value_const() const { return is(Const) && op != IrOp::KRAW; }
  uint64_t value_bits() const {
    switch (op) {
    case IrOp::KINT: return Value::small_int(imm).bits();
    case IrOp::KF64: return Value::from_double(std::bit_cast<double>(imm)).bits();
    default: return static_cast<uint64_t>(imm);
    }
  }
};

struct SnapEntry {
  int32_t slot; // index into the frame's slot array (locals, cells, stack)
  Ref ref;
  bool operator==(const SnapEntry&) const = default;
};

// A frame inlined into the trace, as a snapshot sees it: its slots are the
// snapshot entries numbered from `base` (past the slots of the frames around
// it), and on an exit it is rebuilt and resumed at `pc`.
struct SnapFrame {
  Value func;           // the inlined Function (kept alive by the trace's pool)
  int32_t base;         // its slot 0, as a snapshot slot number
  uint32_t pc;          // innermost frame: the guarded instruction; others: after their call
  uint32_t stack_depth; // its value-stack depth there
  int32_t entry = -1;   // how it was entered: kByCall, kByInit, or a BINARY_OP's arg (>= 0)
  bool operator==(const SnapFrame&) const = default;
};

// How an inlined frame was entered (SnapFrame::entry), when its caller's
// instruction is not a plain call: a value >= 0 is the arg of a BINARY_OP
// whose left operand's special method it runs (NotImplemented hands the
// operator on).
inline constexpr int32_t kByCall = -1; // a call: its result is the call's
inline constexpr int32_t kByInit = -2; // a class call's __init__: the call's result is self
inline constexpr int32_t kByIter = -3; // FOR_ITER's __next__: its StopIteration ends the loop
// FOR_ITER's generator, resumed inline: the frame is the generator's own (its
// slots live in the generator, written back at each yield), the iterator
// stays on the caller's stack, and the generator's end ends the loop.
inline constexpr int32_t kByGen = -4;

// pc and stack_depth describe the trace's own frame. With inlined calls, that
// frame resumes after the outermost inlined call (whose result is pushed),
// and `frames` lists the inlined frames, outermost first.
// Virtual objects (opt/virtuals.cpp): a snapshot entry whose ref is a VNEW
// stands for an object that exists only if the exit is taken. The snapshot
// describes each such object with entries past kVirtualSlots: for its k-th
// one, slot kVirtualSlots + k * kVirtualStride holds the VNEW, the next a
// KRAW of its shape, and the next ones the values of its attribute slots.
inline constexpr int32_t kVirtualSlots = 1 << 24;
inline constexpr int32_t kVirtualStride = 64;
inline constexpr int32_t kVirtualFields = kVirtualStride - 3;
inline bool is_virtual_slot(int32_t slot) { return slot >= kVirtualSlots; }
inline int32_t virtual_index(int32_t slot) { return (slot - kVirtualSlots) / kVirtualStride; }
// A loop-carried object (opt/virtuals.cpp): the header PHI of the local
// that holds it takes virtual_marker_bits() once the object is virtual; its
// description's first entry is then a KRAW of its class, and its last
// (kVirtualStride - 1) that PHI: an exit builds the object only when the
// PHI holds the marker (else it is the real object the loop started with).
uint64_t virtual_marker_bits();
// 0: the VNEW (or its class), 1: its shape, 2 + i: attribute slot i,
// kVirtualStride - 1: the carried PHI.
inline int32_t virtual_part(int32_t slot) { return (slot - kVirtualSlots) % kVirtualStride; }

struct Snapshot {
  uint32_t pc;          // instruction to resume at
  uint32_t stack_depth; // value-stack depth at that instruction
  std::vector<SnapEntry> entries;
  std::vector<SnapFrame> frames;
  uint8_t unrolled = 0; // iterations of loops without a trace the path ran through (see Recorder)
  // A copy a pass made for one guard (opt/virtuals.cpp: the same state plus
  // the virtual objects it sees): the snapshot it was copied from, else -1.
  int32_t origin = -1;
};

struct CallSite {
  void* fn;              // Value (*)(const Value* args) — returns the exception marker on error
  const char* name;
  std::vector<Ref> args;
};

// A block's PHIs come first; a block that jumps to `succ` passes one value
// per PHI of `succ` in `args` (block arguments), so joins with any number of
// predecessors need no PHI operands.
struct Block {
  int32_t begin, end;     // instruction range [begin, end)
  int32_t succ = -1;      // block jumped to at the end, or -1 (RET / TO_ROOT ends it)
  std::vector<Ref> args;  // values for succ's PHIs, in order
};

// What ends a trace: a loop back to its own header, a jump to another
// trace's loop (bridges), or a return (function traces).
// Chunk: a root that starts at a statement of a huge code object (a merge
// point outside its loops) and runs straight code from there, one piece of a
// function too long for one trace (seed 003's "open-ended traces").
enum class TraceKind : uint8_t { Loop, Function, Bridge, Chunk };

// Why an EXIT ends its path (its imm): the interpreter raises there, the
// generator's or coroutine's frame suspends there (YIELD_VALUE), or the path
// reached the header of a loop that has no trace yet (Loop: the interpreter
// runs the loop; the exit gets a bridge into the loop's trace once it exists),
// or a recording of huge code was cut there (Chunk: the next chunk is recorded
// from there, and the exit's bridge then jumps into it).
enum class ExitEnd : uint8_t { Raise, Suspend, Loop, Chunk };

struct Trace {
  TraceKind kind = TraceKind::Loop;
  std::vector<Ins> ins;
  std::vector<Block> blocks;
  std::vector<Snapshot> snaps;
  std::vector<CallSite> calls;
  // Objects the machine code refers to; kept alive for the GC.
  std::vector<Value, traceable_allocator<Value>> pool;
  const vm::Code* code = nullptr;
  uint32_t start_pc = 0;
  uint32_t allocations_removed = 0; // by opt/virtuals.cpp (the stat of that name)

  Ref emit(IrOp op, Ref a = kNoRef, Ref b = kNoRef, int64_t imm = 0) {
    ins.push_back({op, ir_info(op).type, a, b, imm});
    return static_cast<Ref>(ins.size()) - 1;
  }
  IrType type(Ref r) const { return ins[r].type; }
};

// The exception marker helpers return instead of throwing.
inline constexpr uint64_t kExcMarker = Value::kEmptyBits;

std::string format_ins(const Trace& t, Ref r);
std::string format_trace(const Trace& t);
const char* kind_name(TraceKind k);
// Parses format_trace()'s text back (optimizer tests read IR in and compare IR
// out). CALL helpers are resolved by name. Returns "" or an error message.
std::string parse_trace(std::string_view text, Trace& out);

} // namespace tributary::jit
