// code_cache.h — the compiled-code cache of imported modules (code_cache.cpp).
#pragma once

#include <string>

#include "vm/code.h"

namespace tributary::vm {

// The cached code of the module source at `path`, or null when there is no
// valid entry (none, stale, damaged, or the cache is off).
Code* cached_module_code(const std::string& path);
// Records `code`, just compiled from the source at `path` (silently nothing
// when the cache is off or cannot be written).
void store_module_code(const std::string& path, const Code* code);
// `tributary -B`: entries are still read, no longer written.
void set_code_cache_writes(bool on);

} // namespace tributary::vm
