// engine.h — the backtracking matcher for CPython 3.11's pattern code.
//
// The engine runs code produced by re/_compiler.py (checked by validate.h)
// over a subject of one code-unit width: bytes, ASCII str (one byte per code
// point) or a decoded str (32-bit code points). Positions are code-point
// indices. Backtracking keeps its frames on heap vectors, never on the C++
// stack, so the depth of a match is bounded by memory, not by stack size.
//
// The results, captured groups included, are CPython's: each opcode keeps the
// order of attempts and the save/restore points of the group marks that
// Modules/_sre/sre_lib.h has, since several patterns (`(a|b)*`, `(a*)*?`,
// conditionals) expose those details in the groups they report.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "lib/sre/constants.h"

namespace tributary::lib::sre {

// A subject: `length` code units of one width; exactly one pointer is set.
struct Subject {
  const uint8_t* narrow = nullptr;
  const uint32_t* wide = nullptr;
  int64_t length = 0;
};

// One match or search. The caller sets start/end (and match_all,
// must_advance); a successful call leaves the match in start..ptr and the
// groups in marks (two per group, -1 when unset) up to lastmark.
struct State {
  int64_t start = 0;         // where matching starts; after a success, where the match starts
  int64_t end = 0;           // endpos: no character at or past it is read as part of a match
  int64_t ptr = 0;           // after a success, where the match ends
  bool match_all = false;    // fullmatch: succeed only at `end`
  bool must_advance = false; // an empty match at `start` is not allowed (after an empty match)
  int lastmark = -1;         // highest mark index set
  int lastindex = -1;        // last closed group (Match.lastindex), -1 when none
  std::vector<int64_t> marks;

  // Forgets the groups of an earlier attempt.
  void reset() { lastmark = lastindex = -1; }
};

// Raised (as a C++ exception) for code the engine cannot run; the module
// turns it into RuntimeError("internal error in regular expression engine").
struct EngineError {};

// Matches `code` (a validated program) at state.start. `mark_slots` is one more
// than the highest MARK index in the code (validate() reports it).
bool match(std::span<const Code> code, int64_t mark_slots, const Subject& s, State& state);
// Finds the first match at or after state.start.
bool search(std::span<const Code> code, int64_t mark_slots, const Subject& s, State& state);

} // namespace tributary::lib::sre
