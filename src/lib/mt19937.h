// mt19937.h — the Mersenne Twister exactly as CPython's _randommodule.c runs it.
//
// Seeding (init_by_array over 32-bit key words), the tempering and the 53-bit
// random() construction are CPython's, so a given key yields the very words
// and floats `random.seed(n)` yields there. Header-only so unit tests can
// check known outputs directly.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tributary::lib {

class Mt19937 {
public:
  static constexpr int kN = 624;
  static constexpr int kM = 397;

  // CPython's init_genrand.
  void init_genrand(uint32_t s) {
    state_[0] = s;
    for (int i = 1; i < kN; ++i)
      state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    index_ = kN;
  }

  // CPython's init_by_array: key words are the seed's 32-bit digits, least significant first.
  void init_by_array(const uint32_t* key, size_t len) {
    init_genrand(19650218U);
    size_t i = 1, j = 0;
    for (size_t k = (kN > len ? kN : len); k; --k) {
      state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
      ++i;
      ++j;
      if (i >= kN) {
        state_[0] = state_[kN - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (size_t k = kN - 1; k; --k) {
      state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
      ++i;
      if (i >= kN) {
        state_[0] = state_[kN - 1];
        i = 1;
      }
    }
    state_[0] = 0x80000000U;
    index_ = kN;
  }

  // genrand_uint32: the next tempered 32-bit word.
  uint32_t next() {
    static constexpr uint32_t kMag01[2] = {0x0U, 0x9908b0dfU};
    constexpr uint32_t kUpper = 0x80000000U, kLower = 0x7fffffffU;
    uint32_t y;
    if (index_ >= kN) {
      int kk = 0;
      for (; kk < kN - kM; ++kk) {
        y = (state_[kk] & kUpper) | (state_[kk + 1] & kLower);
        state_[kk] = state_[kk + kM] ^ (y >> 1) ^ kMag01[y & 1U];
      }
      for (; kk < kN - 1; ++kk) {
        y = (state_[kk] & kUpper) | (state_[kk + 1] & kLower);
        state_[kk] = state_[kk + (kM - kN)] ^ (y >> 1) ^ kMag01[y & 1U];
      }
      y = (state_[kN - 1] & kUpper) | (state_[0] & kLower);
      state_[kN - 1] = state_[kM - 1] ^ (y >> 1) ^ kMag01[y & 1U];
      index_ = 0;
    }
    y = state_[index_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
  }

  // random(): 53 random bits in [0, 1), as genrand_res53.
  double random() {
    uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // getrandbits(k) for 0 <= k <= 64.
  uint64_t bits64(int k) {
    if (k == 0) return 0;
    if (k <= 32) return next() >> (32 - k);
    uint64_t lo = next();
    uint32_t hi = next();
    if (k < 64) hi >>= (64 - k);
    return lo | (static_cast<uint64_t>(hi) << 32);
  }

  uint32_t* state() { return state_; }
  int index() const { return index_; }
  void set_index(int i) { index_ = i; }

private:
  uint32_t state_[kN];
  int index_ = kN + 1;
};

} // namespace tributary::lib
