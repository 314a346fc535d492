// ir_text.h — helpers for optimizer tests: IR text in, one pass, IR text out.
#pragma once

#include <doctest/doctest.h>

#include <string>

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

// How many times `what` occurs in `s` (e.g. an op name in printed IR).
inline size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
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

} // namespace tributary::jit::test
