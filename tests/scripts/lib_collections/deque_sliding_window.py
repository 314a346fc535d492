from collections import deque
def window_max(nums, k):
    dq, out = deque(), []
    for i, n in enumerate(nums):
        while dq and nums[dq[-1]] <= n:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out
print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
recent = deque(maxlen=4)
for x in range(10):
    recent.append(x)
    if len(recent) == 4:
        print(sum(recent) / 4, end=' ')
print()
d = deque('abcdef')
d.rotate(-2)
print(''.join(d))
