// disasm.cpp — x86-64 disassembly of compiled traces with capstone.
#include "backends/disasm.h"

#include <capstone/capstone.h>
#include <fmt/format.h>

namespace tributary::backends {

std::string disassemble(const void* code, size_t size) {
  csh handle;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) return "  (capstone unavailable)\n";
  cs_insn* insn = nullptr;
  const auto* bytes = static_cast<const uint8_t*>(code);
  size_t count = cs_disasm(handle, bytes, size, reinterpret_cast<uint64_t>(code), 0, &insn);
  std::string out;
  for (size_t i = 0; i < count; ++i)
    out += fmt::format("  {:#x}: {:<8} {}\n", insn[i].address, insn[i].mnemonic, insn[i].op_str);
  if (count) cs_free(insn, count);
  cs_close(&handle);
  return out;
}

} // namespace tributary::backends
