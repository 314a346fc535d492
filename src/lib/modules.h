// modules.h — the builtin (native) modules: builtins, sys, math, time.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace tributary {

// The builtin module `name`, created on first use and cached; nullptr if there is none.
// Created modules are also entered in sys.modules.
Module* builtin_module(std::string_view name);

// Creates `builtins` (stored in vm::state().builtins) and `sys`, and registers both in
// sys.modules. Requires the builtin and exception types to be initialized.
void init_lib();

} // namespace tributary
