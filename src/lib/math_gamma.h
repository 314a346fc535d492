// math_gamma.h — CPython's own Gamma function and its logarithm (mathmodule.c),
// so math.gamma and math.lgamma give CPython's results to the last bit (the
// C library's tgamma/lgamma differ in the last place for some arguments).
#pragma once

namespace tributary::lib {

// Both set errno as CPython's m_tgamma/m_lgamma: EDOM at the poles and for
// invalid arguments, ERANGE on overflow.
double python_tgamma(double x);
double python_lgamma(double x);
// sin(pi * x), exact at the integers and half-integers (finite x).
double sin_pi(double x);

} // namespace tributary::lib
