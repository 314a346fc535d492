// test_compiler.cpp — bytecode shape for key constructs, and end-to-end runs.
#include <doctest/doctest.h>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/ops.h"
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
  const vm::Code* f = first_function(m);
  CHECK(f->nlocals == 2);
  CHECK(has_op(f, vm::Op::LOAD_FAST));
  CHECK(has_op(f, vm::Op::LOAD_GLOBAL));
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
