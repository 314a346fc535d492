// test_parser.cpp — lexer and parser tests: ast dumps and syntax errors
// compared with CPython 3.11 (expected strings generated once with python3's
// ast.dump and SyntaxError attributes).
#include <doctest/doctest.h>

#include <string>

#include "frontend/lexer.h"
#include "frontend/parser.h"

using namespace tributary::frontend;

namespace {

std::string dump_source(const std::string& src) { return dump(parse_module(src, "<test>")); }

SyntaxErrorInfo error_of(const std::string& src) {
  try {
    parse_module(src, "<test>");
  } catch (const SyntaxErrorException& e) {
    return e.info;
  }
  return {};
}

struct DumpCase {
  const char* source;
  const char* expected;
};

struct ErrorCase {
  const char* source;
  const char* kind;
  const char* msg;
  int line;
  int col;
  int end_col;
  const char* text;
};

const DumpCase kDumpCases[] = {
    {"x = 1 + 2 * 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), "
     "right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))))], type_ignores=[])"},
    {"a = b = c, d = 1, 2", "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store()), "
                            "Tuple(elts=[Name(id='c', ctx=Store()), Name(id='d', ctx=Store())], ctx=Store())], "
                            "value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"},
    {"x += 1",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])"},
    {"x: int = 5", "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), "
                   "value=Constant(value=5), simple=1)], type_ignores=[])"},
    {"(x): int", "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), "
                 "simple=0)], type_ignores=[])"},
    {"a.b[1:2, ::3] = c",
     "Module(body=[Assign(targets=[Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), "
     "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], "
     "ctx=Load()), ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"a, *b = [1, 2, 3]",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), "
     "ctx=Store())], ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], "
     "ctx=Load()))], type_ignores=[])"},
    {"del a, b[0], c.d", "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', "
                         "ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), "
                         "attr='d', ctx=Del())])], type_ignores=[])"},
    {"x = -a ** -b", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), "
                     "operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), "
                     "operand=Name(id='b', ctx=Load())))))], type_ignores=[])"},
    {"x = a if b else c",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), "
     "body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])"},
    {"x = not a and b or c", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BoolOp(op=Or(), "
                             "values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), "
                             "Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"x = a < b <= c is not d not in e",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), "
     "LtE(), IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', "
     "ctx=Load()), Name(id='e', ctx=Load())]))], type_ignores=[])"},
    {"x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), "
     "right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), "
     "right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), "
     "right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), "
     "right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), "
     "right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', "
     "ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], "
     "type_ignores=[])"},
    {"x = lambda a, b=1, *c, d, e=2, **f: a",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], "
     "args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], "
     "kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Name(id='a', "
     "ctx=Load())))], type_ignores=[])"},
    {"def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], "
     "vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], "
     "kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Return(value=Name(id='a', "
     "ctx=Load()))], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])"},
    {"@dec\nclass A(B, metaclass=M):\n    x: int = 1\n    def m(self): ...\n",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', "
     "value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Constant(value=1), simple=1), FunctionDef(name='m', args=arguments(posonlyargs=[], "
     "args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
     "body=[Expr(value=Constant(value=Ellipsis))], decorator_list=[])], decorator_list=[Name(id='dec', ctx=Load())])], "
     "type_ignores=[])"},
    {"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), "
     "body=[Pass()], orelse=[Pass()])])], type_ignores=[])"},
    {"while x:\n    break\nelse:\n    continue\n",
     "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[])"},
    {"for i, *j in x:\n    pass\nelse:\n    pass\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Starred(value=Name(id='j', ctx=Store()), "
     "ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept C:\n    raise\nelse:\n    pass\nfinally:\n    "
     "pass\n",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', "
     "ctx=Load())], ctx=Load()), name='e', body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='e', "
     "ctx=Load()))]), ExceptHandler(type=Name(id='C', ctx=Load()), body=[Raise()])], orelse=[Pass()], "
     "finalbody=[Pass()])], type_ignores=[])"},
    {"with open(f) as g, h:\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', "
     "ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store())), withitem(context_expr=Name(id='h', "
     "ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with (a as b, c as d):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', "
     "ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], "
     "body=[Pass()])], type_ignores=[])"},
    {"import a.b.c as d, e\n",
     "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])"},
    {"from ..a import (b as c, d,)\n", "Module(body=[ImportFrom(module='a', names=[alias(name='b', asname='c'), "
                                       "alias(name='d')], level=2)], type_ignores=[])"},
    {"from . import x\nfrom m import *\n",
     "Module(body=[ImportFrom(names=[alias(name='x')], level=1), ImportFrom(module='m', names=[alias(name='*')], "
     "level=0)], type_ignores=[])"},
    {"global a, b\nassert x, 'msg'\n", "Module(body=[Global(names=['a', 'b']), Assert(test=Name(id='x', ctx=Load()), "
                                       "msg=Constant(value='msg'))], type_ignores=[])"},
    {"f(a, *b, c=1, **d)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), "
     "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), "
     "keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"},
    {"[x for x in y if x for z in x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', "
     "ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), "
     "comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], "
     "type_ignores=[])"},
    {"{k: v for k, v in d.items()}",
     "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), "
     "generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], "
     "ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], "
     "keywords=[]), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{x for x in y}",
     "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', "
     "ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"(x for x in y)",
     "Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', "
     "ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{**a, 'b': 1}", "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', "
                      "ctx=Load()), Constant(value=1)]))], type_ignores=[])"},
    {"{1, 2, *a}", "Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', "
                   "ctx=Load()), ctx=Load())]))], type_ignores=[])"},
    {"x = (), (1,), [], {}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Tuple(elts=[], ctx=Load()), "
     "Tuple(elts=[Constant(value=1)], ctx=Load()), List(elts=[], ctx=Load()), Dict(keys=[], values=[])], "
     "ctx=Load()))], type_ignores=[])"},
    {"x = (yield)", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[])"},
    {"def g():\n    yield a, b\n    yield from c\n",
     "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], "
     "defaults=[]), body=[Expr(value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], "
     "ctx=Load()))), Expr(value=YieldFrom(value=Name(id='c', ctx=Load())))], decorator_list=[])], type_ignores=[])"},
    {"x = [y := 1, y ** 2]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[NamedExpr(target=Name(id='y', "
     "ctx=Store()), value=Constant(value=1)), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), "
     "right=Constant(value=2))], ctx=Load()))], type_ignores=[])"},
    {"x = 'a' 'b' \"c\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc'))], type_ignores=[])"},
    {"x = b'\\x00\\xff' rb'\\d'", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                  "value=Constant(value=b'\\x00\\xff\\\\d'))], type_ignores=[])"},
    {"x = '\\n\\t\\\\\\x41\\u00e9\\101'", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                          "value=Constant(value='\\n\\t\\\\AéA'))], type_ignores=[])"},
    {"x = r'\\n'",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\\\n'))], type_ignores=[])"},
    {"x = \"it's\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=\"it's\"))], type_ignores=[])"},
    {"x = 'say \"hi\"'",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='say \"hi\"'))], type_ignores=[])"},
    {"x = 'both \\' \"'", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='both \\' "
                          "\"'))], type_ignores=[])"},
    {"x = 'é日本'",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='é日本'))], type_ignores=[])"},
    {"x = 0xFF + 0o17 + 0b1010 + 1_000_000 + 00",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255), op=Add(), right=Constant(value=15)), "
     "op=Add(), right=Constant(value=10)), op=Add(), right=Constant(value=1000000)), op=Add(), "
     "right=Constant(value=0)))], type_ignores=[])"},
    {"x = 123456789012345678901234567890", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                           "value=Constant(value=123456789012345678901234567890))], type_ignores=[])"},
    {"x = 1.5 + 2e10 + 1e16 + 1e-5 + 0.0001 + .5 + 5. + 1e309",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1.5), "
     "op=Add(), right=Constant(value=20000000000.0)), op=Add(), right=Constant(value=1e+16)), op=Add(), "
     "right=Constant(value=1e-05)), op=Add(), right=Constant(value=0.0001)), op=Add(), right=Constant(value=0.5)), "
     "op=Add(), right=Constant(value=5.0)), op=Add(), right=Constant(value=inf)))], type_ignores=[])"},
    {"x = 3.14j + 0j + 1e100j",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=Constant(value=3.14j), "
     "op=Add(), right=Constant(value=0j)), op=Add(), right=Constant(value=1e+100j)))], type_ignores=[])"},
    {"x = True, False, None, ...",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=True), "
     "Constant(value=False), Constant(value=None), Constant(value=Ellipsis)], ctx=Load()))], type_ignores=[])"},
    {"f'{x!r:>{width}}'", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
                          "conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), "
                          "FormattedValue(value=Name(id='width', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {"f'{x=}'", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', "
                "ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {"f'{x = :>10}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])"},
    {"f'a{{b}}c{x}d' 'e'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a{b}c'), FormattedValue(value=Name(id='x', "
     "ctx=Load()), conversion=-1), Constant(value='de')]))], type_ignores=[])"},
    {"f''", "Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[])"},
    {"f'{x:}'", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
                "conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])"},
    {"f'{a[\"b\"]}'", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', "
                      "ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"x[a:=1]", "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=NamedExpr(target=Name(id='a', "
                "ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
    {"x[*a]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='a', "
     "ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"print(*args, sep='')",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='args', ctx=Load()), "
     "ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value=''))]))], type_ignores=[])"},
    {"match = 1\nmatch.x = 2\n", "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], "
                                 "value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', "
                                 "ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {"日本 = 1",
     "Module(body=[Assign(targets=[Name(id='日本', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x = [\n    1,\n  2,\n]\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], "
     "ctx=Load()))], type_ignores=[])"},
    {"x = 1 + \\\n    2\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), "
     "right=Constant(value=2)))], type_ignores=[])"},
    {"if x:\n    pass\n  # comment\n\nelse:\n    pass\n",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"x = 1\015\ny = 2\015\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', "
     "ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
};

const ErrorCase kErrorCases[] = {
    {"x = (1 +", "SyntaxError", "'(' was never closed", 1, 5, 0, "x = (1 +"},
    {"foo(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5, 8, "foo(a b)"},
    {"if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5, 5, "if x"},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5, 5, "x = )"},
    {"x = [1, 2)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, 10,
     "x = [1, 2)"},
    {"s = 'abc\nx=1\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 5, "s = 'abc"},
    {"s = '''abc\nx=1\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 5,
     "s = '''abc"},
    {"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 5, "pass"},
    {"while x:\npass\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1, 5,
     "pass"},
    {"for x in y:\npass\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1, 5,
     "pass"},
    {"def f():\npass\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 5,
     "pass"},
    {"class A:\npass\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1, 5,
     "pass"},
    {"try:\npass\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1, 5, "pass"},
    {"if x:\n  pass\nelse:\npass\n", "IndentationError", "expected an indented block after 'else' statement on line 3",
     4, 1, 5, "pass"},
    {"if x:\n  pass\nelif y:\npass\n", "IndentationError",
     "expected an indented block after 'elif' statement on line 3", 4, 1, 5, "pass"},
    {"try:\n  pass\nexcept E:\npass\n", "IndentationError",
     "expected an indented block after 'except' statement on line 3", 4, 1, 5, "pass"},
    {"try:\n  pass\nfinally:\npass\n", "IndentationError",
     "expected an indented block after 'finally' statement on line 3", 4, 1, 5, "pass"},
    {"with a:\npass\n", "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1, 5,
     "pass"},
    {" x = 1\n", "IndentationError", "unexpected indent", 1, 1, 0, " x = 1"},
    {"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 0, "  b"},
    {"if x:\n\tpass\n        pass\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 0,
     "        pass"},
    {"x = 1 2", "SyntaxError", "invalid syntax", 1, 7, 8, "x = 1 2"},
    {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 2, "1 = x"},
    {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 4,
     "f() = 1"},
    {"x = 1abc", "SyntaxError", "invalid decimal literal", 1, 5, 5, "x = 1abc"},
    {"f'{x'", "SyntaxError", "f-string: expecting '}'", 1, 6, 6, "f'{x'"},
    {"x = a € b", "SyntaxError", "invalid character '€' (U+20AC)", 1, 7, 7, "x = a € b"},
    {"print 'hello'", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 14,
     "print 'hello'"},
    {"print x", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 8, "print x"},
    {"a b c", "SyntaxError", "invalid syntax", 1, 3, 4, "a b c"},
    {"x = 09", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 6,
     "x = 09"},
    {"f(**x, *y)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8, 9,
     "f(**x, *y)"},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3, 15, "f(x for x in y, 1)"},
    {"x = [1,\n 2,\n", "SyntaxError", "'[' was never closed", 1, 5, 0, "x = [1,"},
    {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 7, "(a, b) += 1"},
    {"del f()", "SyntaxError", "cannot delete function call", 1, 5, 8, "del f()"},
    {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 5, 10, "x = yield = 1"},
    {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5, 6, "for 1 in x: pass"},
    {"a +", "SyntaxError", "invalid syntax", 1, 4, 4, "a +"},
    {"if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 9,
     "if x = 1: pass"},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12, 13,
     "def f(a=1, b): pass"},
    {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9, 10, "f(a=1, b)"},
    {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, 2, "0x"},
    {"1__0", "SyntaxError", "invalid decimal literal", 1, 2, 2, "1__0"},
    {"b'é'", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1, 5, "b'é'"},
    {"f'{}'", "SyntaxError", "f-string: empty expression not allowed", 1, 6, 6, "f'{}'"},
    {"f'{x!z}'", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9, 9,
     "f'{x!z}'"},
    {"f'}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 5, 5, "f'}'"},
    {"f'{a b}'", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 5, "(a b)"},
    {"a if b", "SyntaxError", "expected 'else' after 'if' expression", 1, 1, 7, "a if b"},
    {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7, 8, "def f(*): pass"},
    {"def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12, 13,
     "def f(**k, a): pass"},
    {"from x import a,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17, 17,
     "from x import a,"},
    {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12, 0, "x = {1: 2, 3}"},
    {"x = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 5, 6, "x = 1 = 2"},
    {"x = $", "SyntaxError", "invalid syntax", 1, 5, 6, "x = $"},
    {"try:\n pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 6, 0, " pass"},
    {"x = 1 \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 8, 0, "x = 1 \\ y"},
    {"a = \001", "SyntaxError", "invalid non-printable character U+0001", 1, 5, 5, "a = \001"},
    {"class A(: pass", "SyntaxError", "invalid syntax", 1, 9, 10, "class A(: pass"},
    {"x = (1,\n2\ny = 3\n", "SyntaxError", "'(' was never closed", 1, 5, 0, "x = (1,"},
    {"True = 1", "SyntaxError", "cannot assign to True", 1, 1, 5, "True = 1"},
    {"f(True=1)", "SyntaxError", "cannot assign to True", 1, 3, 8, "f(True=1)"},
    {"x = {'a' 1}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 11, "x = {'a' 1}"},
    {"[x for x in y] = 1", "SyntaxError",
     "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1, 15, "[x for x in y] = 1"},
    {"(a, 1) = 2", "SyntaxError", "cannot assign to literal", 1, 5, 6, "(a, 1) = 2"},
    {"x, y: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 2, "x, y: int"},
    {"x = 0b102", "SyntaxError", "invalid digit '2' in binary literal", 1, 9, 9, "x = 0b102"},
    {"with a as b\n    pass", "SyntaxError", "expected ':'", 1, 12, 12, "with a as b"},
};

} // namespace

TEST_CASE("parser: ast.dump matches CPython") {
  for (const DumpCase& c : kDumpCases) {
    CAPTURE(c.source);
    CHECK(dump_source(c.source) == c.expected);
  }
}

TEST_CASE("parser: syntax errors match CPython") {
  for (const ErrorCase& c : kErrorCases) {
    CAPTURE(c.source);
    SyntaxErrorInfo info = error_of(c.source);
    CHECK(info.kind == c.kind);
    CHECK(info.msg == c.msg);
    CHECK(info.line == c.line);
    CHECK(info.col == c.col);
    CHECK(info.end_col == c.end_col);
    CHECK(info.text == c.text);
  }
}

TEST_CASE("lexer: layout tokens and positions") {
  LexResult r = tokenize("if x:\n    y = 'é'\n", "<test>");
  REQUIRE_FALSE(r.error);
  std::vector<TokenKind> kinds;
  for (const Token& t : r.tokens)
    kinds.push_back(t.kind);
  std::vector<TokenKind> expected = {TokenKind::Name,    TokenKind::Name,   TokenKind::Op,       TokenKind::Newline,
                                     TokenKind::Indent,  TokenKind::Name,   TokenKind::Op,       TokenKind::String,
                                     TokenKind::Newline, TokenKind::Dedent, TokenKind::EndMarker};
  CHECK(kinds == expected);
  CHECK(r.tokens[7].text == "'é'");
  CHECK(r.tokens[7].start.col == 8);
  CHECK(r.tokens[7].end.col == 11); // code points, not bytes
}

TEST_CASE("lexer: brackets join lines, backslash continues") {
  LexResult r = tokenize("x = (1,\n 2) + \\\n 3\n", "<test>");
  REQUIRE_FALSE(r.error);
  int newlines = 0;
  for (const Token& t : r.tokens)
    newlines += t.kind == TokenKind::Newline;
  CHECK(newlines == 1);
}

TEST_CASE("lexer: errors become a final Error token") {
  LexResult r = tokenize("x = 1\ny = 'abc\n", "<test>");
  REQUIRE(r.error);
  CHECK(r.tokens.back().kind == TokenKind::Error);
  CHECK(r.error->msg == "unterminated string literal (detected at line 2)");
}

TEST_CASE("parser: node positions") {
  ModuleAst m = parse_module("x = 1\nif y:\n    é = foo(a)\n", "<test>");
  REQUIRE(m.body.size() == 2);
  CHECK(m.body[0]->pos.line == 1);
  CHECK(m.body[1]->pos.line == 2);
  auto* ifs = static_cast<If*>(m.body[1]);
  auto* assign = static_cast<Assign*>(ifs->body[0]);
  CHECK(assign->pos.line == 3);
  CHECK(assign->pos.col == 4);
  CHECK(assign->value->pos.col == 8); // code point column after 'é'
  CHECK(assign->value->end.col == 14);
}

TEST_CASE("parser: unsupported features become Unsupported nodes") {
  ModuleAst m = parse_module("async def f():\n    await x\nmatch p:\n    case 1:\n        pass\nx = 2j\n", "<test>");
  REQUIRE(m.body.size() == 3);
  CHECK(m.body[0]->kind == StmtKind::AsyncFunctionDef);
  CHECK(static_cast<FunctionDef*>(m.body[0])->name == "f");
  CHECK(m.body[1]->kind == StmtKind::Match);
  CHECK(static_cast<Match*>(m.body[1])->cases.size() == 1); // supported since the match branch
  auto* c = static_cast<Constant*>(static_cast<Assign*>(m.body[2])->value);
  CHECK(c->ckind == ConstKind::Complex);
  CHECK(c->number == 2.0);
}

TEST_CASE("parser: async statements keep their sync node's fields") {
  ModuleAst m = parse_module(
      "async def f():\n    async for x in y:\n        pass\n    async with a as b:\n        await c\n", "<test>");
  CHECK(dump(m) ==
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
        "kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
        "ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
        "optional_vars=Name(id='b', ctx=Store()))], body=[Expr(value=Await(value=Name(id='c', ctx=Load())))])], "
        "decorator_list=[])], type_ignores=[])");
}

TEST_CASE("parser: parse_expression") {
  Arena arena;
  CHECK(dump(parse_expression("1 + x", "<string>", arena)) ==
        "BinOp(left=Constant(value=1), op=Add(), right=Name(id='x', ctx=Load()))");
  CHECK(dump(parse_expression("  a, b\n", "<string>", arena)) ==
        "Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())");
  CHECK_THROWS_AS(parse_expression("x = 1", "<string>", arena), SyntaxErrorException);
}

TEST_CASE("parser: deep nesting fails cleanly") {
  // CPython's parser gives MemoryError from 5968 nested minus signs on.
  CHECK(error_of("x = " + std::string(5967, '-') + "1").filename.empty()); // parses
  CHECK(error_of("x = " + std::string(5968, '-') + "1").kind == "MemoryError");
  CHECK(error_of("x = " + std::string(100000, '-') + "1").kind == "MemoryError");
}
