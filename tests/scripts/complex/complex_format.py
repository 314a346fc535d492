# complex.__format__ and f-strings with format specs: every presentation type,
# fill/align/width, sign, 'z', '#', grouping, the real part left out for +0
# with no type, and CPython's ValueErrors.
z=1+2j
for s in ['','>20','<20','^20','*^20','.2f','+.3e','g','.3','n',',','_.2f','z.1f','#','#.0f','+','-',' ','12.4G','+>15.2f','e','E','F','.0e', 'é^12', '%', '.1%']:
    try:
        print(repr(s), repr(format(z, s)), repr(format(complex(-0.0, -1.5), s)), repr(format(complex(1234567.5, float('nan')), s)), repr(format(complex(0, 3), s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s in ['0>10','=10','%','d','010','x', '.', ',_', '10.2z']:
    try: format(z, s)
    except Exception as e: print(s, type(e).__name__, e)
print(format(complex(float('inf'), -float('inf')), ''), format(1e20+1e-5j, ''), format(complex(-0.0, 0.0), 'z'), format(complex(-0.0, -0.0), 'z.1f'))
print(f'{z!r:>12}', format(complex(12345.678, 1e16), ','), f"{z:.2f}", f"{z:>20}", f"{3j:+}", "{:^15.3g}".format(1/3+2/3j))
class C(complex): pass
print(format(C(1, 1), ".1f"), f"{C(2,0):}")
