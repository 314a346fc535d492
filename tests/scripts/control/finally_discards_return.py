# break/continue/return inside a finally body discard a pending return or exception.


def continue_drops_return():
    for i in range(3):
        try:
            return 42
        finally:
            continue
    return 7


def break_drops_return():
    for i in range(3):
        try:
            return 42
        finally:
            break
    return i


def continue_drops_exception():
    n = 0
    for i in range(4):
        try:
            raise ValueError(i)
        finally:
            n += 1
            continue
    return n


def break_drops_exception():
    for i in range(4):
        try:
            raise ValueError(i)
        finally:
            break
    return i


def while_continue_drops_return():
    i = 0
    while i < 5:
        i += 1
        try:
            return -1
        finally:
            if i < 5:
                continue
    return i


def nested_return_overrides():
    try:
        try:
            return 1
        finally:
            return 2
    finally:
        pass


def outer_finally_overrides():
    try:
        try:
            return 1
        finally:
            pass
    finally:
        return 3


def loop_in_finally_of_return():
    out = []
    for i in range(3):
        try:
            return out
        finally:
            for j in range(2):
                try:
                    return j
                finally:
                    out.append((i, j))
                    continue
            out.append(i)
            if i < 2:
                continue
    return out


def with_and_finally():
    class Cm:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            print("exit")
            return False

    for i in range(2):
        with Cm():
            try:
                return "with"
            finally:
                continue
    return "after"


def generator():
    for i in range(3):
        try:
            yield i
            return
        finally:
            continue


def many_calls():
    total = 0
    for _ in range(50):
        total += continue_drops_return() + break_drops_return() + nested_return_overrides()
    return total


print(continue_drops_return())
print(break_drops_return())
print(continue_drops_exception())
print(break_drops_exception())
print(while_continue_drops_return())
print(nested_return_overrides())
print(outer_finally_overrides())
print(loop_in_finally_of_return())
print(with_and_finally())
print(list(generator()))
print(many_calls())
