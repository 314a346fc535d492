# Shape: generators under the default parameters (generator_loops=0; see
# generator_yield_traces.py for generator_loops=1, where their loops are
# compiled). A generator's loop whose recorded iteration yields is given up
# with LoopYields (never UnsupportedOpcode) and blacklisted: each yield would
# leave and re-enter machine code, which costs more than such small loop
# bodies save (nqueens ran 1.13x slower with them compiled). The loops that
# consume the generators are compiled.
# jit-expect: aborts.UnsupportedOpcode==0 aborts.LoopYields>=2 loops>=1 demoted==0


def squares(xs):
    for x in xs:
        yield x * x


def main():
    total = 0
    for k in range(300):
        for s in squares(range(k % 13)):
            total += s
        total += sum(i * k for i in range(5))
    print(total)


main()
