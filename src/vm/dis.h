// dis.h — bytecode disassembler (`tributary --dis`).
#pragma once

#include <string>

#include "vm/code.h"

namespace tributary::vm {

// Disassembles `code` (and, when `recursive`, every code object in its constants).
std::string disassemble(const Code* code, bool recursive);

} // namespace tributary::vm
