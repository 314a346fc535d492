// builtins.h — the `builtins` module and the process's standard streams.
#pragma once

#include "runtime/object.h"

namespace tributary {

// Fills the builtins module: functions, builtin types (with constructors and
// methods), exception classes, constants. Requires the builtin types and
// exception types to be initialized (init_type / init_exceptions) first.
void init_builtins(Module* builtins);

// Flushes sys.stdout's buffer. Call at exit and before writing anything to the
// real stderr (tracebacks) so output interleaves as in CPython.
void flush_std_streams();

} // namespace tributary
