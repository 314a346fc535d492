// test_sre.cpp — the regular-expression engine below the `_sre` module: the
// code validator and the matcher on programs CPython 3.11's re compiler emits
// (the code lists come from re._compiler._code; see tests/scripts/lib_re for
// the differential tests through Python).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lib/sre/engine.h"
#include "lib/sre/validate.h"

using namespace tributary::lib::sre;

namespace {

constexpr Code kMax = kMaxRepeat;
// (a|b)*
const std::vector<Code> kAlternationStar = {14, 4, 0,  0,  kMax, 23, 13, 0, kMax, 17, 0,
                                            13, 5, 22, 97, 98,   0,  17, 1, 18,   1};
// a(?=b)
const std::vector<Code> kLookahead = {14, 8, 1, 1, 1, 1, 1, 97, 0, 16, 97, 4, 5, 0, 16, 98, 1, 1};
// (?:ab)++c
const std::vector<Code> kPossessive = {14, 4, 0, 3, kMax, 28, 7, 1, kMax, 16, 97, 16, 98, 1, 16, 99, 1};
// (a)(?(1)b|c)
const std::vector<Code> kConditional = {14, 8, 1,  2, 2, 1,  0,  97, 0, 17, 0,  16, 97,
                                        17, 1, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1};

Subject narrow(const std::string& s) {
  Subject subj;
  subj.narrow = reinterpret_cast<const uint8_t*>(s.data());
  subj.length = static_cast<int64_t>(s.size());
  return subj;
}

// The span of a match of `code` at 0 in `s`, or {-1, -1}.
std::pair<int64_t, int64_t> match_span(const std::vector<Code>& code, int64_t groups, const std::string& s, State& st) {
  st.start = 0;
  st.end = static_cast<int64_t>(s.size());
  if (!match(code, groups * 2 + 2, narrow(s), st)) return {-1, -1};
  return {st.start, st.ptr};
}

} // namespace

TEST_CASE("sre validator accepts compiler output and rejects damaged code") {
  int64_t slots = 0;
  CHECK(validate(kAlternationStar, 1, slots));
  CHECK(slots == 2);
  CHECK(validate(kLookahead, 0, slots));
  CHECK(validate(kPossessive, 0, slots));
  CHECK(validate(kConditional, 1, slots));
  // Group numbers beyond the pattern's groups (MARK may name one pair more,
  // as CPython's validator allows; the engine sizes the marks for it).
  CHECK(validate(std::vector<Code>{17, 1, 1}, 0, slots));
  CHECK_FALSE(validate(std::vector<Code>{17, 2, 1}, 0, slots));
  CHECK_FALSE(validate(kConditional, 0, slots));
  // A skip leaving its construct, a truncated program, a missing final SUCCESS.
  std::vector<Code> bad_skip = kPossessive;
  bad_skip[6] = 70;
  CHECK_FALSE(validate(bad_skip, 0, slots));
  std::vector<Code> truncated(kLookahead.begin(), kLookahead.end() - 3);
  truncated.push_back(1);
  CHECK_FALSE(validate(truncated, 0, slots));
  std::vector<Code> no_success(kLookahead.begin(), kLookahead.end() - 1);
  CHECK_FALSE(validate(no_success, 0, slots));
  // Set members are not ops.
  CHECK_FALSE(validate(std::vector<Code>{22, 97, 98, 1}, 0, slots));
  CHECK_FALSE(validate(std::vector<Code>{}, 0, slots));
}

TEST_CASE("sre matcher: alternation, lookahead, possessive repeat, conditional") {
  State st;
  CHECK(match_span(kAlternationStar, 1, "abbac", st) == std::pair<int64_t, int64_t>{0, 4});
  // Group 1 holds the last iteration: "a" at 3.
  CHECK(st.lastmark == 1);
  CHECK(st.marks[0] == 3);
  CHECK(st.marks[1] == 4);
  CHECK(match_span(kLookahead, 0, "ab", st) == std::pair<int64_t, int64_t>{0, 1});
  CHECK(match_span(kLookahead, 0, "ac", st).first == -1);
  CHECK(match_span(kPossessive, 0, "ababc", st) == std::pair<int64_t, int64_t>{0, 5});
  CHECK(match_span(kPossessive, 0, "abab", st).first == -1);
  CHECK(match_span(kConditional, 1, "ab", st) == std::pair<int64_t, int64_t>{0, 2});
  CHECK(match_span(kConditional, 1, "ac", st).first == -1);
}

TEST_CASE("sre search finds the leftmost match and honours must_advance") {
  State st;
  std::string s = "xxab";
  st.start = 0;
  st.end = 4;
  REQUIRE(search(kLookahead, 2, narrow(s), st));
  CHECK(st.start == 2);
  CHECK(st.ptr == 3);
  // (a|b)* matches empty at 0; after an empty match there the next must advance.
  st = State{};
  st.start = 0;
  st.end = 4;
  st.must_advance = true;
  REQUIRE(search(kAlternationStar, 4, narrow(s), st));
  CHECK(st.start == 1);
  CHECK(st.ptr == 1);
}

TEST_CASE("sre backtracking depth is bounded by memory, not the C++ stack") {
  State st;
  std::string s(1000000, 'a');
  s[500000] = 'b';
  CHECK(match_span(kAlternationStar, 1, s, st) == std::pair<int64_t, int64_t>{0, 1000000});
}
