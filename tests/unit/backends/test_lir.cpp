// test_lir.cpp — the low-level IR on its own: the builder's layout, the
// verifier's rejections, and every built-in backend running small functions
// written directly in LIR (no Python, no trace IR).
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "backends/backend.h"

using namespace tributary;
using lir::Builder;
using lir::Op;
using lir::Ref;
using lir::Ty;

namespace {

using Code = int64_t (*)(void*, void*);

std::vector<std::string> backend_list() {
  std::vector<std::string> out;
  std::string names = backends::backend_names();
  for (size_t at = 0; at < names.size();) {
    size_t comma = names.find(", ", at);
    out.push_back(names.substr(at, comma - at));
    at = comma == std::string::npos ? names.size() : comma + 2;
  }
  return out;
}

// Compiles `f` with every backend and calls `check(code, backend name)`.
template <typename Check>
void on_every_backend(const lir::Func& f, Check check) {
  const auto names = backend_list();
  REQUIRE_FALSE(names.empty());
  for (const std::string& name : names) {
    CAPTURE(name);
    auto backend = backends::make_backend(name);
    REQUIRE(backend);
    backends::CodeResult res = backend->compile(f);
    REQUIRE_MESSAGE(res.error.empty(), res.error);
    REQUIRE(res.entry);
    CHECK(res.size > 0);
    check(reinterpret_cast<Code>(res.entry));
    backend->release(res.entry);
  }
}

int64_t bits(double d) { return std::bit_cast<int64_t>(d); }
double dbl(int64_t b) { return std::bit_cast<double>(b); }

// sum of i for i in range(n), n read from *arg0: a loop with two PHIs.
lir::Func sum_loop() {
  lir::Func f;
  Builder b(f);
  const int32_t entry = b.new_block(), head = b.new_block(), body = b.new_block(), done = b.new_block();
  b.open(entry);
  Ref p = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref n = b.op(Op::LOAD, Ty::I64, p);
  Ref zero = b.k(0);
  b.close(head, {zero, zero});
  b.open(head);
  Ref i = b.op(Op::PHI, Ty::I64);
  Ref acc = b.op(Op::PHI, Ty::I64);
  b.branch(Op::BR_GE, i, n, done);
  b.close(body);
  b.open(body);
  Ref acc2 = b.op(Op::ADD, Ty::I64, acc, i);
  Ref i2 = b.op(Op::ADD, Ty::I64, i, b.k(1));
  b.close(head, {i2, acc2});
  b.open(done);
  b.emit({Op::RET, Ty::None, acc});
  b.close();
  REQUIRE(b.finish() == "");
  return f;
}

int64_t add3(int64_t a, int64_t b, int64_t c) { return a * 100 + b * 10 + c; }

} // namespace

TEST_CASE("LIR: a counted loop with PHIs runs on every backend") {
  lir::Func f = sum_loop();
  CHECK(f.blocks.size() == 4);
  on_every_backend(f, [](Code code) {
    for (int64_t n : {0, 1, 10, 1000}) {
      CAPTURE(n);
      CHECK(code(&n, nullptr) == n * (n - 1) / 2);
    }
  });
}

TEST_CASE("LIR: the builder lays cold blocks out last and renumbers operands") {
  lir::Func f;
  Builder b(f);
  const int32_t entry = b.new_block(), cold = b.new_block(true), hot = b.new_block();
  b.open(entry);
  Ref x = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref v = b.op(Op::LOAD, Ty::I64, x);
  b.branch(Op::BR_EQ, v, b.k(0), cold);
  b.close(hot);
  b.open(cold);
  b.emit({Op::RET, Ty::None, b.k(-1)});
  b.close();
  b.open(hot);
  b.emit({Op::RET, Ty::None, v});
  b.close();
  REQUIRE(b.finish() == "");
  REQUIRE(f.blocks.size() == 3);
  CHECK_FALSE(f.blocks[1].cold);
  CHECK(f.blocks[2].cold);
  CHECK(f.blocks[0].succ == 1);
  CHECK(f.ins[f.blocks[0].end - 1].target == 2); // the branch follows its block
  CHECK(f.ins[f.blocks[1].begin].a == v);        // RET v, v unmoved (entry first)
  CHECK(lir::format(f) ==
        "L0: -> L1\n"
        "  v0   i64 ARG     \n"
        "  v1   i64 LOAD     v0\n"
        "  v2   i64 CONST    #0x0\n"
        "           BR_EQ    v1 v2 -> L2\n"
        "L1:\n"
        "           RET      v1\n"
        "L2: (cold)\n"
        "  v5   i64 CONST    #0xffffffffffffffff\n"
        "           RET      v5\n");
  on_every_backend(f, [](Code code) {
    int64_t zero = 0, seven = 7;
    CHECK(code(&zero, nullptr) == -1);
    CHECK(code(&seven, nullptr) == 7);
  });
}

TEST_CASE("LIR: overflow branches take their target exactly on signed 64-bit overflow") {
  // *arg1 = a OP b; returns 0, or 1 when the op overflowed. In[0] = a, in[1] = b.
  for (Op op : {Op::ADD_OV, Op::SUB_OV, Op::MUL_OV, Op::NEG_OV}) {
    for (bool const_b : {false, true}) {
      CAPTURE(lir::op_info(op).name);
      CAPTURE(const_b);
      const int64_t kb = 3;
      lir::Func f;
      Builder b(f);
      const int32_t entry = b.new_block(), ov = b.new_block(true);
      b.open(entry);
      Ref in = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
      Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
      Ref x = b.op(Op::LOAD, Ty::I64, in);
      Ref y = const_b ? b.k(kb) : b.op(Op::LOAD, Ty::I64, in, lir::kNone, 8);
      Ref r = b.emit({op, Ty::I64, x, op == Op::NEG_OV ? lir::kNone : y, lir::kNone, 0, ov});
      b.emit({Op::STORE, Ty::None, out, r});
      b.emit({Op::RET, Ty::None, b.k(0)});
      b.close();
      b.open(ov);
      b.emit({Op::RET, Ty::None, b.k(1)});
      b.close();
      REQUIRE(b.finish() == "");
      on_every_backend(f, [&](Code code) {
        const int64_t big = std::numeric_limits<int64_t>::max(), small = std::numeric_limits<int64_t>::min();
        struct Case {
          int64_t a, b;
        };
        for (Case c : {Case{5, kb}, Case{big, kb}, Case{small, kb}, Case{-7, kb}, Case{big / 3, kb}, Case{big / 2, kb}}) {
          int64_t in2[2] = {c.a, c.b}, result = 0, expect = 0;
          bool overflow = false;
          switch (op) {
          case Op::ADD_OV: overflow = __builtin_add_overflow(c.a, c.b, &expect); break;
          case Op::SUB_OV: overflow = __builtin_sub_overflow(c.a, c.b, &expect); break;
          case Op::MUL_OV: overflow = __builtin_mul_overflow(c.a, c.b, &expect); break;
          default: overflow = __builtin_sub_overflow(int64_t{0}, c.a, &expect); break;
          }
          CAPTURE(c.a);
          CHECK(code(in2, &result) == (overflow ? 1 : 0));
          if (!overflow) CHECK(result == expect);
        }
      });
    }
  }
}

TEST_CASE("LIR: integer arithmetic, shifts, compares and SELECT") {
  // out[k] = one result each; inputs a = in[0], b = in[1].
  lir::Func f;
  Builder b(f);
  b.open(b.new_block());
  Ref in = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
  Ref x = b.op(Op::LOAD, Ty::I64, in), y = b.op(Op::LOAD, Ty::I64, in, lir::kNone, 8);
  Ref big = b.k(0x1234'5678'9ABC'DEF0); // not an imm32: must live in a register
  std::vector<Ref> rs = {
      b.op(Op::SDIV, Ty::I64, x, y),
      b.op(Op::SDIV, Ty::I64, x, b.k(4)),
      b.op(Op::MUL, Ty::I64, x, b.k(-3)),
      b.op(Op::SAR, Ty::I64, x, lir::kNone, 2),
      b.op(Op::SHR, Ty::I64, x, lir::kNone, 60),
      b.op(Op::SHL, Ty::I64, x, lir::kNone, 16),
      b.op(Op::XOR, Ty::I64, x, big),
      b.op(Op::AND, Ty::I64, x, b.k(0xFF)),
      b.op(Op::LT, Ty::I64, x, y),
      b.op(Op::GE, Ty::I64, x, big),
      b.op(Op::EQ, Ty::I64, x, b.k(0)),
      b.emit({Op::SELECT, Ty::I64, b.op(Op::LT, Ty::I64, x, y), x, big}),
      b.op(Op::NEG, Ty::I64, x),
  };
  for (size_t k = 0; k < rs.size(); ++k) b.emit({Op::STORE, Ty::None, out, rs[k], lir::kNone, int64_t(8 * k)});
  b.emit({Op::STORE, Ty::None, out, big, lir::kNone, int64_t(8 * rs.size())});
  b.emit({Op::RET, Ty::None, b.k(0)});
  b.close();
  REQUIRE(b.finish() == "");
  on_every_backend(f, [&](Code code) {
    const int64_t kBig = 0x1234'5678'9ABC'DEF0;
    for (auto [a, c] : {std::pair<int64_t, int64_t>{-7, 2}, {7, -2}, {-8, 3}, {0, 5}, {-1, 1}, {kBig, 7}}) {
      CAPTURE(a);
      int64_t in2[2] = {a, c}, r[14] = {};
      code(in2, r);
      CHECK(r[0] == a / c); // truncating, like C
      CHECK(r[1] == a / 4);
      CHECK(r[2] == a * -3);
      CHECK(r[3] == (a >> 2));
      CHECK(r[4] == static_cast<int64_t>(static_cast<uint64_t>(a) >> 60));
      CHECK(r[5] == static_cast<int64_t>(static_cast<uint64_t>(a) << 16));
      CHECK(r[6] == (a ^ kBig));
      CHECK(r[7] == (a & 0xFF));
      CHECK(r[8] == (a < c));
      CHECK(r[9] == (a >= kBig));
      CHECK(r[10] == (a == 0));
      CHECK(r[11] == (a < c ? a : kBig));
      CHECK(r[12] == -a);
      CHECK(r[13] == kBig);
    }
  });
}

TEST_CASE("LIR: doubles: arithmetic, NaN-aware compares, FMIN/FMAX operand order, conversions") {
  lir::Func f;
  Builder b(f);
  b.open(b.new_block());
  Ref in = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
  Ref x = b.op(Op::LOAD, Ty::F64, in), y = b.op(Op::LOAD, Ty::F64, in, lir::kNone, 8);
  Ref half = b.kf(std::bit_cast<uint64_t>(0.5));
  std::vector<Ref> rs = {
      b.op(Op::FADD, Ty::F64, x, y),     b.op(Op::FSUB, Ty::F64, x, half), b.op(Op::FMUL, Ty::F64, x, y),
      b.op(Op::FDIV, Ty::F64, x, y),     b.op(Op::FMIN, Ty::F64, x, y),    b.op(Op::FMAX, Ty::F64, x, y),
      b.op(Op::FNEG, Ty::F64, x),        b.op(Op::FABS, Ty::F64, x),       b.op(Op::FFLOOR, Ty::F64, x),
      b.op(Op::FCEIL, Ty::F64, x),       b.op(Op::FSQRT, Ty::F64, b.op(Op::FABS, Ty::F64, x)),
      b.emit({Op::SELECT, Ty::F64, b.op(Op::FLT, Ty::I64, x, y), x, half}),
  };
  std::vector<Ref> ints = {
      b.op(Op::FEQ, Ty::I64, x, y), b.op(Op::FNE, Ty::I64, x, y), b.op(Op::FLT, Ty::I64, x, y),
      b.op(Op::FLE, Ty::I64, x, y), b.op(Op::FGT, Ty::I64, x, y), b.op(Op::FGE, Ty::I64, x, y),
      b.op(Op::BITS_F2I, Ty::I64, x),
  };
  int64_t off = 0;
  for (Ref r : rs) b.emit({Op::STORE, Ty::None, out, r, lir::kNone, 8 * off++});
  for (Ref r : ints) b.emit({Op::STORE, Ty::None, out, r, lir::kNone, 8 * off++});
  b.emit({Op::RET, Ty::None, b.k(0)});
  b.close();
  REQUIRE(b.finish() == "");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  on_every_backend(f, [&](Code code) {
    const double inf = std::numeric_limits<double>::infinity();
    for (auto [a, c] : {std::pair<double, double>{1.5, 2.0}, {-2.5, 0.0}, {nan, 1.0}, {1.0, nan}, {0.0, -0.0},
                        {-0.0, 0.0}, {3.0, 3.0}, {-nan, 2.0}, {-inf, 1.0}, {inf, -1.0}, {-1e-310, 1.0}}) {
      CAPTURE(a);
      CAPTURE(c);
      double in2[2] = {a, c};
      int64_t r[19] = {};
      code(in2, r);
      auto same = [](double got, double want) { return bits(got) == bits(want) || (std::isnan(got) && std::isnan(want)); };
      CHECK(same(dbl(r[0]), a + c));
      CHECK(same(dbl(r[1]), a - 0.5));
      CHECK(same(dbl(r[2]), a * c));
      CHECK(same(dbl(r[3]), a / c));
      CHECK(same(dbl(r[4]), c < a ? c : a)); // min(a, c) in Python's order
      CHECK(same(dbl(r[5]), c > a ? c : a));
      CHECK(same(dbl(r[6]), -a));
      CHECK(bits(dbl(r[7])) == bits(std::fabs(a))); // (the sign bit of zeros and NaNs too)
      CHECK(same(dbl(r[8]), std::floor(a)));
      CHECK(same(dbl(r[9]), std::ceil(a)));
      CHECK(same(dbl(r[10]), std::sqrt(std::fabs(a))));
      CHECK(same(dbl(r[11]), a < c ? a : 0.5));
      CHECK(r[12] == (a == c));
      CHECK(r[13] == (a != c));
      CHECK(r[14] == (a < c));
      CHECK(r[15] == (a <= c));
      CHECK(r[16] == (a > c));
      CHECK(r[17] == (a >= c));
      CHECK(r[18] == bits(a));
    }
  });
}

TEST_CASE("LIR: I2F, F2I, BITS_I2F, indexed loads and a C call") {
  lir::Func f;
  Builder b(f);
  b.open(b.new_block());
  Ref in = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
  Ref i = b.op(Op::LOAD, Ty::I64, in);
  Ref third = b.emit({Op::LOADX, Ty::I64, in, i, lir::kNone, 8}); // in[i + 1]
  Ref addr = b.op(Op::LEAX, Ty::I64, in, i);
  Ref d = b.op(Op::I2F, Ty::F64, third);
  Ref scaled = b.op(Op::FMUL, Ty::F64, d, b.kf(std::bit_cast<uint64_t>(2.75)));
  Ref back = b.op(Op::F2I, Ty::I64, scaled);
  Ref raw = b.op(Op::BITS_I2F, Ty::F64, b.k(bits(-1.25)));
  Ref called = b.call(reinterpret_cast<const void*>(&add3), {i, third, b.k(7)});
  b.emit({Op::STORE, Ty::None, out, back});
  b.emit({Op::STORE, Ty::None, out, raw, lir::kNone, 8});
  b.emit({Op::STORE, Ty::None, out, called, lir::kNone, 16});
  b.emit({Op::STORE, Ty::None, out, b.op(Op::LOAD, Ty::I64, addr), lir::kNone, 24});
  b.emit({Op::RET, Ty::None, called});
  b.close();
  REQUIRE(b.finish() == "");
  on_every_backend(f, [&](Code code) {
    int64_t in2[4] = {2, 11, 22, -33}, r[4] = {};
    CHECK(code(in2, r) == 2 * 100 + -33 * 10 + 7);
    CHECK(r[0] == static_cast<int64_t>(-33 * 2.75)); // truncated toward zero: -90
    CHECK(dbl(r[1]) == -1.25);
    CHECK(r[2] == 2 * 100 + -33 * 10 + 7);
    CHECK(r[3] == 22); // in + 8 * 2
  });
}

TEST_CASE("LIR: I2F of an unboxed small int (SAR by 16), at the ends of its range") {
  // (MIR converts ints of under 51 bits without cvtsi2sd: small_i2d.)
  lir::Func f;
  Builder b(f);
  b.open(b.new_block());
  Ref in = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
  Ref boxed = b.op(Op::LOAD, Ty::I64, in);
  Ref d = b.op(Op::I2F, Ty::F64, b.op(Op::SAR, Ty::I64, boxed, lir::kNone, 16));
  Ref e = b.op(Op::I2F, Ty::F64, b.op(Op::SAR, Ty::I64, boxed, lir::kNone, 13));
  b.emit({Op::STORE, Ty::None, out, d});
  b.emit({Op::STORE, Ty::None, out, e, lir::kNone, 8});
  b.emit({Op::RET, Ty::None, b.k(0)});
  b.close();
  REQUIRE(b.finish() == "");
  on_every_backend(f, [&](Code code) {
    for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{12345}, -(int64_t{1} << 47),
                      (int64_t{1} << 47) - 1, INT64_MIN, INT64_MAX, int64_t{-3}}) {
      CAPTURE(v);
      int64_t in1[1] = {v}, r[2] = {};
      code(in1, r);
      CHECK(bits(dbl(r[0])) == bits(static_cast<double>(v >> 16)));
      CHECK(bits(dbl(r[1])) == bits(static_cast<double>(v >> 13)));
    }
  });
}

TEST_CASE("LIR: PHI inputs are a parallel copy (a swap on the back edge)") {
  // a, b = 1, 2; repeat n times: a, b = b, a. Returns a * 10 + b.
  lir::Func f;
  Builder b(f);
  const int32_t entry = b.new_block(), head = b.new_block(), body = b.new_block(), done = b.new_block();
  b.open(entry);
  Ref n = b.op(Op::LOAD, Ty::I64, b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0));
  b.close(head, {b.k(0), b.k(1), b.k(2)});
  b.open(head);
  Ref i = b.op(Op::PHI, Ty::I64), x = b.op(Op::PHI, Ty::I64), y = b.op(Op::PHI, Ty::I64);
  b.branch(Op::BR_GE, i, n, done);
  b.close(body);
  b.open(body);
  b.close(head, {b.op(Op::ADD, Ty::I64, i, b.k(1)), y, x});
  b.open(done);
  b.emit({Op::RET, Ty::None, b.op(Op::ADD, Ty::I64, b.op(Op::MUL, Ty::I64, x, b.k(10)), y)});
  b.close();
  REQUIRE(b.finish() == "");
  on_every_backend(f, [](Code code) {
    int64_t even = 4, odd = 5;
    CHECK(code(&even, nullptr) == 12);
    CHECK(code(&odd, nullptr) == 21);
  });
}

// Clobbers the caller-saved registers a C function may use (integer and SSE).
[[gnu::noinline]] int64_t clobber(int64_t x) {
  volatile double d[16];
  volatile int64_t v[16];
  for (int k = 0; k < 16; ++k) {
    d[k] = k * 1.5 + static_cast<double>(x);
    v[k] = k ^ x;
  }
  double s = 0;
  int64_t t = 0;
  for (int k = 0; k < 16; ++k) s += d[k], t += v[k];
  return t + static_cast<int64_t>(s);
}

TEST_CASE("LIR: more values than registers, live across a call, read by an exit") {
  // 24 ints and 12 doubles loaded before a call, all summed after it; an
  // exit block (cold) reads some of them where the first int is negative.
  constexpr int kInts = 24, kDoubles = 12;
  lir::Func f;
  Builder b(f);
  const int32_t entry = b.new_block(), exit = b.new_block(/*cold=*/true);
  b.open(entry);
  Ref p = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
  Ref out = b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
  std::vector<Ref> ints, dbls;
  for (int k = 0; k < kInts; ++k) ints.push_back(b.op(Op::LOAD, Ty::I64, p, lir::kNone, 8 * k));
  for (int k = 0; k < kDoubles; ++k) dbls.push_back(b.op(Op::LOAD, Ty::F64, p, lir::kNone, 8 * (kInts + k)));
  Ref c = b.call(reinterpret_cast<const void*>(&clobber), {ints[1]});
  b.branch(Op::BR_LT, ints[0], b.k(0), exit);
  Ref si = c;
  for (Ref v : ints) si = b.op(Op::ADD, Ty::I64, si, v);
  Ref sf = dbls[0];
  for (int k = 1; k < kDoubles; ++k) sf = b.op(Op::FADD, Ty::F64, sf, dbls[k]);
  b.emit({Op::STORE, Ty::None, out, sf});
  b.emit({Op::RET, Ty::None, si});
  b.close();
  b.open(exit);
  b.emit({Op::STORE, Ty::None, out, dbls[7]});
  b.emit({Op::STORE, Ty::None, out, ints[20], lir::kNone, 8});
  b.emit({Op::RET, Ty::None, b.op(Op::SUB, Ty::I64, ints[3], c)});
  b.close();
  REQUIRE(b.finish() == "");
  on_every_backend(f, [&](Code code) {
    for (int64_t first : {int64_t{5}, int64_t{-5}}) {
      CAPTURE(first);
      int64_t in[kInts + kDoubles], r[2] = {};
      int64_t sum = clobber(-7);
      double fsum = 0;
      for (int k = 0; k < kInts; ++k) in[k] = k == 0 ? first : k == 1 ? -7 : k * 1000 + 3, sum += in[k];
      for (int k = 0; k < kDoubles; ++k) in[kInts + k] = bits(k * 0.25 - 1.0), fsum += k * 0.25 - 1.0;
      const int64_t got = code(in, r);
      if (first >= 0) {
        CHECK(got == sum);
        CHECK(dbl(r[0]) == fsum);
      } else {
        CHECK(got == in[3] - clobber(-7));
        CHECK(dbl(r[0]) == 7 * 0.25 - 1.0);
        CHECK(r[1] == in[20]);
      }
    }
  });
}

TEST_CASE("LIR: the verifier rejects what a backend could not compile") {
  auto build = [](auto body) {
    lir::Func f;
    Builder b(f);
    body(b);
    return b.finish();
  };
  // A value defined on one arm of a diamond, used after the join.
  CHECK(build([](Builder& b) {
          const int32_t e = b.new_block(), l = b.new_block(), r = b.new_block(), j = b.new_block();
          b.open(e);
          Ref x = b.op(Op::LOAD, Ty::I64, b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0));
          b.branch(Op::BR_EQ, x, b.k(0), r);
          b.close(l);
          b.open(l);
          Ref only_left = b.op(Op::ADD, Ty::I64, x, b.k(1));
          b.close(j);
          b.open(r);
          b.close(j);
          b.open(j);
          b.emit({Op::RET, Ty::None, only_left});
          b.close();
        }).find("not computed on every path") != std::string::npos);
  // An overflow branch's target sees only the values before it, not its own result.
  CHECK(build([](Builder& b) {
          const int32_t e = b.new_block(), ov = b.new_block(true);
          b.open(e);
          Ref x = b.op(Op::LOAD, Ty::I64, b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0));
          Ref sum = b.emit({Op::ADD_OV, Ty::I64, x, x, lir::kNone, 0, ov});
          b.emit({Op::RET, Ty::None, sum});
          b.close();
          b.open(ov);
          b.emit({Op::RET, Ty::None, sum});
          b.close();
        }).find("not computed on every path") != std::string::npos);
  // Types: an F64 operand to an integer add, an I64 to FADD.
  CHECK(build([](Builder& b) {
          b.open(b.new_block());
          Ref x = b.op(Op::ADD, Ty::I64, b.kf(0), b.k(1));
          b.emit({Op::RET, Ty::None, x});
          b.close();
        }).find("is not I64") != std::string::npos);
  CHECK(build([](Builder& b) {
          b.open(b.new_block());
          Ref x = b.op(Op::FADD, Ty::F64, b.k(1), b.kf(0));
          b.emit({Op::RET, Ty::None, b.op(Op::BITS_F2I, Ty::I64, x)});
          b.close();
        }).find("types") != std::string::npos);
  // PHI arguments: too few, and a branch straight into a block with PHIs.
  CHECK(build([](Builder& b) {
          const int32_t e = b.new_block(), j = b.new_block();
          b.open(e);
          b.close(j, {});
          b.open(j);
          b.emit({Op::RET, Ty::None, b.op(Op::PHI, Ty::I64)});
          b.close();
        }).find("passes 0 arguments to 1 PHIs") != std::string::npos);
  CHECK(build([](Builder& b) {
          const int32_t e = b.new_block(), j = b.new_block();
          b.open(e);
          Ref x = b.k(1);
          b.branch(Op::BR_EQ, x, x, j);
          b.close(j, {x});
          b.open(j);
          b.emit({Op::RET, Ty::None, b.op(Op::PHI, Ty::I64)});
          b.close();
        }).find("which has PHIs") != std::string::npos);
  // A block that neither falls through nor returns, and code after a return.
  CHECK(build([](Builder& b) {
          b.open(b.new_block());
          b.k(1);
          b.close();
        }).find("no successor and no return") != std::string::npos);
  CHECK(build([](Builder& b) {
          b.open(b.new_block());
          Ref x = b.k(1);
          b.emit({Op::RET, Ty::None, x});
          b.k(2);
          b.close();
        }).find("follows the end") != std::string::npos);
  CHECK(build([](Builder& b) {
          const int32_t e = b.new_block(), other = b.new_block();
          b.open(e);
          b.close(other);
          b.open(other);
          b.emit({Op::RET, Ty::None, b.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0)});
          b.close();
        }).find("ARG outside the entry block") != std::string::npos);
}
