// test_dce.cpp — dead pure values go; guards, stores, calls and snapshot values stay.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::run_pass;

TEST_CASE("dead pure instructions are removed, snapshot uses keep values alive") {
  std::string out = run_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #3
  %4 int ADD %2 %3
  %5 int ADD %2 %2
  %6 bool LT %2 %3
  GUARD_TRUE %6 [pc 4 depth 1 1=%5]
  RET %0
)", pass_dce);
  size_t adds = 0;
  for (size_t p = out.find("ADD "); p != std::string::npos; p = out.find("ADD ", p + 1)) ++adds;
  CHECK(adds == 1); // %4 was dead
  CHECK(out.find("ADD         %2 %2") != std::string::npos); // named by the snapshot
  CHECK(out.find("GUARD_TRUE") != std::string::npos);
}
