// params.h — the JIT parameters (params.def): one struct for the whole JIT,
// the region former and the merge policies included.
#pragma once

#include <string>
#include <string_view>

namespace tributary::jit {

struct Params {
#define JIT_PARAM(name, type, dflt, help) type name = dflt;
#include "jit/params.def"
#undef JIT_PARAM
};

// Parses "name=value,name=value"; returns an error message or "".
std::string parse_params(std::string_view spec, Params& p);
std::string params_help();

} // namespace tributary::jit
