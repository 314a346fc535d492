// test_compiler.cpp — bytecode shape for key constructs, and end-to-end runs.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/ops.h"
#include "vm/code_cache.h"
#include "vm/dis.h"
#include "vm/interp.h"

using namespace tributary;

namespace {

vm::Code* compile(const std::string& src) {
  auto ast = frontend::parse_module(src, "<test>");
  return frontend::compile_module(ast);
}

bool has_op(const vm::Code* c, vm::Op op) {
  for (const auto& in : c->code)
    if (in.op == op) return true;
  return false;
}

const vm::Code* first_function(const vm::Code* c) {
  for (Value v : c->consts)
    if (is_kind(v, Kind::Code)) return v.as<vm::Code>();
  return nullptr;
}

// Runs `src` as a module and returns the global `result`.
Value run(const std::string& src) {
  Module* m = new_module("__test__");
  try {
    vm::run_module_code(compile(src), m->dict);
  } catch (PyException& e) {
    MESSAGE(exception_line(e.exc));
    throw;
  }
  return dict_get(m->dict, Value::object(intern("result")));
}

} // namespace

TEST_CASE("`x is None` tests compile to a fused None jump") {
  const vm::Code* f = first_function(compile("def f(x):\n    if x is None:\n        x = 1\n    return x\n"));
  REQUIRE(f);
  CHECK(has_op(f, vm::Op::POP_JUMP_IF_NOT_NONE));
  CHECK_FALSE(has_op(f, vm::Op::IS_OP));
}

TEST_CASE("function locals are fast slots and globals are cached") {
  vm::Code* m = compile("g = 2\ndef f(a):\n    b = a + g\n    return b\n");
  vm::Code* f = const_cast<vm::Code*>(first_function(m));
  CHECK(f->nlocals == 2);
  CHECK(has_op(f, vm::Op::LOAD_FAST));
  CHECK(has_op(f, vm::Op::LOAD_GLOBAL));
  // The caches are built at the first run, not by the compiler.
  CHECK_FALSE(f->prepared);
  CHECK(f->global_caches.empty());
  vm::prepare_code(f);
  CHECK(f->global_caches.size() == 1);
}

TEST_CASE("closures use cells") {
  vm::Code* m = compile("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n");
  const vm::Code* outer = first_function(m);
  REQUIRE(outer);
  CHECK(outer->cell_names == std::vector<std::string>{"n"});
  const vm::Code* inc = first_function(outer);
  REQUIRE(inc);
  CHECK(inc->free_names == std::vector<std::string>{"n"});
  CHECK(has_op(inc, vm::Op::STORE_DEREF));
}

TEST_CASE("try/finally builds an exception table") {
  vm::Code* m = compile("try:\n    x = 1\nfinally:\n    y = 2\n");
  CHECK(m->exception_table.size() >= 2);
  CHECK(vm::disassemble(m, false).find("ExceptionTable") != std::string::npos);
}

TEST_CASE("compile errors are SyntaxErrors with positions") {
  try {
    compile("x = 1\nreturn x\n");
    FAIL("expected SyntaxError");
  } catch (frontend::SyntaxErrorException& e) {
    CHECK(e.info.msg == "'return' outside function");
    CHECK(e.info.line == 2);
  }
  CHECK_THROWS_AS(compile("while True:\n    pass\nbreak\n"), frontend::SyntaxErrorException);
}

TEST_CASE("programs run end to end") {
  CHECK(run("result = sum([i * i for i in range(10)])").as_small_int() == 285);
  CHECK(run("def f(*a, **k):\n    return len(a) * 10 + len(k)\nresult = f(1, 2, x=3)").as_small_int() == 21);
  CHECK(run("def f():\n    try:\n        return 1\n    finally:\n        global g\n        g = 5\nresult = f() + g")
            .as_small_int() == 6);
  CHECK(run("a, *b, c = range(5)\nresult = len(b)").as_small_int() == 3);
  CHECK(repr_string(run("result = 2 ** 100")) == "1267650600228229401496703205376");
  CHECK_THROWS_AS(run("result = 1 // 0"), PyException);
}

namespace {

// The opcodes of `c` from instruction `from`, `n` of them.
std::vector<vm::Op> ops_from(const vm::Code* c, size_t from, size_t n) {
  std::vector<vm::Op> out;
  for (size_t i = from; i < from + n && i < c->code.size(); ++i)
    out.push_back(c->code[i].op);
  return out;
}

size_t index_of(const vm::Code* c, vm::Op op) {
  for (size_t i = 0; i < c->code.size(); ++i)
    if (c->code[i].op == op) return i;
  return c->code.size();
}

} // namespace

TEST_CASE("async def compiles to a coroutine whose await is the yield-from loop") {
  using vm::Op;
  const vm::Code* f = first_function(compile("async def f(x):\n    return await x\n"));
  REQUIRE(f);
  CHECK((f->flags & vm::kCoroutine));
  CHECK((f->flags & vm::kGenerator)); // calling it creates a suspended frame
  CHECK_FALSE((f->flags & vm::kAsyncGenerator));
  size_t at = index_of(f, Op::GET_AWAITABLE);
  REQUIRE(at < f->code.size());
  CHECK(f->code[at].arg == 0);
  // SEND's target is the instruction after the loop's JUMP back to it.
  CHECK(ops_from(f, at, 5) == std::vector<Op>{Op::GET_AWAITABLE, Op::LOAD_CONST, Op::SEND, Op::YIELD_VALUE, Op::JUMP});
  CHECK(f->code[at + 2].arg == static_cast<int32_t>(at + 5));
  CHECK(f->code[at + 4].arg == static_cast<int32_t>(at + 2));
}

TEST_CASE("async generators wrap their own yields; async for ends at END_ASYNC_FOR") {
  using vm::Op;
  const vm::Code* g = first_function(compile("async def g(it):\n    async for x in it:\n        yield x\n"));
  REQUIRE(g);
  CHECK((g->flags & vm::kAsyncGenerator));
  CHECK_FALSE((g->flags & vm::kCoroutine));
  size_t wrap = index_of(g, Op::ASYNC_GEN_WRAP);
  REQUIRE(wrap < g->code.size());
  CHECK(g->code[wrap + 1].op == Op::YIELD_VALUE);
  size_t anext = index_of(g, Op::GET_ANEXT);
  size_t end = index_of(g, Op::END_ASYNC_FOR);
  REQUIRE(end < g->code.size());
  CHECK(g->code[anext - 1].op == Op::GET_AITER);
  // GET_ANEXT and its await are protected by the handler at END_ASYNC_FOR,
  // entered with [aiter, exc]: the aiter's depth.
  const vm::ExceptionEntry* h = g->find_handler(static_cast<uint32_t>(anext));
  REQUIRE(h);
  CHECK(h->target == end);
  CHECK(h->depth == 1);
}

TEST_CASE("async errors are CPython's SyntaxErrors") {
  auto message = [](const std::string& src) {
    try {
      compile(src);
    } catch (frontend::SyntaxErrorException& e) {
      return e.info.msg;
    }
    return std::string("no error");
  };
  CHECK(message("await x\n") == "'await' outside function");
  CHECK(message("def f():\n    await x\n") == "'await' outside async function");
  CHECK(message("async def f():\n    yield from x\n") == "'yield from' inside async function");
  CHECK(message("async def f():\n    yield 1\n    return 2\n") == "'return' with value in async generator");
  CHECK(message("def f():\n    async for x in y: pass\n") == "'async for' outside async function");
  CHECK(message("def f():\n    async with x: pass\n") == "'async with' outside async function");
  CHECK(message("def f():\n    return [x async for x in y]\n") ==
        "asynchronous comprehension outside of an asynchronous function");
  CHECK(message("def f():\n    return (await x for x in y)\n") == "no error"); // an async generator expression
}

TEST_CASE("the code cache gives back the code it stored, and only for an unchanged source") {
  char dir[] = "/tmp/trib_cache_testXXXXXX";
  REQUIRE(::mkdtemp(dir));
  struct Cleanup {
    const char* dir;
    ~Cleanup() { std::filesystem::remove_all(dir); }
  } cleanup{dir};
  std::string cache_home = std::string(dir) + "/cache";
  ::setenv("XDG_CACHE_HOME", cache_home.c_str(), 1); // (read once, at the first cache use)
  std::string path = std::string(dir) + "/mod.py";
  std::string src = "'''doc'''\nimport sys\nX = (1, 2.5, 'a', b'b', None, ..., 10**30, 3j)\n"
                    "def f(a, *b, c=1, **d):\n    'fdoc'\n    return [a + i for i in b]\n"
                    "class K:\n    def m(self):\n        return __class__\n";
  FILE* fp = std::fopen(path.c_str(), "w");
  REQUIRE(fp);
  std::fputs(src.c_str(), fp);
  std::fclose(fp);
  vm::Code* code = compile(src);
  vm::store_module_code(path, code);
  vm::Code* back = vm::cached_module_code(path);
  if (std::getenv("TRIBUTARY_NO_CACHE")) return; // (the cache is off in this run)
  REQUIRE(back);
  CHECK(vm::disassemble(back, true) == vm::disassemble(code, true));
  CHECK(back->lines.size() == code->lines.size());
  const vm::Code* f = first_function(back);
  REQUIRE(f);
  CHECK(f->doc == Value::object(intern("fdoc")));
  CHECK(f->flags == first_function(code)->flags);
  CHECK(back->global_caches.size() == code->global_caches.size());
  CHECK(back->attr_caches.size() == code->attr_caches.size());
  // A changed source (size and time) invalidates the entry.
  fp = std::fopen(path.c_str(), "a");
  std::fputs("\nY = 1\n", fp);
  std::fclose(fp);
  CHECK(vm::cached_module_code(path) == nullptr);
}
