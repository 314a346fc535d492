// code.cpp — code objects, stack effects and exception-table lookup.
#include "vm/code.h"

#include "runtime/containers.h"

namespace tributary::vm {

int stack_effect(Op op, int32_t arg, bool jumping) {
  int fixed = op_info(op).stack_effect;
  if (fixed != kVar) return fixed;
  switch (op) {
  case Op::BUILD_SLICE: return 1 - arg;
  case Op::JUMP_IF_FALSE_OR_POP:
  case Op::JUMP_IF_TRUE_OR_POP: return jumping ? 0 : -1;
  case Op::FOR_ITER: return jumping ? -1 : 1;
  case Op::BUILD_TUPLE:
  case Op::BUILD_LIST:
  case Op::BUILD_SET:
  case Op::BUILD_STRING: return 1 - arg;
  case Op::BUILD_MAP: return 1 - 2 * arg;
  case Op::UNPACK_SEQUENCE: return arg - 1;
  case Op::UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
  case Op::CALL: return -arg - 1;
  case Op::CALL_KW: return -arg - 2;
  case Op::CALL_EX: return (arg & 1) ? -3 : -2;
  case Op::MAKE_FUNCTION: return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 8) != 0));
  case Op::RAISE_VARARGS: return -arg;
  case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
  case Op::SEND: return jumping ? -1 : 0;
  default: break;
  }
  return 0;
}

// Every kVar opcode must be handled above.
static_assert([] {
  for (size_t i = 0; i < static_cast<size_t>(Op::kCount); ++i) {
    Op op = static_cast<Op>(i);
    if (kOpInfo[i].stack_effect != kVar) continue;
    switch (op) {
    case Op::BUILD_SLICE: case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP:
    case Op::FOR_ITER: case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET:
    case Op::BUILD_STRING: case Op::BUILD_MAP: case Op::UNPACK_SEQUENCE: case Op::UNPACK_EX:
    case Op::CALL: case Op::CALL_KW: case Op::CALL_EX: case Op::MAKE_FUNCTION:
    case Op::RAISE_VARARGS: case Op::FORMAT_VALUE: case Op::SEND: break;
    default: return false;
    }
  }
  return true;
}());

const ExceptionEntry* Code::find_handler(uint32_t pc) const {
  // Entries are ordered innermost first for overlapping ranges.
  for (const ExceptionEntry& e : exception_table)
    if (pc >= e.start && pc < e.end) return &e;
  return nullptr;
}

uint32_t cpython_code_flags(const Code* c) {
  constexpr uint32_t kOptimized = 0x1, kNewLocals = 0x2, kCoVarargs = 0x4, kCoVarkeywords = 0x8, kCoNested = 0x10,
                     kCoGenerator = 0x20, kCoCoroutine = 0x80, kCoIterableCoroutine = 0x100, kCoAsyncGenerator = 0x200;
  if (c->flags & (kModule | kClassBody)) return 0;
  uint32_t f = kOptimized | kNewLocals;
  if (c->flags & kVarargs) f |= kCoVarargs;
  if (c->flags & kVarkeywords) f |= kCoVarkeywords;
  if (c->flags & kNested) f |= kCoNested;
  if (c->flags & kCoroutine)
    f |= kCoCoroutine;
  else if (c->flags & kAsyncGenerator)
    f |= kCoAsyncGenerator;
  else if (c->flags & kGenerator)
    f |= kCoGenerator;
  if (c->flags & kIterableCoroutine) f |= kCoIterableCoroutine;
  return f;
}

Code* new_code() {
  auto* c = gc::make<Code>();
  c->type = &types::code;
  return c;
}

namespace {

// Code::temp_operands: marks the BINARY_OPs whose operand comes straight from
// the BINARY_OP just before (right operand) or two before with one load in
// between (left operand), in straight-line code.
void find_temp_operands(Code* c) {
  const size_t n = c->code.size();
  std::vector<bool> target(n, false);
  for (const Instr& in : c->code)
    if (op_info(in.op).operand == OperandKind::Jump && in.arg >= 0 && static_cast<size_t>(in.arg) < n)
      target[in.arg] = true;
  for (const ExceptionEntry& e : c->exception_table)
    if (e.target < n) target[e.target] = true;
  auto plain_load = [](Op op) {
    return op == Op::LOAD_CONST || op == Op::LOAD_FAST || op == Op::LOAD_GLOBAL || op == Op::LOAD_DEREF;
  };
  c->temp_operands.assign(n, 0);
  for (size_t i = 1; i < n; ++i) {
    if (c->code[i].op != Op::BINARY_OP || target[i]) continue;
    uint8_t flags = 0;
    if (c->code[i - 1].op == Op::BINARY_OP) flags |= kTempRight;
    if (i >= 2 && plain_load(c->code[i - 1].op) && !target[i - 1] && c->code[i - 2].op == Op::BINARY_OP)
      flags |= kTempLeft;
    c->temp_operands[i] = flags;
  }
}

} // namespace

void prepare_code(Code* c) {
  c->prepared = true;
  c->cache_index.assign(c->code.size(), -1);
  c->global_caches.clear();
  c->attr_caches.clear();
  for (size_t i = 0; i < c->code.size(); ++i) {
    Op op = c->code[i].op;
    if (op == Op::LOAD_GLOBAL) {
      c->cache_index[i] = static_cast<int32_t>(c->global_caches.size());
      c->global_caches.emplace_back();
    } else if (op == Op::LOAD_ATTR || op == Op::STORE_ATTR || op == Op::LOAD_METHOD) {
      c->cache_index[i] = static_cast<int32_t>(c->attr_caches.size());
      c->attr_caches.resize(c->attr_caches.size() + kAttrWays);
    }
  }
  c->jit_counters.assign(c->code.size(), 0);
  c->jit_loops.assign(c->code.size(), nullptr);
  find_temp_operands(c);
}

Code* copy_code(const Code* c) {
  Code* n = new_code();
  *n = *c;
  n->home_globals = nullptr;
  n->copies.clear();
  for (GlobalCache& g : n->global_caches)
    g = GlobalCache{};
  for (AttrCache& a : n->attr_caches)
    a = AttrCache{};
  n->jit_counters.assign(n->jit_counters.size(), 0);
  n->jit_loops.assign(n->jit_loops.size(), nullptr);
  n->jit_calls = 0;
  n->jit_function = nullptr;
  n->jit_no_inline = false;
  n->jit_huge = false;
  n->jit_chunk_starts.clear();
  n->jit_chunk_pcs.clear();
  return n;
}

Code* code_for_globals(Code* c, Dict* globals) {
  if (c->home_globals == globals) return c;
  if (!c->home_globals) {
    c->home_globals = globals;
    return c;
  }
  for (size_t i = 0; i < c->copies.size(); i += 2)
    if (c->copies[i].as<Dict>() == globals) return c->copies[i + 1].as<Code>();
  Code* n = copy_code(c);
  n->home_globals = globals;
  c->copies.push_back(Value::object(globals));
  c->copies.push_back(Value::object(n));
  return n;
}

Function* new_function(Code* code, Value globals) {
  auto* f = gc::make<Function>();
  f->type = &types::function;
  f->code = code;
  f->globals = globals;
  f->defaults = nullptr;
  f->kwdefaults = Value::empty();
  f->closure = nullptr;
  f->name = intern(code->name);
  f->qualname = intern(code->qualname);
  f->doc = code->doc.is_empty() ? Value::none() : code->doc;
  f->dict = Value::empty();
  return f;
}

} // namespace tributary::vm
