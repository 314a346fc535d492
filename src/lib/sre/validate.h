// validate.h — checks a code list before the engine may run it.
#pragma once

#include <cstdint>
#include <span>

#include "lib/sre/constants.h"

namespace tributary::lib::sre {

// True when `code` is shaped the way re/_compiler.py emits it for a pattern
// with `groups` groups: known opcodes, operands present, every skip inside its
// enclosing construct, every group number in range, SUCCESS at the end. The
// engine relies on this and does no bounds checks of its own on the code.
// `mark_slots` receives one more than the highest MARK index (0 without MARK).
bool validate(std::span<const Code> code, int64_t groups, int64_t& mark_slots);

} // namespace tributary::lib::sre
