// gdb_jit.cpp — GDB's JIT interface: each compiled region is described to
// GDB as a tiny in-memory ELF object (a .text section at the code's address
// and one function symbol), so backtraces and `info symbol` name regions.
//
// The protocol (GDB manual, "JIT Compilation Interface"): the debugger puts
// a breakpoint in __jit_debug_register_code and reads the list rooted at
// __jit_debug_descriptor when it is hit. Both names must stay exactly these.
#include "backends/gdb_jit.h"

#include <elf.h>

#include <cstring>
#include <string>
#include <unordered_map>

extern "C" {

struct jit_code_entry {
  jit_code_entry* next_entry;
  jit_code_entry* prev_entry;
  const char* symfile_addr;
  uint64_t symfile_size;
};

struct jit_descriptor {
  uint32_t version;
  uint32_t action_flag; // 0: none, 1: register, 2: unregister
  jit_code_entry* relevant_entry;
  jit_code_entry* first_entry;
};

[[gnu::noinline, gnu::used]] void __jit_debug_register_code() { asm volatile("" ::: "memory"); }
[[gnu::used]] jit_descriptor __jit_debug_descriptor = {1, 0, nullptr, nullptr};

} // extern "C"

namespace tributary::backends::gdb_jit {

namespace {

struct Entry {
  jit_code_entry link{};
  std::string object; // the ELF file GDB reads
};

std::unordered_map<const void*, Entry*>& entries() {
  static std::unordered_map<const void*, Entry*> map;
  return map;
}

template <typename T>
size_t put(std::string& out, const T& v, size_t align = 1) {
  while (out.size() % align) out.push_back(0);
  const size_t at = out.size();
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
  return at;
}

// A relocatable x86-64 ELF object: sections null, .text (NOBITS, at the
// code's address), .shstrtab, .symtab, .strtab; one global function symbol.
std::string elf_object(const void* code, size_t size, const std::string& name) {
  static const char shstrtab[] = "\0.text\0.shstrtab\0.symtab\0.strtab";
  enum : uint32_t { kText = 1, kShstrtab = 7, kSymtab = 17, kStrtab = 25 }; // offsets in shstrtab
  std::string out(sizeof(Elf64_Ehdr), '\0');
  const size_t shstr_at = out.size();
  out.append(shstrtab, sizeof shstrtab);
  const size_t str_at = out.size();
  out.push_back(0);
  out += name;
  out.push_back(0);
  const size_t str_size = out.size() - str_at;
  Elf64_Sym null_sym{};
  const size_t sym_at = put(out, null_sym, 8);
  Elf64_Sym fn{};
  fn.st_name = 1;
  fn.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
  fn.st_shndx = 1;
  fn.st_value = 0; // (relative to .text, whose address is the code's)
  fn.st_size = size;
  put(out, fn);
  Elf64_Shdr sh[5]{};
  sh[1] = {kText, SHT_NOBITS, SHF_ALLOC | SHF_EXECINSTR, reinterpret_cast<Elf64_Addr>(code), 0, size, 0, 0, 16, 0};
  sh[2] = {kShstrtab, SHT_STRTAB, 0, 0, shstr_at, sizeof shstrtab, 0, 0, 1, 0};
  sh[3] = {kSymtab, SHT_SYMTAB, 0, 0, sym_at, 2 * sizeof(Elf64_Sym), 4, 1, 8, sizeof(Elf64_Sym)};
  sh[4] = {kStrtab, SHT_STRTAB, 0, 0, str_at, str_size, 0, 0, 1, 0};
  size_t sh_at = 0;
  for (const Elf64_Shdr& s : sh) {
    const size_t at = put(out, s, 8);
    if (!sh_at) sh_at = at;
  }
  Elf64_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_ident[EI_OSABI] = ELFOSABI_SYSV;
  eh.e_type = ET_REL;
  eh.e_machine = EM_X86_64;
  eh.e_version = EV_CURRENT;
  eh.e_shoff = sh_at;
  eh.e_ehsize = sizeof(Elf64_Ehdr);
  eh.e_shentsize = sizeof(Elf64_Shdr);
  eh.e_shnum = 5;
  eh.e_shstrndx = 2;
  out.replace(0, sizeof eh, reinterpret_cast<const char*>(&eh), sizeof eh);
  return out;
}

void notify(uint32_t action, jit_code_entry* e) {
  __jit_debug_descriptor.action_flag = action;
  __jit_debug_descriptor.relevant_entry = e;
  __jit_debug_register_code();
  __jit_debug_descriptor.action_flag = 0;
}

} // namespace

void add(const void* code, size_t size, const std::string& name) {
  remove(code); // (an address reused by new code)
  auto* e = new Entry;
  e->object = elf_object(code, size, name);
  e->link.symfile_addr = e->object.data();
  e->link.symfile_size = e->object.size();
  e->link.next_entry = __jit_debug_descriptor.first_entry;
  if (e->link.next_entry) e->link.next_entry->prev_entry = &e->link;
  __jit_debug_descriptor.first_entry = &e->link;
  entries()[code] = e;
  notify(1, &e->link);
}

void remove(const void* code) {
  auto it = entries().find(code);
  if (it == entries().end()) return;
  Entry* e = it->second;
  entries().erase(it);
  jit_code_entry* l = &e->link;
  if (l->prev_entry) l->prev_entry->next_entry = l->next_entry;
  else __jit_debug_descriptor.first_entry = l->next_entry;
  if (l->next_entry) l->next_entry->prev_entry = l->prev_entry;
  notify(2, l);
  delete e;
}

} // namespace tributary::backends::gdb_jit
