// fold.cpp — constant folding and algebraic simplification.
//
// Rules (each exact under Python semantics):
//   unbox(box(x)) -> x; a type guard on a box of that type, or on a constant
//   of that type, is dropped.
//   Constant operands fold (overflowing int folds are left to run, so the
//   guard still exits at run time).
//   x % 2**k -> x & (2**k - 1) and x // 2**k -> x >> k: floor division and
//   modulo by a positive power of two are exactly the two's-complement mask
//   and arithmetic shift (the seeds' `k % 2 == 0`).
//   x + 0, x - 0, x * 1 -> x.
//   A GUARD_TRUE/FALSE on a compare of two int or raw constants that holds
//   is dropped.
#include <bit>

#include "jit/opt/pipeline.h"
#include "runtime/value.h"

namespace tributary::jit {

namespace {

bool is_kint(const Trace& t, Ref r, int64_t* v = nullptr) {
  if (r == kNoRef || t.ins[r].op != IrOp::KINT) return false;
  if (v) *v = t.ins[r].imm;
  return true;
}

bool is_kf64(const Trace& t, Ref r, double* v) {
  if (r == kNoRef || t.ins[r].op != IrOp::KF64) return false;
  *v = std::bit_cast<double>(t.ins[r].imm);
  return true;
}

// The value of compare `c` when both operands are constants of one kind
// (KINT or KRAW): 1 or 0; -1 when not known.
int known_compare(const Trace& t, const Ins& c) {
  if (c.a == kNoRef || c.b == kNoRef) return -1;
  const Ins &a = t.ins[c.a], &b = t.ins[c.b];
  if (a.op != b.op || (a.op != IrOp::KINT && a.op != IrOp::KRAW)) return -1;
  switch (c.op) {
  case IrOp::EQ: return a.imm == b.imm;
  case IrOp::NE: return a.imm != b.imm;
  case IrOp::LT: return a.imm < b.imm;
  case IrOp::LE: return a.imm <= b.imm;
  case IrOp::GT: return a.imm > b.imm;
  case IrOp::GE: return a.imm >= b.imm;
  default: return -1;
  }
}

bool power_of_two(int64_t v, int* k) {
  if (v <= 0 || (v & (v - 1))) return false;
  *k = std::countr_zero(static_cast<uint64_t>(v));
  return true;
}

} // namespace

void pass_fold(Trace& t) {
  std::vector<Ref> fwd(t.ins.size(), kNoRef);
  std::vector<bool> keep(t.ins.size(), true);
  auto res = [&](Ref r) {
    while (r != kNoRef && fwd[r] != kNoRef) r = fwd[r];
    return r;
  };
  for (size_t n = 0; n < t.ins.size(); ++n) {
    Ins& i = t.ins[n];
    i.a = res(i.a);
    i.b = res(i.b);
    i.c = res(i.c);
    const Ins* a = i.a != kNoRef ? &t.ins[i.a] : nullptr;
    int64_t x = 0, y = 0;
    double fx = 0, fy = 0;
    switch (i.op) {
    case IrOp::COPY: fwd[n] = i.a; break; // (the region former needed it distinct; code does not)
    case IrOp::UNBOX_INT:
      if (a->op == IrOp::BOX_INT) fwd[n] = a->a;
      else if (a->op == IrOp::KVAL && Value::from_bits(a->imm).is_small_int()) {
        i.op = IrOp::KINT;
        i.imm = Value::from_bits(a->imm).as_small_int();
        i.a = kNoRef;
      }
      break;
    case IrOp::UNBOX_F64:
      if (a->op == IrOp::BOX_F64) fwd[n] = a->a;
      else if (a->op == IrOp::KVAL && Value::from_bits(a->imm).is_double()) {
        i.op = IrOp::KF64;
        i.imm = static_cast<int64_t>(std::bit_cast<uint64_t>(Value::from_bits(a->imm).as_double()));
        i.a = kNoRef;
      }
      break;
    case IrOp::BOX_INT:
      if (a->op == IrOp::KINT) {
        i.imm = static_cast<int64_t>(Value::small_int(a->imm).bits());
        i.op = IrOp::KVAL;
        i.a = kNoRef;
      }
      break;
    case IrOp::BOX_F64:
      if (a->op == IrOp::KF64) {
        i.imm = static_cast<int64_t>(Value::from_double(std::bit_cast<double>(a->imm)).bits());
        i.op = IrOp::KVAL;
        i.a = kNoRef;
      }
      break;
    case IrOp::GUARD_INT:
      if (a->op == IrOp::BOX_INT || (a->op == IrOp::KVAL && Value::from_bits(a->imm).is_small_int())) keep[n] = false;
      break;
    case IrOp::GUARD_F64:
      if (a->op == IrOp::BOX_F64 || (a->op == IrOp::KVAL && Value::from_bits(a->imm).is_double())) keep[n] = false;
      break;
    case IrOp::GUARD_IS:
      if (a->op == IrOp::KVAL && a->imm == i.imm) keep[n] = false;
      break;
    case IrOp::GUARD_TRUE:
    case IrOp::GUARD_FALSE: // decided: a compare of constants (a removed allocation's shape and room checks)
      if (known_compare(t, *a) == (i.op == IrOp::GUARD_TRUE ? 1 : 0)) keep[n] = false;
      break;
    case IrOp::GUARD_ISNT:
      if ((a->op == IrOp::KVAL && a->imm != i.imm) || a->op == IrOp::BOX_INT || a->op == IrOp::BOX_F64) keep[n] = false;
      break;
    case IrOp::ADD_OV:
    case IrOp::SUB_OV:
      if (is_kint(t, i.b, &y) && y == 0) fwd[n] = i.a;
      else if (is_kint(t, i.a, &x) && is_kint(t, i.b, &y)) {
        int64_t z = i.op == IrOp::ADD_OV ? x + y : x - y;
        if (Value::fits_small(z)) {
          i.op = IrOp::KINT;
          i.imm = z;
          i.a = i.b = kNoRef;
          i.snap = -1;
        }
      }
      break;
    case IrOp::MUL_OV:
      if (is_kint(t, i.b, &y) && y == 1) fwd[n] = i.a;
      else if (is_kint(t, i.a, &x) && x == 1) fwd[n] = i.b;
      break;
    case IrOp::FLOORMOD: {
      int k;
      if (is_kint(t, i.b, &y) && power_of_two(y, &k)) {
        Ref mask = static_cast<Ref>(t.ins.size());
        t.ins.push_back({IrOp::KINT, IrType::Int, kNoRef, kNoRef, y - 1});
        fwd.push_back(kNoRef);
        keep.push_back(true);
        Ins& again = t.ins[n]; // push_back may have moved the vector
        again.op = IrOp::AND;
        again.b = mask;
        again.snap = -1;
      }
      break;
    }
    case IrOp::FLOORDIV: {
      int k;
      if (is_kint(t, i.b, &y) && power_of_two(y, &k)) {
        i.op = IrOp::SAR;
        i.imm = k;
        i.b = kNoRef;
        i.snap = -1;
      }
      break;
    }
    case IrOp::I2F:
      if (is_kint(t, i.a, &x)) {
        i.op = IrOp::KF64;
        i.imm = static_cast<int64_t>(std::bit_cast<uint64_t>(static_cast<double>(x)));
        i.a = kNoRef;
      }
      break;
    case IrOp::FADD:
    case IrOp::FSUB:
    case IrOp::FMUL:
      if (is_kf64(t, i.a, &fx) && is_kf64(t, i.b, &fy)) {
        double z = i.op == IrOp::FADD ? fx + fy : i.op == IrOp::FSUB ? fx - fy : fx * fy;
        i.op = IrOp::KF64;
        i.imm = static_cast<int64_t>(std::bit_cast<uint64_t>(z));
        i.a = i.b = kNoRef;
      }
      break;
    case IrOp::IMIN:
    case IrOp::IMAX:
      if (is_kint(t, i.a, &x) && is_kint(t, i.b, &y)) {
        const bool min = i.op == IrOp::IMIN;
        i.op = IrOp::KINT;
        i.imm = (min ? y < x : y > x) ? y : x;
        i.a = i.b = kNoRef;
      }
      break;
    case IrOp::FNEG:
      if (is_kf64(t, i.a, &fx)) {
        i.op = IrOp::KF64;
        i.imm = static_cast<int64_t>(std::bit_cast<uint64_t>(-fx));
        i.a = kNoRef;
      }
      break;
    default: break;
    }
  }
  // A constant materialized above sits after its user: move it to the front of its user's block.
  forward_uses(t, fwd);
  for (size_t n = 0; n < t.ins.size(); ++n)
    if (fwd[n] != kNoRef) keep[n] = false;
  std::vector<int32_t> block_of = block_index(t);
  block_of.resize(t.ins.size(), 0);
  std::vector<Ref> order;
  for (size_t n = 0; n < t.ins.size(); ++n)
    if (keep[n] && n >= static_cast<size_t>(t.blocks.empty() ? 0 : t.blocks.back().end)) order.push_back(static_cast<Ref>(n));
  // New constants go first (entry block); then the original instructions.
  std::vector<Ref> all = order;
  for (size_t n = 0; n < static_cast<size_t>(t.blocks.back().end); ++n)
    if (keep[n]) all.push_back(static_cast<Ref>(n));
  reorder(t, all, block_of);
}

} // namespace tributary::jit
