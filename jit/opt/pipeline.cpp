// pipeline.cpp — the pass order, and the driver that verifies after each pass.
#include "jit/opt/pipeline.h"

#include <fmt/format.h>

namespace tributary::jit {

const std::vector<PassInfo>& passes() {
  static const std::vector<PassInfo> kPasses = {
      {"phis", pass_phis},         // joins of one value are that value
      {"virtuals", pass_virtuals}, // allocations that do not escape exist only at the exits that need them
      {"fold", pass_fold}, // constants, algebra, box/unbox pairs, decided guards
      {"bounds", pass_bounds}, // integer ranges drop impossible overflow checks
      {"cse", pass_cse},   // common subexpressions and redundant guards
      {"licm", pass_licm}, // loop-invariant code leaves the loop
      {"dce", pass_dce},   // unused pure values (side blocks left empty can then be converted)
      {"ifconvert", pass_ifconvert}, // diamonds that only choose values become selects
      {"dce", pass_dce},   // what the selects made unused
  };
  return kPasses;
}

std::string pass_names() {
  std::string out;
  for (const PassInfo& p : passes())
    if (out.find(p.name) == std::string::npos) out += fmt::format("{}{}", out.empty() ? "" : ", ", p.name);
  return out;
}

std::string unknown_pass(std::string_view list) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    bool known = false;
    for (const PassInfo& p : passes()) known |= name == p.name;
    if (!known) return std::string(name);
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
  }
  return {};
}

namespace {
bool is_disabled(std::string_view list, const char* name) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (list.substr(0, comma) == name) return true;
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
  }
  return false;
}
} // namespace

std::string optimize(Trace& t, std::string_view disabled, bool each_pass) {
  std::string err = verify(t);
  if (!err.empty()) return "invalid trace from the recorder or region former: " + err;
  for (const PassInfo& p : passes()) {
    if (is_disabled(disabled, p.name)) continue;
    p.run(t);
    if (!each_pass) continue;
    err = verify(t);
    if (!err.empty()) return fmt::format("pass {} broke the trace: {}", p.name, err);
  }
  if (!each_pass && !(err = verify(t)).empty()) return "the optimizer broke the trace: " + err;
  return {};
}

} // namespace tributary::jit
