// bounds.cpp — integer range analysis: drops overflow and zero-divisor checks
// that the operands' ranges make impossible.
//
// Each Int value gets an interval of its plain (unscaled) value. Sources of
// knowledge: constants, `x % m` and `x & m` with a constant m >= 0 (the
// seeds' `% 2**k` and `% prime` bucketing), arithmetic shifts and floor
// divisions by constants; everything else (loads, PHIs, unboxing) is the full
// 48-bit range. Only operations whose result range provably fits 48 bits lose
// their guard:
//   ADD_OV/SUB_OV/MUL_OV -> ADD/SUB/MUL, FLOORMOD by a non-zero constant ->
//   FLOORMOD_NZ, FLOORDIV by a constant other than 0 and -1 -> FLOORDIV_NZ.
#include <algorithm>

#include "jit/opt/pipeline.h"
#include "runtime/value.h"

namespace tributary::jit {

namespace {

struct Range {
  __int128 lo, hi;
};

constexpr __int128 kMin = Value::kSmallMin, kMax = Value::kSmallMax;
constexpr Range kFull{kMin, kMax};

bool fits(const Range& r) { return r.lo >= kMin && r.hi <= kMax; }

Range clamp(Range r) { return fits(r) ? r : kFull; }

} // namespace

void pass_bounds(Trace& t) {
  std::vector<Range> range(t.ins.size(), kFull);
  auto konst = [&](Ref r, int64_t& v) {
    if (r == kNoRef || t.ins[r].op != IrOp::KINT) return false;
    v = t.ins[r].imm;
    return true;
  };
  for (size_t n = 0; n < t.ins.size(); ++n) {
    Ins& i = t.ins[n];
    if (i.type != IrType::Int) continue;
    const Range a = i.a != kNoRef ? range[i.a] : kFull;
    const Range b = i.b != kNoRef ? range[i.b] : kFull;
    int64_t k = 0;
    Range r = kFull;
    switch (i.op) {
    case IrOp::KINT: r = {i.imm, i.imm}; break;
    case IrOp::ADD_OV:
    case IrOp::ADD:
      r = {a.lo + b.lo, a.hi + b.hi};
      if (i.op == IrOp::ADD_OV && fits(r)) i.op = IrOp::ADD, i.snap = -1;
      break;
    case IrOp::SUB_OV:
    case IrOp::SUB:
      r = {a.lo - b.hi, a.hi - b.lo};
      if (i.op == IrOp::SUB_OV && fits(r)) i.op = IrOp::SUB, i.snap = -1;
      break;
    case IrOp::MUL_OV:
    case IrOp::MUL: {
      __int128 c[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
      r = {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
      if (i.op == IrOp::MUL_OV && fits(r)) i.op = IrOp::MUL, i.snap = -1;
      break;
    }
    case IrOp::AND:
      if (konst(i.b, k) && k >= 0) r = {0, k};
      else if (a.lo >= 0) r = {0, a.hi};
      break;
    case IrOp::FLOORMOD:
    case IrOp::FLOORMOD_NZ:
      if (konst(i.b, k) && k != 0) {
        r = k > 0 ? Range{0, k - 1} : Range{k + 1, 0};
        if (i.op == IrOp::FLOORMOD) i.op = IrOp::FLOORMOD_NZ, i.snap = -1;
      }
      break;
    case IrOp::FLOORDIV:
    case IrOp::FLOORDIV_NZ:
      if (konst(i.b, k) && k != 0 && k != -1) {
        __int128 x = a.lo / k, y = a.hi / k;
        r = {std::min(x, y) - 1, std::max(x, y) + 1};
        if (i.op == IrOp::FLOORDIV) i.op = IrOp::FLOORDIV_NZ, i.snap = -1;
      }
      break;
    case IrOp::SAR: r = {a.lo >> i.imm, a.hi >> i.imm}; break;
    case IrOp::IMIN: r = {std::min(a.lo, b.lo), std::min(a.hi, b.hi)}; break;
    case IrOp::IMAX: r = {std::max(a.lo, b.lo), std::max(a.hi, b.hi)}; break;
    default: break;
    }
    range[n] = clamp(r);
  }
}

} // namespace tributary::jit
