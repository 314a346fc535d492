// complex.h — the complex type's value, shared by complex.cpp and the cmath
// module (cmath_module.cpp).
#pragma once

#include "runtime/object.h"

namespace tributary::lib {

struct Cplx {
  double re, im;
};

extern Type complex_type;
bool is_complex(Value v); // a complex or a subclass instance
Cplx complex_value(Value v);
Value make_complex_value(Cplx c);
// CPython's _Py_c_quot: a / b by Smith's method; errno EDOM when b is 0.
Cplx c_quot(Cplx a, Cplx b);

} // namespace tributary::lib
