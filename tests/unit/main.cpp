// main.cpp — doctest runner for the unit tests; sets up the GC and runtime once.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "lib/modules.h"
#include "runtime/gc.h"

namespace tributary {
void init_runtime_types();
} // namespace tributary

int main(int argc, char** argv) {
  tributary::gc::init();
  tributary::init_runtime_types();
  tributary::init_lib();
  doctest::Context ctx(argc, argv);
  return ctx.run();
}
