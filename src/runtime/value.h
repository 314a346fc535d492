// value.h — the one 64-bit value word of Tributary.
//
// Encoding (NaN-boxing with raw pointers, after JavaScriptCore):
//   top 16 bits == 0x0000  pointer to a heap Object, or a small immediate
//                          (None, False, True, the internal "empty" marker);
//                          pointers are >= kMinPointer and 8-byte aligned,
//                          so the conservative GC sees them unchanged.
//   top 16 bits == 0xFFFF  small int: a signed 48-bit payload.
//   anything else          a double, stored as its IEEE bits + 2^48.
// Invariants: every NaN is canonicalized before boxing (so no double lands in
// the 0xFFFF tag); an int that fits in 48 bits is always small (BigInt objects
// only hold values outside that range), so equality of small ints is equality
// of words.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace tributary {

struct Object;

class Value {
public:
  static constexpr uint64_t kIntTag = 0xFFFF'0000'0000'0000ull;
  static constexpr uint64_t kDoubleOffset = 1ull << 48;
  static constexpr uint64_t kMinPointer = 0x100;
  static constexpr int64_t kSmallMax = (int64_t(1) << 47) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 47);
  static constexpr uint64_t kNoneBits = 0x02;
  static constexpr uint64_t kFalseBits = 0x06;
  static constexpr uint64_t kTrueBits = 0x07;
  static constexpr uint64_t kEmptyBits = 0x0A; // unbound local, missing value

  constexpr Value() : bits_(kEmptyBits) {}

  static constexpr Value from_bits(uint64_t b) { return Value(b); }
  static constexpr Value none() { return Value(kNoneBits); }
  static constexpr Value empty() { return Value(kEmptyBits); }
  static constexpr Value boolean(bool b) { return Value(b ? kTrueBits : kFalseBits); }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallMin && i <= kSmallMax; }
  // Precondition: fits_small(i). Use make_int() (int.h) for any int64.
  static constexpr Value small_int(int64_t i) {
    return Value(kIntTag | (static_cast<uint64_t>(i) & 0xFFFF'FFFF'FFFFull));
  }
  static Value from_double(double d) {
    if (d != d) d = std::numeric_limits<double>::quiet_NaN();
    return Value(std::bit_cast<uint64_t>(d) + kDoubleOffset);
  }
  static Value object(const Object* o) { return Value(reinterpret_cast<uint64_t>(o)); }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_small_int() const { return bits_ >= kIntTag; }
  constexpr bool is_double() const { return (bits_ >> 48) - 1 < 0xFFFE; }
  constexpr bool is_number() const { return bits_ >= kDoubleOffset; }
  constexpr bool is_object() const { return bits_ >= kMinPointer && (bits_ >> 48) == 0; }
  constexpr bool is_none() const { return bits_ == kNoneBits; }
  constexpr bool is_empty() const { return bits_ == kEmptyBits; }
  constexpr bool is_bool() const { return (bits_ | 1) == kTrueBits; }
  constexpr bool is_true() const { return bits_ == kTrueBits; }
  constexpr bool is_false() const { return bits_ == kFalseBits; }

  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_ << 16) >> 16; }
  double as_double() const { return std::bit_cast<double>(bits_ - kDoubleOffset); }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T> T* as() const { return static_cast<T*>(as_object()); }

  constexpr bool operator==(const Value&) const = default;

private:
  constexpr explicit Value(uint64_t b) : bits_(b) {}
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);
static_assert(Value::small_int(-1).as_small_int() == -1);
static_assert(Value::small_int(Value::kSmallMin).as_small_int() == Value::kSmallMin);
static_assert(Value::small_int(Value::kSmallMax).as_small_int() == Value::kSmallMax);
static_assert(!Value::none().is_object() && !Value::none().is_double() && !Value::none().is_small_int());

} // namespace tributary
