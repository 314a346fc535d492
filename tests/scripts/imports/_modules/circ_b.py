import circ_a
B_VALUE = "b"
def use_a():
    return circ_a.A_VALUE
