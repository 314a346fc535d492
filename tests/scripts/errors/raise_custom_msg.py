def validate(age):
    if age < 0:
        raise ValueError("negative age: " + str(age))
    return age
def process(ages):
    return [validate(a) for a in ages]
print(process([1, 2]))
process([3, -4])
