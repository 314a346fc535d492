// modules.h — the builtin (native) modules: builtins, sys, math, time.
#pragma once

#include "runtime/object.h"
#include "vm/interp.h"

namespace tributary {

// builtin_module(name), the native module table's lookup, is declared in
// vm/interp.h: the import system calls it.

// Creates `builtins` (stored in vm::state().builtins) and `sys`, and registers both in
// sys.modules. Requires the builtin and exception types to be initialized.
void init_lib();

} // namespace tributary
