// validate.cpp — structural check of compiled pattern code (see validate.h).
//
// The code is a tree written out flat: each construct's skip encloses its
// body, jumps only go forward and never cross. The checker walks a range
// [pc, end) and recurses into each body with its own range, so a skip that
// leaves its construct, an operand past the end or a stray opcode fails.
// Recursion follows the pattern's nesting, not the subject's length.
#include "lib/sre/validate.h"

#include <algorithm>

namespace tributary::lib::sre {

namespace {

class Checker {
public:
  explicit Checker(int64_t groups) : groups_(groups) {}

  // The words [pc, end) form a sequence of ops. Returns false on a defect;
  // `ends_with_jump` reports a final JUMP (the then-part of a conditional).
  bool sequence(const Code* pc, const Code* end, bool* ends_with_jump = nullptr) {
    if (pc > end) return false;
    while (pc < end) {
      Code op = *pc++;
      switch (static_cast<Op>(op)) {
      case Op::MARK:
        if (pc >= end || *pc > 2 * static_cast<uint64_t>(groups_) + 1) return false;
        mark_slots_ = std::max(mark_slots_, static_cast<int64_t>(*pc) + 1);
        ++pc;
        break;
      case Op::LITERAL:
      case Op::NOT_LITERAL:
      case Op::LITERAL_IGNORE:
      case Op::NOT_LITERAL_IGNORE:
      case Op::LITERAL_UNI_IGNORE:
      case Op::NOT_LITERAL_UNI_IGNORE:
      case Op::LITERAL_LOC_IGNORE:
      case Op::NOT_LITERAL_LOC_IGNORE:
        if (pc >= end) return false;
        ++pc;
        break;
      case Op::SUCCESS:
      case Op::FAILURE:
      case Op::ANY:
      case Op::ANY_ALL: break;
      case Op::AT:
        if (pc >= end || *pc >= static_cast<Code>(At::kCount)) return false;
        ++pc;
        break;
      case Op::CATEGORY:
        if (pc >= end || *pc >= static_cast<Code>(Category::kCount)) return false;
        ++pc;
        break;
      case Op::IN:
      case Op::IN_IGNORE:
      case Op::IN_UNI_IGNORE:
      case Op::IN_LOC_IGNORE: {
        const Code* next;
        if (!skip(pc, end, 2, next)) return false;
        // The set ends with FAILURE, which the set checker does not accept as a member.
        if (next[-1] != static_cast<Code>(Op::FAILURE) || !charset(pc + 1, next - 1)) return false;
        pc = next;
        break;
      }
      case Op::INFO:
        if (!info(pc, end)) return false;
        pc += *pc;
        break;
      case Op::BRANCH:
        if (!branch(pc, end)) return false;
        break;
      case Op::REPEAT_ONE:
      case Op::MIN_REPEAT_ONE:
      case Op::POSSESSIVE_REPEAT_ONE:
      case Op::REPEAT:
      case Op::POSSESSIVE_REPEAT: {
        // <op> <skip> <min> <max> body <terminator> tail
        // The single-character forms skip past their SUCCESS; REPEAT and
        // POSSESSIVE_REPEAT skip to their terminator.
        bool one = static_cast<Op>(op) != Op::REPEAT && static_cast<Op>(op) != Op::POSSESSIVE_REPEAT;
        const Code* next;
        if (!skip(pc, end, one ? 4 : 3, next) || pc[1] > pc[2]) return false;
        const Code* term = one ? next - 1 : next;
        if (term >= end || !sequence(pc + 3, term)) return false;
        Code t = *term;
        if (static_cast<Op>(op) == Op::REPEAT
                ? (t != static_cast<Code>(Op::MAX_UNTIL) && t != static_cast<Code>(Op::MIN_UNTIL))
                : t != static_cast<Code>(Op::SUCCESS))
          return false;
        pc = term + 1;
        break;
      }
      case Op::ATOMIC_GROUP: {
        const Code* next;
        if (!skip(pc, end, 2, next) || !sequence(pc + 1, next - 1)) return false;
        if (next[-1] != static_cast<Code>(Op::SUCCESS)) return false;
        pc = next;
        break;
      }
      case Op::GROUPREF:
      case Op::GROUPREF_IGNORE:
      case Op::GROUPREF_UNI_IGNORE:
      case Op::GROUPREF_LOC_IGNORE:
        if (pc >= end || *pc >= static_cast<uint64_t>(groups_)) return false;
        ++pc;
        break;
      case Op::GROUPREF_EXISTS:
        if (!conditional(pc, end)) return false;
        break;
      case Op::ASSERT:
      case Op::ASSERT_NOT: {
        // <op> <skip> <back> body SUCCESS
        const Code* next;
        if (!skip(pc, end, 3, next) || !sequence(pc + 2, next - 1)) return false;
        if (next[-1] != static_cast<Code>(Op::SUCCESS)) return false;
        pc = next;
        break;
      }
      case Op::JUMP:
        // Only as the last op of a branch alternative or a then-part.
        if (pc + 1 != end || !ends_with_jump) return false;
        *ends_with_jump = true;
        return true;
      default: return false;
      }
    }
    return true;
  }

  int64_t mark_slots() const { return mark_slots_; }

private:
  int64_t groups_;
  int64_t mark_slots_ = 0;

  // The skip word at `pc` (relative to itself) must stay inside [pc, end] and
  // be at least `min_words` long; `next` receives its target.
  static bool skip(const Code* pc, const Code* end, Code min_words, const Code*& next) {
    if (pc >= end) return false;
    Code s = *pc;
    if (s < min_words || s > static_cast<uint64_t>(end - pc)) return false;
    next = pc + s;
    return true;
  }

  // Members of a character set, in [pc, end).
  static bool charset(const Code* pc, const Code* end) {
    while (pc < end) {
      switch (static_cast<Op>(*pc++)) {
      case Op::NEGATE: break;
      case Op::LITERAL:
        if (pc >= end) return false;
        ++pc;
        break;
      case Op::RANGE:
      case Op::RANGE_UNI_IGNORE:
        if (end - pc < 2) return false;
        pc += 2;
        break;
      case Op::CHARSET:
        if (end - pc < 8) return false;
        pc += 8;
        break;
      case Op::BIGCHARSET: {
        // <count> <256 block numbers, 64 words> <count blocks of 8 words>
        if (end - pc < 1 + 64) return false;
        Code blocks = *pc++;
        auto* index = reinterpret_cast<const unsigned char*>(pc);
        for (int i = 0; i < 256; ++i)
          if (index[i] >= blocks) return false;
        pc += 64;
        if (static_cast<uint64_t>(end - pc) < uint64_t(blocks) * 8) return false;
        pc += uint64_t(blocks) * 8;
        break;
      }
      case Op::CATEGORY:
        if (pc >= end || *pc >= static_cast<Code>(Category::kCount)) return false;
        ++pc;
        break;
      default: return false;
      }
    }
    return true;
  }

  // <INFO> <skip> <flags> <min> <max> [<len> <prefix_skip> prefix overlap | charset]
  static bool info(const Code* pc, const Code* end) {
    const Code* next;
    if (!skip(pc, end, 4, next)) return false;
    Code flags = pc[1];
    if (flags & ~(kInfoPrefix | kInfoLiteral | kInfoCharset)) return false;
    if ((flags & kInfoPrefix) && (flags & kInfoCharset)) return false;
    if ((flags & kInfoLiteral) && !(flags & kInfoPrefix)) return false;
    const Code* p = pc + 4;
    if (flags & kInfoPrefix) {
      if (next - p < 2) return false;
      uint64_t len = p[0];
      p += 2;
      if (static_cast<uint64_t>(next - p) < 2 * len) return false;
      for (uint64_t i = 0; i < len; ++i)
        if (p[len + i] >= len) return false; // the overlap table
      p += 2 * len;
    }
    if (flags & kInfoCharset) {
      if (next <= p || next[-1] != static_cast<Code>(Op::FAILURE) || !charset(p, next - 1)) return false;
      p = next;
    }
    return p == next;
  }

  // <BRANCH> (<skip> alternative <JUMP> <skip to end>)* <0>
  bool branch(const Code*& pc, const Code* end) {
    const Code* target = nullptr;
    for (;;) {
      if (pc >= end) return false;
      if (*pc == 0) {
        ++pc;
        break;
      }
      const Code* next;
      if (!skip(pc, end, 3, next)) return false;
      // The alternative ends with <JUMP> <skip>: check it without those two words.
      if (!sequence(pc + 1, next - 2) || next[-2] != static_cast<Code>(Op::JUMP)) return false;
      const Code* tail;
      if (!skip(next - 1, end, 1, tail)) return false;
      if (target && tail != target) return false;
      target = tail;
      pc = next;
    }
    // An empty BRANCH has no target: nothing follows it but FAILURE semantics.
    if (target && pc != target) return false;
    return true;
  }

  // <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <skip> else]; the skip counts
  // from <group>. Advances `pc` past the construct.
  bool conditional(const Code*& pc, const Code* end) {
    if (end - pc < 2 || pc[0] >= static_cast<uint64_t>(groups_)) return false;
    Code s = pc[1];
    if (s < 2 || s > static_cast<uint64_t>(end - pc)) return false;
    const Code* then_end = pc + s;
    bool jumped = false;
    if (!sequence(pc + 2, then_end, &jumped)) return false;
    if (!jumped) {
      pc = then_end;
      return true;
    }
    // then_end[-1] is the else-part's skip (the word after the JUMP).
    const Code* skip_word = then_end - 1;
    const Code* else_end;
    if (!skip(skip_word, end, 1, else_end)) return false;
    if (else_end < then_end || !sequence(then_end, else_end)) return false;
    pc = else_end;
    return true;
  }
};

} // namespace

bool validate(std::span<const Code> code, int64_t groups, int64_t& mark_slots) {
  if (groups < 0 || groups > kMaxGroups || code.empty()) return false;
  if (code.back() != static_cast<Code>(Op::SUCCESS)) return false;
  Checker c(groups);
  if (!c.sequence(code.data(), code.data() + code.size() - 1)) return false;
  mark_slots = c.mark_slots();
  return true;
}

} // namespace tributary::lib::sre
