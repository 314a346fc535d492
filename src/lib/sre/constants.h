// constants.h — the code format of CPython 3.11's `_sre`, which re/_compiler.py
// emits and this engine runs.
//
// A compiled pattern is a sequence of 32-bit words (CODESIZE 4): an opcode
// followed by its operands; every jump is a forward skip relative to the word
// that holds it. Opcode, AT and CATEGORY numbers come from constants.def.
#pragma once

#include <cstdint>

namespace tributary::lib::sre {

using Code = uint32_t;

enum class Op : Code {
#define SRE_OPCODE(name) name,
#include "lib/sre/constants.def"
#undef SRE_OPCODE
  kCount
};

enum class At : Code {
#define SRE_ATCODE(name) name,
#include "lib/sre/constants.def"
#undef SRE_ATCODE
  kCount
};

enum class Category : Code {
#define SRE_CATEGORY(name) name,
#include "lib/sre/constants.def"
#undef SRE_CATEGORY
  kCount
};

// re._constants lists 43 opcodes, 12 AT codes and 18 categories (3.11, MAGIC below).
static_assert(static_cast<Code>(Op::kCount) == 43);
static_assert(static_cast<Code>(Op::RANGE_UNI_IGNORE) == 42);
static_assert(static_cast<Code>(At::kCount) == 12);
static_assert(static_cast<Code>(Category::kCount) == 18);

inline constexpr int64_t kMagic = 20220615;
inline constexpr int64_t kCodeSize = sizeof(Code);
// "Unbounded" in a repeat's max operand; CPython uses the largest code word.
inline constexpr Code kMaxRepeat = 0xFFFFFFFFu;
// Largest group count; CPython: min(INT32_MAX / 2, PY_SSIZE_T_MAX / sizeof(void*) / 2) on 64-bit.
inline constexpr int64_t kMaxGroups = 0x3FFFFFFF;

// INFO block flags.
inline constexpr Code kInfoPrefix = 1;
inline constexpr Code kInfoLiteral = 2;
inline constexpr Code kInfoCharset = 4;

// Pattern flags (re.I etc.), for Pattern.__repr__.
inline constexpr int64_t kFlagTemplate = 1, kFlagIgnoreCase = 2, kFlagLocale = 4, kFlagMultiline = 8, kFlagDotAll = 16,
                         kFlagUnicode = 32, kFlagVerbose = 64, kFlagDebug = 128, kFlagAscii = 256;

} // namespace tributary::lib::sre
