from collections import namedtuple
Employee = namedtuple('Employee', 'name dept salary')
staff = [Employee('ann', 'eng', 120), Employee('bob', 'ops', 90), Employee('cy', 'eng', 100)]
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for dept in sorted(by_dept):
    print(dept, [e.name for e in by_dept[dept]], sum(e.salary for e in by_dept[dept]))
top = max(staff, key=lambda e: e.salary)
print(top, top._replace(salary=top.salary + 10), sorted(staff)[0])
name, dept, salary = staff[1]
print(name, dept, salary, staff[1][2], staff[1]._asdict())
