// code.h — compiled code objects and the bytecode format.
//
// An instruction is {op, arg}; jumps hold absolute instruction indices. Each
// instruction has a source line (line table) and, for those that need one, an
// inline cache slot. Exception handling uses a static table of protected
// ranges (like CPython 3.11): entering a `try` costs nothing at run time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/object.h"

namespace tributary::vm {

enum class Op : uint8_t {
#define OPCODE(name, operand, effect, jit, doc) name,
#include "vm/opcodes.def"
#undef OPCODE
  kCount
};

enum class OperandKind : uint8_t { None, Const, Local, Name, Cell, Jump, Count, Op, Flags };
enum class JitSupport : uint8_t { No, Yes };

inline constexpr int kVar = 0x7fff; // stack effect depends on the argument

struct OpInfo {
  const char* name;
  OperandKind operand;
  int stack_effect;
  JitSupport jit;
  const char* doc;
};

inline constexpr OpInfo kOpInfo[] = {
#define OPCODE(name, operand, effect, jit, doc) \
  {#name, OperandKind::operand, effect, JitSupport::jit, doc},
#include "vm/opcodes.def"
#undef OPCODE
};
static_assert(sizeof(kOpInfo) / sizeof(kOpInfo[0]) == static_cast<size_t>(Op::kCount));

inline const OpInfo& op_info(Op op) { return kOpInfo[static_cast<size_t>(op)]; }

// Stack effect of one instruction; `jumping` selects the branch-taken effect.
int stack_effect(Op op, int32_t arg, bool jumping);

struct Instr {
  Op op;
  int32_t arg;
};

// Flags of BINARY_OP's argument: the operator plus this bit for augmented assignment.
inline constexpr int32_t kInplace = 0x100;

// temp_operands' bits. The right operand is a temporary when the instruction
// before is a BINARY_OP; the left one when the instruction two before is, with
// one plain load between; neither instruction is a jump or handler target, so
// the stack slot holds the producer's result and no copy of it exists.
inline constexpr uint8_t kTempLeft = 1;
inline constexpr uint8_t kTempRight = 2;

struct ExceptionEntry {
  uint32_t start, end; // protected instruction range [start, end)
  uint32_t target;     // handler
  uint32_t depth;      // value-stack depth to unwind to before pushing the exception
};

// Inline cache for LOAD_GLOBAL: valid for the same two dicts while their
// versions are unchanged. (Versions count each dict's own changes, and one
// code object may run with other globals: a function built by exec'd code
// run in two namespaces, types.FunctionType(code, globals).)
struct GlobalCache {
  const Dict* globals = nullptr;
  const Dict* builtins = nullptr;
  uint64_t globals_version = ~0ull;
  uint64_t builtins_version = ~0ull;
  Value value;
};

// Inline cache for attribute access on user instances (LOAD_ATTR, STORE_ATTR,
// LOAD_METHOD): valid while the instance has `shape` and no class changed since
// (the class epoch, runtime/instance.h). LOAD_ATTR/STORE_ATTR: the slot index;
// STORE_ATTR adding the attribute: also the shape after the transition;
// LOAD_METHOD: the class's function.
// Each site has kAttrWays entries (a polymorphic cache: a method of a base
// class reads the attributes of instances of several subclasses, each with
// its own shapes), the most recently filled first.
inline constexpr int kAttrWays = 4;
struct AttrCache {
  Shape* shape = nullptr;
  uint64_t epoch = 0;
  int32_t slot = -1;
  Shape* next = nullptr;
  Value method;
  Type* type = nullptr; // LOAD_METHOD on a builtin type's object: `method` is its type's
};

enum CodeFlags : uint32_t {
  kVarargs = 1,
  kVarkeywords = 2,
  kGenerator = 4,
  kNested = 8, // defined inside a function (co_flags' CO_NESTED)
  kModule = 16,
  kClassBody = 32,
  // With kGenerator (calling the function creates a suspended frame): the
  // object is a coroutine (`async def`) or an async generator (`async def`
  // with `yield`) instead of a generator.
  kCoroutine = 64,
  kAsyncGenerator = 128,
  // A generator function made awaitable by types.coroutine (code.replace of
  // CPython's CO_ITERABLE_COROUTINE): its generators may be awaited and may
  // `yield from` coroutines.
  kIterableCoroutine = 256,
};

struct Code : Object {
  std::string name;
  std::string qualname;
  std::string filename;
  int first_line = 0;
  uint32_t flags = 0;
  int argcount = 0;         // positional parameters (incl. positional-only)
  int posonlycount = 0;
  int kwonlycount = 0;
  int nlocals = 0;          // parameters first, then other locals
  int max_stack = 0;
  GcVector<Instr> code;
  GcVector<int> lines;       // source line per instruction
  GcVector<Value> consts;
  GcVector<Value> names;     // Str
  Value doc;                 // a function's docstring (its __doc__), or empty
  std::vector<std::string> local_names;
  std::vector<std::string> cell_names;  // cells owned by this frame
  std::vector<std::string> free_names;  // cells received through the closure
  std::vector<int> cell_param;          // for each cell: the parameter index it is initialized from, or -1
  std::vector<ExceptionEntry> exception_table;
  GcVector<GlobalCache> global_caches;  // one per LOAD_GLOBAL
  GcVector<AttrCache> attr_caches;      // kAttrWays per LOAD_ATTR / STORE_ATTR / LOAD_METHOD
  std::vector<int32_t> cache_index;     // instruction -> slot in the vector for its opcode, or -1
  // BINARY_OP -> kTempLeft | kTempRight: which operand is the result of an
  // earlier BINARY_OP that nothing else can have seen (finish_code).
  std::vector<uint8_t> temp_operands;
  // The caches above and the JIT state below are built (prepare_code).
  bool prepared = false;
  // JIT state, kept here so the interpreter's hooks cost an index, not a hash:
  // hot counters per loop header (back-edges count at their target) and for
  // calls, and the compiled traces (jit::CompiledTrace*) per loop header and
  // for calls.
  std::vector<uint32_t> jit_counters;
  std::vector<void*> jit_loops;
  uint32_t jit_calls = 0;
  void* jit_function = nullptr;
  bool jit_no_inline = false; // its inlined body kept exiting: calls to it stay residual
  bool jit_huge = false;      // a recording of it in its own frame passed the trace limit: recordings are cut into chunks
  std::vector<bool> jit_chunk_starts; // (huge) where a chunk may start (jit::is_chunk_start)
  std::vector<uint32_t> jit_chunk_pcs; // (huge) chunk boundaries: where a recording was cut or a chunk starts, ascending
  uint32_t jit_chunks_kept = 0;    // (huge) chunks compiled
  uint32_t jit_huge_calls = 0;     // (huge) calls since it was marked
  // (huge) per loop header: jit_huge_calls and the header's counter when the
  // counter last (re)started, and whether it was last found short (jit::loop_runs_long).
  struct LoopStart {
    uint32_t calls = 0;
    int32_t counter = 0;
    bool short_loop = false;
  };
  std::vector<LoopStart> jit_loop_starts;
  uint32_t jit_chunks_refused = 0; // (huge) chunk recordings refused as mostly calls (CallBound)
  // The globals it first ran with, and its copies for other globals (code_for_globals).
  const Dict* home_globals = nullptr;
  GcVector<Value> copies; // pairs: a globals dict, the Code copy for it

  int ncells() const { return static_cast<int>(cell_names.size() + free_names.size()); }
  const ExceptionEntry* find_handler(uint32_t pc) const;
};

Code* new_code();
// Builds a code object's per-instruction caches and JIT counters from its
// instructions. run_frame does it at the code's first run, not the compiler
// or the code cache: most functions a module defines are never called, and
// their caches were most of what loading a module allocated.
void prepare_code(Code* c);
// A copy of `c` with fresh inline caches and JIT state, not yet run (code.replace()).
Code* copy_code(const Code* c);

// The code object to run `c` with `globals`: `c` itself for the first globals
// it meets, else its copy for those globals (made once), with fresh inline
// caches and JIT state. Compiled traces fold the globals dict and its values,
// so each code object runs with one globals dict; a program may use one with
// several (exec of a code object in two namespaces and the functions it
// defines, types.FunctionType(code, other_globals)).
Code* code_for_globals(Code* c, Dict* globals);

// co_flags: the flags in CPython's bit values (CO_OPTIMIZED | CO_NEWLOCALS for
// function code, CO_VARARGS, ..., CO_COROUTINE, CO_ASYNC_GENERATOR), which
// inspect-style checks test.
uint32_t cpython_code_flags(const Code* c);

// Function objects: code plus the environment it closes over.
struct Function : Object {
  Code* code;
  Value globals;      // Dict
  Tuple* defaults;    // may be null
  Value kwdefaults;   // Dict or empty
  Tuple* closure;     // cells, may be null
  Str* name;
  Str* qualname;
  Value module;       // __module__ name
  Value doc;
  Value dict;         // function attributes (Dict or empty)
};

Function* new_function(Code* code, Value globals);
// Makes the function type callable: types.FunctionType(code, globals, ...).
void init_function_type();

} // namespace tributary::vm
