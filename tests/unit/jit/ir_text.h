// ir_text.h — helpers for optimizer tests: IR text in, one pass, IR text out.
//
// A pass test states the whole trace the pass must produce (expect_pass), not
// fragments of it: a search for one line passes whatever else the pass did.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "jit/ir.h"
#include "jit/opt/pipeline.h"

namespace tributary::jit::test {

// Parses `text`, runs `pass` and returns the formatted result (verified).
inline std::string run_pass(const std::string& text, Pass pass) {
  Trace t;
  std::string err = parse_trace(text, t);
  REQUIRE_MESSAGE(err.empty(), err);
  REQUIRE_MESSAGE(verify(t).empty(), verify(t));
  pass(t);
  std::string v = verify(t);
  CHECK_MESSAGE(v.empty(), v);
  return format_trace(t);
}

// Normalizes whitespace so expected texts can be written readably.
inline std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '\n' && c != '\n') out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace detail {
inline std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from < s.size()) {
    size_t nl = s.find('\n', from);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(from, nl - from));
    from = nl + 1;
  }
  return out;
}
} // namespace detail

// "" when `actual` and `expected` are the same trace text (after squash()),
// else the differing lines (- expected, + actual) and the whole actual text.
inline std::string trace_diff(const std::string& actual, const std::string& expected) {
  const std::vector<std::string> got = detail::lines(squash(actual)), want = detail::lines(squash(expected));
  if (got == want) return {};
  // One hunk: everything between the common first and last lines.
  size_t head = 0;
  while (head < got.size() && head < want.size() && got[head] == want[head])
    ++head;
  size_t tail = 0;
  while (tail < got.size() - head && tail < want.size() - head &&
         got[got.size() - 1 - tail] == want[want.size() - 1 - tail])
    ++tail;
  std::string out = fmt::format("the pass output differs from line {} (- expected, + actual):\n", head + 1);
  for (size_t k = head; k < want.size() - tail; ++k)
    out += fmt::format("- {}\n", want[k]);
  for (size_t k = head; k < got.size() - tail; ++k)
    out += fmt::format("+ {}\n", got[k]);
  return out + "the whole output:\n" + actual;
}

// Runs `pass` on `input` and checks that its output is exactly `expected`.
inline void expect_pass(const std::string& input, Pass pass, const std::string& expected) {
  const std::string diff = trace_diff(run_pass(input, pass), expected);
  CHECK_MESSAGE(diff.empty(), diff);
}

} // namespace tributary::jit::test
