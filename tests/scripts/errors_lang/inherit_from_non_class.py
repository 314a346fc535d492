class Ok(object):
    pass
print(Ok.__name__, Ok.__mro__[-1].__name__)
class Bad(bool):
    pass
