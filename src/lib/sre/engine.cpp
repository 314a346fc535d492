// engine.cpp — the matcher (see engine.h).
//
// Structure: an op that must try a sub-match and then act on its outcome
// (BRANCH, the repeats, assertions, atomic groups) "calls" the sub-pattern:
// it parks its own state in its Frame, the driver loop in run() pushes a child
// frame, and when the child returns the parent continues in resume() at the
// point its Resume tag names. This is the shape of a recursive matcher with
// the recursion moved to a vector, so `(a|b)*` over 100,000 characters needs
// 100,000s of frames of heap, not of C++ stack.
//
// Three stacks hold the rest: saved_ keeps snapshots of the group marks and
// REPEAT's last_ptr (each frame pops exactly what it pushed before it
// returns), repeats_ the contexts of REPEAT ops, which live exactly as long
// as the frame that created them, so they are LIFO too.
//
// Invariants the code relies on: the program passed validate(); every
// position is in [0, length]; a character is read only below `end`, or below
// `length` where CPython reads past `end` (AT_END_LINE).
#include "lib/sre/engine.h"

#include <algorithm>

#include "lib/sre/chars.h"

namespace tributary::lib::sre {

namespace {

// Where a parent continues when its child frame returns.
enum class Resume : uint8_t {
  None,
  Branch,
  RepeatOne,
  RepeatOneLiteral,
  MinRepeatOne,
  Repeat,
  MaxUntilMin,
  MaxUntilMore,
  MaxUntilTail,
  MinUntilMin,
  MinUntilTail,
  MinUntilMore,
  PossessiveMin,
  PossessiveMore,
  Atomic,
  Assert,
  AssertNot,
};

struct Frame {
  const Code* pc;                        // while waiting for a child: the op's operands (or the alternative tried)
  int64_t ptr;                           // while waiting for a child: the op's position
  int64_t count = 0;                     // repetitions so far (repeat ops)
  int32_t rep = -1;                      // the repeat context (REPEAT, MAX_UNTIL, MIN_UNTIL)
  int32_t lastmark = -1, lastindex = -1; // saved State::lastmark/lastindex
  Code chr = 0;                          // REPEAT_ONE: the literal its tail starts with
  Resume resume;                         // where the parent continues after this frame
  bool toplevel;                         // SUCCESS here must honour match_all and must_advance
  bool saved_marks = false;              // marks were pushed on saved_ (pop them before returning)
};

// A REPEAT op's context, seen by the MAX_UNTIL/MIN_UNTIL at the end of its body.
struct RepeatContext {
  int64_t count;    // iterations done; -1 before the first
  const Code* pc;   // the REPEAT's operands: <skip> <min> <max> body
  int64_t last_ptr; // where the last iteration started (-1: none); stops empty loops
  int32_t prev;     // the enclosing repeat
};

inline Code op_code(Op op) { return static_cast<Code>(op); }

template <class Char> const Char* text_of(const Subject& s);
template <> const uint8_t* text_of<uint8_t>(const Subject& s) { return s.narrow; }
template <> const uint32_t* text_of<uint32_t>(const Subject& s) { return s.wide; }

template <class Char> class Matcher {
public:
  Matcher(const Subject& s, State& st) : text_(text_of<Char>(s)), length_(s.length), st_(st) {}

  // Matches the code at `pc` from st_.ptr; SUCCESS leaves the end in st_.ptr.
  bool run(const Code* pc, bool toplevel);

  // Does `c` belong to the set whose members start at `set`?
  static bool in_set(const Code* set, uint32_t c);

private:
  enum class Next : uint8_t { Call, Return };
  struct Outcome {
    Next next;
    bool value;
  };
  static constexpr Outcome kFail{Next::Return, false};
  static constexpr Outcome kSucceed{Next::Return, true};
  static constexpr int64_t kNone = -1;

  const Char* text_;
  int64_t length_;
  State& st_;
  std::vector<Frame> frames_;
  std::vector<int64_t> saved_;
  std::vector<RepeatContext> repeats_;
  int32_t repeat_ = -1; // innermost active repeat context
  // The child the last Outcome{Call} asked for.
  const Code* call_pc_ = nullptr;
  Resume call_resume_ = Resume::None;
  bool call_toplevel_ = false;

  // The frame running now. Re-read after anything that may run a nested match
  // (count()), which grows frames_.
  Frame& top() { return frames_.back(); }

  Outcome call(const Code* pc, int64_t ptr, const Code* child, Resume how, bool toplevel) {
    Frame& f = top();
    f.pc = pc;
    f.ptr = ptr;
    call_pc_ = child;
    call_resume_ = how;
    call_toplevel_ = toplevel;
    return {Next::Call, false};
  }

  Outcome enter();
  Outcome exec(const Code* pc, int64_t ptr);
  Outcome resume(Resume how, bool ok);

  Outcome next_alternative(const Code* pc, int64_t ptr);
  Outcome repeat_one(const Code* pc, int64_t ptr);
  Outcome repeat_one_next(const Code* pc, int64_t ptr, bool literal_tail);
  Outcome min_repeat_one(const Code* pc, int64_t ptr);
  Outcome min_repeat_one_next(const Code* pc, int64_t ptr);
  Outcome max_until(const Code* pc, int64_t ptr);
  Outcome max_until_tail(const Code* pc, int64_t ptr);
  Outcome min_until(const Code* pc, int64_t ptr);
  Outcome possessive_min_next(const Code* pc, int64_t ptr);
  Outcome possessive_more_next(const Code* pc, int64_t last);

  int64_t count(const Code* pc, Code maxcount);
  bool at(int64_t ptr, Code where) const;
  bool is_word_at(int64_t ptr, Code family) const;

  // ---- group marks ----
  void set_mark(Code i, int64_t ptr) {
    int idx = static_cast<int>(i);
    if (idx & 1) st_.lastindex = idx / 2 + 1;
    if (idx > st_.lastmark) {
      for (int j = st_.lastmark + 1; j < idx; ++j)
        st_.marks[j] = kNone;
      st_.lastmark = idx;
    }
    st_.marks[idx] = ptr;
  }
  void save_lastmark(Frame& f) {
    f.lastmark = st_.lastmark;
    f.lastindex = st_.lastindex;
  }
  void restore_lastmark(const Frame& f) {
    st_.lastmark = f.lastmark;
    st_.lastindex = f.lastindex;
  }
  void push_marks(int lastmark) {
    if (lastmark >= 0) saved_.insert(saved_.end(), st_.marks.begin(), st_.marks.begin() + lastmark + 1);
  }
  // Restores the marks pushed with `lastmark`, keeping (keep) or dropping the copy.
  void restore_marks(int lastmark, bool keep) {
    if (lastmark < 0) return;
    size_t n = static_cast<size_t>(lastmark) + 1;
    std::copy(saved_.end() - static_cast<ptrdiff_t>(n), saved_.end(), st_.marks.begin());
    if (!keep) saved_.resize(saved_.size() - n);
  }
  void drop_marks(int lastmark) {
    if (lastmark >= 0) saved_.resize(saved_.size() - (static_cast<size_t>(lastmark) + 1));
  }
  // Saves lastmark/lastindex and, inside a repeat, the marks themselves
  // (CPython protects the marks only where a repeat may overwrite them).
  void protect_marks_in_repeat(Frame& f) {
    save_lastmark(f);
    f.saved_marks = repeat_ >= 0;
    if (f.saved_marks) push_marks(f.lastmark);
  }
  void release_marks(const Frame& f) {
    if (f.saved_marks) drop_marks(f.lastmark);
  }
  void undo_marks(const Frame& f, bool keep) {
    if (f.saved_marks) restore_marks(f.lastmark, keep);
    restore_lastmark(f);
  }

  bool group_span(Code group, int64_t& from, int64_t& to) const {
    int64_t ref = static_cast<int64_t>(group) * 2;
    if (ref >= st_.lastmark) return false;
    from = st_.marks[ref];
    to = st_.marks[ref + 1];
    return from >= 0 && to >= 0 && from <= to;
  }
  template <class Fold> bool match_group(Code group, int64_t& ptr, Fold fold) const {
    int64_t p, e;
    if (!group_span(group, p, e)) return false;
    for (; p < e; ++p, ++ptr)
      if (ptr >= st_.end || fold(text_[ptr]) != fold(text_[p])) return false;
    return true;
  }
};

template <class Char> bool Matcher<Char>::in_set(const Code* set, uint32_t c) {
  bool member = true; // NEGATE flips what a hit means
  for (;;) {
    switch (static_cast<Op>(*set++)) {
    case Op::FAILURE: return !member;
    case Op::LITERAL:
      if (c == set[0]) return member;
      ++set;
      break;
    case Op::CATEGORY:
      if (in_category(set[0], c)) return member;
      ++set;
      break;
    case Op::CHARSET:
      if (c < 256 && (set[c / 32] & (1u << (c & 31)))) return member;
      set += 8;
      break;
    case Op::RANGE:
      if (set[0] <= c && c <= set[1]) return member;
      set += 2;
      break;
    case Op::RANGE_UNI_IGNORE: {
      // `c` is already lower case; the range may hold its upper-case form.
      if (set[0] <= c && c <= set[1]) return member;
      uint32_t u = upper_unicode(c);
      if (set[0] <= u && u <= set[1]) return member;
      set += 2;
      break;
    }
    case Op::NEGATE: member = !member; break;
    case Op::BIGCHARSET: {
      // 256 one-byte block numbers (in the words' memory order, as the
      // compiler wrote them), then 256-bit blocks.
      Code blocks = *set++;
      if (c < 0x10000) {
        unsigned block = reinterpret_cast<const unsigned char*>(set)[c >> 8];
        const Code* bits = set + 64 + block * 8;
        if (bits[(c & 255) / 32] & (1u << (c & 31))) return member;
      }
      set += 64 + static_cast<size_t>(blocks) * 8;
      break;
    }
    default: return false;
    }
  }
}

template <class Char> bool Matcher<Char>::run(const Code* pc, bool toplevel) {
  size_t base = frames_.size();
  frames_.push_back(Frame{pc, st_.ptr, 0, -1, -1, -1, 0, Resume::None, toplevel, false});
  Outcome o = enter();
  for (;;) {
    if (o.next == Next::Call) {
      frames_.push_back(Frame{call_pc_, st_.ptr, 0, -1, -1, -1, 0, call_resume_, call_toplevel_, false});
      o = enter();
      continue;
    }
    Resume how = top().resume;
    frames_.pop_back();
    if (frames_.size() == base) return o.value;
    o = resume(how, o.value);
  }
}

// Starts the top frame at its pc; an INFO block first rejects too short a rest.
template <class Char> auto Matcher<Char>::enter() -> Outcome {
  const Code* pc = top().pc;
  int64_t ptr = st_.ptr;
  if (pc[0] == op_code(Op::INFO)) {
    // <INFO> <skip> <flags> <min> ...; a negative rest (pos > endpos) is not rejected, as in CPython.
    if (pc[3] && static_cast<uint64_t>(st_.end - ptr) < pc[3]) return kFail;
    pc += pc[1] + 1;
  }
  return exec(pc, ptr);
}

// Runs ops from `pc` until one fails, succeeds or needs a child match.
template <class Char> auto Matcher<Char>::exec(const Code* pc, int64_t ptr) -> Outcome {
  const int64_t end = st_.end;
  for (;;) {
    switch (static_cast<Op>(*pc++)) {
    case Op::FAILURE: return kFail;
    case Op::SUCCESS: {
      const Frame& f = top();
      if (f.toplevel && ((st_.match_all && ptr != end) || (st_.must_advance && ptr == st_.start))) return kFail;
      st_.ptr = ptr;
      return kSucceed;
    }
    case Op::MARK:
      set_mark(pc[0], ptr);
      ++pc;
      break;
    case Op::LITERAL:
      if (ptr >= end || text_[ptr] != pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::NOT_LITERAL:
      if (ptr >= end || text_[ptr] == pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::LITERAL_IGNORE:
      if (ptr >= end || lower_ascii(text_[ptr]) != pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::NOT_LITERAL_IGNORE:
      if (ptr >= end || lower_ascii(text_[ptr]) == pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::LITERAL_UNI_IGNORE:
      if (ptr >= end || lower_unicode(text_[ptr]) != pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::NOT_LITERAL_UNI_IGNORE:
      if (ptr >= end || lower_unicode(text_[ptr]) == pc[0]) return kFail;
      ++pc, ++ptr;
      break;
    case Op::LITERAL_LOC_IGNORE:
      if (ptr >= end || !locale_ignore_equal(pc[0], text_[ptr])) return kFail;
      ++pc, ++ptr;
      break;
    case Op::NOT_LITERAL_LOC_IGNORE:
      if (ptr >= end || locale_ignore_equal(pc[0], text_[ptr])) return kFail;
      ++pc, ++ptr;
      break;
    case Op::AT:
      if (!at(ptr, pc[0])) return kFail;
      ++pc;
      break;
    case Op::CATEGORY:
      if (ptr >= end || !in_category(pc[0], text_[ptr])) return kFail;
      ++pc, ++ptr;
      break;
    case Op::ANY:
      if (ptr >= end || is_linebreak(text_[ptr])) return kFail;
      ++ptr;
      break;
    case Op::ANY_ALL:
      if (ptr >= end) return kFail;
      ++ptr;
      break;
    case Op::IN:
      if (ptr >= end || !in_set(pc + 1, text_[ptr])) return kFail;
      pc += pc[0], ++ptr;
      break;
    case Op::IN_IGNORE:
      if (ptr >= end || !in_set(pc + 1, lower_ascii(text_[ptr]))) return kFail;
      pc += pc[0], ++ptr;
      break;
    case Op::IN_UNI_IGNORE:
      if (ptr >= end || !in_set(pc + 1, lower_unicode(text_[ptr]))) return kFail;
      pc += pc[0], ++ptr;
      break;
    case Op::IN_LOC_IGNORE: {
      if (ptr >= end) return kFail;
      uint32_t lo = lower_locale(text_[ptr]), up = upper_locale(text_[ptr]);
      if (!in_set(pc + 1, lo) && (up == lo || !in_set(pc + 1, up))) return kFail;
      pc += pc[0], ++ptr;
      break;
    }
    case Op::JUMP:
    case Op::INFO: pc += pc[0]; break;
    case Op::BRANCH: {
      // <BRANCH> (<skip> alternative <JUMP> <skip>)* <0>
      protect_marks_in_repeat(top());
      return next_alternative(pc, ptr);
    }
    case Op::REPEAT_ONE: return repeat_one(pc, ptr);
    case Op::MIN_REPEAT_ONE: return min_repeat_one(pc, ptr);
    case Op::POSSESSIVE_REPEAT_ONE: {
      // <op> <skip> <min> <max> item <SUCCESS> tail: as many as possible, never given back.
      if (static_cast<int64_t>(pc[1]) > end - ptr) return kFail;
      st_.ptr = ptr;
      int64_t n = count(pc + 3, pc[2]);
      if (n < static_cast<int64_t>(pc[1])) return kFail;
      ptr += n;
      pc += pc[0];
      const Frame& f = top();
      if (*pc == op_code(Op::SUCCESS) && ptr == end && !(f.toplevel && st_.must_advance && ptr == st_.start)) {
        st_.ptr = ptr;
        return kSucceed;
      }
      break;
    }
    case Op::REPEAT: {
      // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail: the UNTIL op does the work.
      repeats_.push_back(RepeatContext{-1, pc, kNone, repeat_});
      repeat_ = static_cast<int32_t>(repeats_.size() - 1);
      top().rep = repeat_;
      st_.ptr = ptr;
      return call(pc, ptr, pc + pc[0], Resume::Repeat, top().toplevel);
    }
    case Op::MAX_UNTIL: return max_until(pc, ptr);
    case Op::MIN_UNTIL: return min_until(pc, ptr);
    case Op::POSSESSIVE_REPEAT:
      // <op> <skip> <min> <max> body <SUCCESS> tail
      st_.ptr = ptr;
      top().count = 0;
      return possessive_min_next(pc, ptr);
    case Op::ATOMIC_GROUP:
      // <op> <skip> body <SUCCESS> tail
      st_.ptr = ptr;
      return call(pc, ptr, pc + 1, Resume::Atomic, false);
    case Op::GROUPREF:
      if (!match_group(pc[0], ptr, [](uint32_t c) { return c; })) return kFail;
      ++pc;
      break;
    case Op::GROUPREF_IGNORE:
      if (!match_group(pc[0], ptr, lower_ascii)) return kFail;
      ++pc;
      break;
    case Op::GROUPREF_UNI_IGNORE:
      if (!match_group(pc[0], ptr, lower_unicode)) return kFail;
      ++pc;
      break;
    case Op::GROUPREF_LOC_IGNORE:
      if (!match_group(pc[0], ptr, lower_locale)) return kFail;
      ++pc;
      break;
    case Op::GROUPREF_EXISTS: {
      // <op> <group> <skip> then [<JUMP> <skip> else]; the skip counts from <group>.
      int64_t from, to;
      pc += group_span(pc[0], from, to) ? 2 : pc[1];
      break;
    }
    case Op::ASSERT:
      // <op> <skip> <back> body <SUCCESS>: lookbehind starts `back` characters earlier.
      if (ptr < static_cast<int64_t>(pc[1])) return kFail;
      st_.ptr = ptr - pc[1];
      return call(pc, ptr, pc + 2, Resume::Assert, false);
    case Op::ASSERT_NOT:
      if (ptr >= static_cast<int64_t>(pc[1])) {
        st_.ptr = ptr - pc[1];
        protect_marks_in_repeat(top());
        return call(pc, ptr, pc + 2, Resume::AssertNot, false);
      }
      pc += pc[0];
      break;
    default: throw EngineError{}; // set members (CHARSET, RANGE, ...) are not ops
    }
  }
}

template <class Char> auto Matcher<Char>::resume(Resume how, bool ok) -> Outcome {
  Frame& f = top();
  switch (how) {
  case Resume::None: break;
  case Resume::Branch:
    if (ok) {
      release_marks(f);
      return kSucceed;
    }
    undo_marks(f, true);
    return next_alternative(f.pc + f.pc[0], f.ptr);
  case Resume::RepeatOne:
  case Resume::RepeatOneLiteral:
    if (ok) {
      release_marks(f);
      return kSucceed;
    }
    undo_marks(f, true);
    --f.count;
    return repeat_one_next(f.pc, f.ptr - 1, how == Resume::RepeatOneLiteral);
  case Resume::MinRepeatOne: {
    if (ok) {
      release_marks(f);
      return kSucceed;
    }
    undo_marks(f, true);
    st_.ptr = f.ptr;
    const Code* pc = f.pc;
    int64_t ptr = f.ptr;
    if (count(pc + 3, 1) == 0) {
      release_marks(top());
      return kFail;
    }
    ++top().count;
    return min_repeat_one_next(pc, ptr + 1);
  }
  case Resume::Repeat:
    repeat_ = repeats_[f.rep].prev;
    repeats_.pop_back();
    return ok ? kSucceed : kFail;
  case Resume::MaxUntilMin:
  case Resume::MinUntilMin:
    if (ok) return kSucceed;
    repeats_[f.rep].count = f.count - 1;
    st_.ptr = f.ptr;
    return kFail;
  case Resume::MaxUntilMore: {
    RepeatContext& rp = repeats_[f.rep];
    rp.last_ptr = saved_.back();
    saved_.pop_back();
    if (ok) {
      drop_marks(f.lastmark);
      return kSucceed;
    }
    restore_marks(f.lastmark, false);
    restore_lastmark(f);
    rp.count = f.count - 1;
    st_.ptr = f.ptr;
    return max_until_tail(f.pc, f.ptr);
  }
  case Resume::MaxUntilTail:
    repeat_ = f.rep;
    if (ok) return kSucceed;
    st_.ptr = f.ptr;
    return kFail;
  case Resume::MinUntilTail: {
    repeat_ = f.rep;
    if (ok) {
      release_marks(f);
      return kSucceed;
    }
    undo_marks(f, false);
    st_.ptr = f.ptr;
    RepeatContext& rp = repeats_[f.rep];
    Code max = rp.pc[2];
    if ((max != kMaxRepeat && f.count >= static_cast<int64_t>(max)) || st_.ptr == rp.last_ptr) return kFail;
    // The tail failed here: one more iteration, unless it would match empty again.
    rp.count = f.count;
    saved_.push_back(rp.last_ptr);
    rp.last_ptr = st_.ptr;
    return call(f.pc, f.ptr, rp.pc + 3, Resume::MinUntilMore, f.toplevel);
  }
  case Resume::MinUntilMore: {
    RepeatContext& rp = repeats_[f.rep];
    rp.last_ptr = saved_.back();
    saved_.pop_back();
    if (ok) return kSucceed;
    rp.count = f.count - 1;
    st_.ptr = f.ptr;
    return kFail;
  }
  case Resume::PossessiveMin:
    if (!ok) {
      st_.ptr = f.ptr;
      return kFail;
    }
    ++f.count;
    return possessive_min_next(f.pc, f.ptr);
  case Resume::PossessiveMore:
    if (ok) {
      drop_marks(f.lastmark);
      ++f.count;
      return possessive_more_next(f.pc, f.ptr);
    }
    restore_marks(f.lastmark, false);
    restore_lastmark(f);
    st_.ptr = f.ptr;
    return exec(f.pc + f.pc[0] + 1, st_.ptr);
  case Resume::Atomic:
    if (!ok) {
      st_.ptr = f.ptr;
      return kFail;
    }
    return exec(f.pc + f.pc[0], st_.ptr);
  case Resume::Assert:
    if (!ok) return kFail;
    return exec(f.pc + f.pc[0], f.ptr);
  case Resume::AssertNot:
    if (ok) {
      release_marks(f);
      return kFail;
    }
    undo_marks(f, false);
    return exec(f.pc + f.pc[0], f.ptr);
  }
  throw EngineError{};
}

// BRANCH: tries the alternatives from the one at `pc`, skipping those whose
// first literal or set cannot match here.
template <class Char> auto Matcher<Char>::next_alternative(const Code* pc, int64_t ptr) -> Outcome {
  for (; pc[0]; pc += pc[0]) {
    if (pc[1] == op_code(Op::LITERAL) && (ptr >= st_.end || text_[ptr] != pc[2])) continue;
    if (pc[1] == op_code(Op::IN) && (ptr >= st_.end || !in_set(pc + 3, text_[ptr]))) continue;
    st_.ptr = ptr;
    return call(pc, ptr, pc + 1, Resume::Branch, top().toplevel);
  }
  release_marks(top());
  return kFail;
}

// REPEAT_ONE <skip> <min> <max> item <SUCCESS> tail: a one-character item,
// taken as often as possible, then given back one at a time until the tail matches.
template <class Char> auto Matcher<Char>::repeat_one(const Code* pc, int64_t ptr) -> Outcome {
  if (static_cast<int64_t>(pc[1]) > st_.end - ptr) return kFail;
  st_.ptr = ptr;
  int64_t n = count(pc + 3, pc[2]);
  if (n < static_cast<int64_t>(pc[1])) return kFail;
  ptr += n;
  const Code* tail = pc + pc[0];
  Frame& f = top();
  if (*tail == op_code(Op::SUCCESS) && ptr == st_.end && !(f.toplevel && st_.must_advance && ptr == st_.start)) {
    st_.ptr = ptr;
    return kSucceed;
  }
  protect_marks_in_repeat(f);
  f.count = n;
  // A tail starting with a literal can only match where that literal is.
  bool literal_tail = *tail == op_code(Op::LITERAL);
  if (literal_tail) f.chr = tail[1];
  return repeat_one_next(pc, ptr, literal_tail);
}

template <class Char> auto Matcher<Char>::repeat_one_next(const Code* pc, int64_t ptr, bool literal_tail) -> Outcome {
  Frame& f = top();
  const int64_t min = pc[1];
  if (literal_tail) {
    while (f.count >= min && (ptr >= st_.end || text_[ptr] != f.chr))
      --ptr, --f.count;
  }
  if (f.count < min) {
    release_marks(f);
    return kFail;
  }
  st_.ptr = ptr;
  return call(pc, ptr, pc + pc[0], literal_tail ? Resume::RepeatOneLiteral : Resume::RepeatOne, f.toplevel);
}

// MIN_REPEAT_ONE: the lazy form; takes `min` items, then one more each time the tail fails.
template <class Char> auto Matcher<Char>::min_repeat_one(const Code* pc, int64_t ptr) -> Outcome {
  if (static_cast<int64_t>(pc[1]) > st_.end - ptr) return kFail;
  st_.ptr = ptr;
  int64_t n = 0;
  if (pc[1] != 0) {
    n = count(pc + 3, pc[1]);
    if (n < static_cast<int64_t>(pc[1])) return kFail;
    ptr += n;
  }
  Frame& f = top();
  if (pc[pc[0]] == op_code(Op::SUCCESS) &&
      !(f.toplevel && ((st_.match_all && ptr != st_.end) || (st_.must_advance && ptr == st_.start)))) {
    st_.ptr = ptr;
    return kSucceed;
  }
  protect_marks_in_repeat(f);
  f.count = n;
  return min_repeat_one_next(pc, ptr);
}

template <class Char> auto Matcher<Char>::min_repeat_one_next(const Code* pc, int64_t ptr) -> Outcome {
  Frame& f = top();
  if (pc[2] == kMaxRepeat || f.count <= static_cast<int64_t>(pc[2])) {
    st_.ptr = ptr;
    return call(pc, ptr, pc + pc[0], Resume::MinRepeatOne, f.toplevel);
  }
  release_marks(f);
  return kFail;
}

// MAX_UNTIL (at the end of a greedy REPEAT's body; `pc` is the tail): another
// iteration while allowed and not stuck on an empty one, else the tail.
template <class Char> auto Matcher<Char>::max_until(const Code* pc, int64_t ptr) -> Outcome {
  if (repeat_ < 0) throw EngineError{};
  Frame& f = top();
  f.rep = repeat_;
  RepeatContext& rp = repeats_[repeat_];
  st_.ptr = ptr;
  f.count = rp.count + 1;
  const Code min = rp.pc[1], max = rp.pc[2];
  if (f.count < static_cast<int64_t>(min)) {
    rp.count = f.count;
    return call(pc, ptr, rp.pc + 3, Resume::MaxUntilMin, f.toplevel);
  }
  if ((max == kMaxRepeat || f.count < static_cast<int64_t>(max)) && st_.ptr != rp.last_ptr) {
    rp.count = f.count;
    save_lastmark(f);
    push_marks(f.lastmark);
    saved_.push_back(rp.last_ptr);
    rp.last_ptr = st_.ptr;
    return call(pc, ptr, rp.pc + 3, Resume::MaxUntilMore, f.toplevel);
  }
  return max_until_tail(pc, ptr);
}

template <class Char> auto Matcher<Char>::max_until_tail(const Code* pc, int64_t ptr) -> Outcome {
  Frame& f = top();
  // The tail runs outside this repeat (it may belong to an enclosing one).
  repeat_ = repeats_[f.rep].prev;
  return call(pc, ptr, pc, Resume::MaxUntilTail, f.toplevel);
}

// MIN_UNTIL (lazy REPEAT): the tail first, another iteration when it fails.
template <class Char> auto Matcher<Char>::min_until(const Code* pc, int64_t ptr) -> Outcome {
  if (repeat_ < 0) throw EngineError{};
  Frame& f = top();
  f.rep = repeat_;
  RepeatContext& rp = repeats_[repeat_];
  st_.ptr = ptr;
  f.count = rp.count + 1;
  if (f.count < static_cast<int64_t>(rp.pc[1])) {
    rp.count = f.count;
    return call(pc, ptr, rp.pc + 3, Resume::MinUntilMin, f.toplevel);
  }
  repeat_ = rp.prev;
  protect_marks_in_repeat(f);
  return call(pc, ptr, pc, Resume::MinUntilTail, f.toplevel);
}

// POSSESSIVE_REPEAT: `min` iterations that must all match...
template <class Char> auto Matcher<Char>::possessive_min_next(const Code* pc, int64_t ptr) -> Outcome {
  if (top().count < static_cast<int64_t>(pc[1])) return call(pc, ptr, pc + 3, Resume::PossessiveMin, false);
  return possessive_more_next(pc, kNone);
}

// ... then more while they match and advance; the tail never makes it give one back.
template <class Char> auto Matcher<Char>::possessive_more_next(const Code* pc, int64_t last) -> Outcome {
  Frame& f = top();
  if ((pc[2] == kMaxRepeat || f.count < static_cast<int64_t>(pc[2])) && st_.ptr != last) {
    save_lastmark(f);
    push_marks(f.lastmark);
    return call(pc, st_.ptr, pc + 3, Resume::PossessiveMore, false);
  }
  return exec(pc + pc[0] + 1, st_.ptr);
}

// How many times (up to maxcount) the one-character item at `pc` matches from st_.ptr.
template <class Char> int64_t Matcher<Char>::count(const Code* pc, Code maxcount) {
  const int64_t start = st_.ptr;
  int64_t ptr = start, end = st_.end;
  if (maxcount != kMaxRepeat && static_cast<int64_t>(maxcount) < end - ptr) end = ptr + maxcount;
  const Code c = pc[1];
  switch (static_cast<Op>(pc[0])) {
  case Op::IN:
    while (ptr < end && in_set(pc + 2, text_[ptr]))
      ++ptr;
    break;
  case Op::IN_IGNORE:
    while (ptr < end && in_set(pc + 2, lower_ascii(text_[ptr])))
      ++ptr;
    break;
  case Op::IN_UNI_IGNORE:
    while (ptr < end && in_set(pc + 2, lower_unicode(text_[ptr])))
      ++ptr;
    break;
  case Op::ANY:
    while (ptr < end && !is_linebreak(text_[ptr]))
      ++ptr;
    break;
  case Op::ANY_ALL: ptr = end; break;
  case Op::LITERAL:
    while (ptr < end && text_[ptr] == c)
      ++ptr;
    break;
  case Op::NOT_LITERAL:
    while (ptr < end && text_[ptr] != c)
      ++ptr;
    break;
  case Op::LITERAL_IGNORE:
    while (ptr < end && lower_ascii(text_[ptr]) == c)
      ++ptr;
    break;
  case Op::NOT_LITERAL_IGNORE:
    while (ptr < end && lower_ascii(text_[ptr]) != c)
      ++ptr;
    break;
  case Op::LITERAL_UNI_IGNORE:
    while (ptr < end && lower_unicode(text_[ptr]) == c)
      ++ptr;
    break;
  case Op::NOT_LITERAL_UNI_IGNORE:
    while (ptr < end && lower_unicode(text_[ptr]) != c)
      ++ptr;
    break;
  case Op::LITERAL_LOC_IGNORE:
    while (ptr < end && locale_ignore_equal(c, text_[ptr]))
      ++ptr;
    break;
  case Op::NOT_LITERAL_LOC_IGNORE:
    while (ptr < end && !locale_ignore_equal(c, text_[ptr]))
      ++ptr;
    break;
  default:
    // Any other single-width item (IN_LOC_IGNORE, CATEGORY, hand-written
    // code): match it one step at a time. The nesting is that of the pattern.
    while (st_.ptr < end) {
      int64_t before = st_.ptr;
      if (!run(pc, false) || st_.ptr <= before) {
        st_.ptr = before;
        break;
      }
    }
    ptr = st_.ptr;
    st_.ptr = start;
    break;
  }
  return ptr - start;
}

template <class Char> bool Matcher<Char>::is_word_at(int64_t ptr, Code family) const {
  uint32_t c = text_[ptr];
  switch (family) {
  case 1: return is_locale_word(c);
  case 2: return is_uni_word(c);
  default: return is_ascii_word(c);
  }
}

template <class Char> bool Matcher<Char>::at(int64_t ptr, Code where) const {
  const int64_t end = st_.end;
  auto boundary = [&](Code family, bool want_change) {
    if (end == 0) return false; // CPython: no boundary in an empty (or endpos 0) subject
    bool before = ptr > 0 && is_word_at(ptr - 1, family);
    bool here = ptr < end && is_word_at(ptr, family);
    return (before != here) == want_change;
  };
  switch (static_cast<At>(where)) {
  case At::BEGINNING:
  case At::BEGINNING_STRING: return ptr == 0;
  case At::BEGINNING_LINE: return ptr == 0 || is_linebreak(text_[ptr - 1]);
  case At::END: return ptr == end || (end - ptr == 1 && is_linebreak(text_[ptr]));
  case At::END_LINE: return ptr == end || (ptr < length_ && is_linebreak(text_[ptr]));
  case At::END_STRING: return ptr == end;
  case At::BOUNDARY: return boundary(0, true);
  case At::NON_BOUNDARY: return boundary(0, false);
  case At::LOC_BOUNDARY: return boundary(1, true);
  case At::LOC_NON_BOUNDARY: return boundary(1, false);
  case At::UNI_BOUNDARY: return boundary(2, true);
  case At::UNI_NON_BOUNDARY: return boundary(2, false);
  case At::kCount: break;
  }
  return false;
}

// Marks are sized by the code, not the group count: a group count that no
// MARK reaches (a hand-made _sre.compile call) must not allocate for it.
void prepare(int64_t mark_slots, State& st) {
  size_t n = static_cast<size_t>(mark_slots);
  if (st.marks.size() < n) st.marks.resize(n, -1);
}

template <class Char> bool match_impl(std::span<const Code> code, const Subject& s, State& st) {
  Matcher<Char> m(s, st);
  st.ptr = st.start;
  return m.run(code.data(), true);
}

template <class Char> bool search_impl(std::span<const Code> code, const Subject& s, State& st) {
  int64_t ptr = st.start, end = st.end;
  if (ptr > end) return false;
  const Code* pc = code.data();
  const Char* text = text_of<Char>(s);
  // From the INFO block: a first character every match starts with, or a set it belongs to.
  bool has_first = false;
  Code first = 0;
  const Code* first_set = nullptr;
  if (pc[0] == op_code(Op::INFO)) {
    // <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix... | charset]
    Code flags = pc[2], min = pc[3];
    if (min && end - ptr < static_cast<int64_t>(min)) return false;
    // No match of at least `min` characters starts in the last min-1 positions.
    if (min > 1) end = std::max(ptr, end - static_cast<int64_t>(min - 1));
    if ((flags & kInfoPrefix) && pc[5] > 0) {
      has_first = true;
      first = pc[7];
    } else if (flags & kInfoCharset) {
      first_set = pc + 5;
    }
    pc += 1 + pc[1];
  }
  Matcher<Char> m(s, st);
  if (has_first || first_set) {
    // Matches here are never empty (min >= 1), so must_advance cannot matter.
    st.must_advance = false;
    for (const int64_t limit = st.end; ptr < limit; ++ptr) {
      uint32_t c = text[ptr];
      if (has_first ? c != first : !Matcher<Char>::in_set(first_set, c)) continue;
      st.reset();
      st.start = st.ptr = ptr;
      if (m.run(pc, false)) return true;
    }
    return false;
  }
  st.start = st.ptr = ptr;
  bool ok = m.run(pc, true);
  st.must_advance = false;
  // A pattern anchored at the beginning cannot match further on.
  if (!ok && pc[0] == op_code(Op::AT) &&
      (pc[1] == static_cast<Code>(At::BEGINNING) || pc[1] == static_cast<Code>(At::BEGINNING_STRING))) {
    st.start = st.ptr = end;
    return false;
  }
  while (!ok && ptr < end) {
    ++ptr;
    st.reset();
    st.start = st.ptr = ptr;
    ok = m.run(pc, false);
  }
  return ok;
}

} // namespace

bool match(std::span<const Code> code, int64_t mark_slots, const Subject& s, State& state) {
  prepare(mark_slots, state);
  return s.wide ? match_impl<uint32_t>(code, s, state) : match_impl<uint8_t>(code, s, state);
}

bool search(std::span<const Code> code, int64_t mark_slots, const Subject& s, State& state) {
  prepare(mark_slots, state);
  return s.wide ? search_impl<uint32_t>(code, s, state) : search_impl<uint8_t>(code, s, state);
}

} // namespace tributary::lib::sre
