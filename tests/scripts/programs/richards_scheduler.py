# A priority-queue task scheduler in the style of the Richards benchmark:
# tasks with priorities exchange packets through a scheduler; a heap-based
# event queue runs timed jobs; results are checked deterministically.

I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = range(1, 7)
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 10
        self.task_list = None
        self.current = None
        self.current_id = 0
        self.hold_count = 0
        self.qpkt_count = 0
        self.trace = []

    def add(self, task):
        task.link = self.task_list
        self.task_list = task
        self.tasks[task.ident] = task

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise KeyError(f"no task {ident}")
        return t

    def hold_self(self):
        self.hold_count += 1
        self.current.state.task_holding = True
        return self.current.link

    def wait(self):
        self.current.state.task_waiting = True
        return self.current

    def release(self, ident):
        t = self.find(ident)
        t.state.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.find(pkt.ident)
        self.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.current_id
        return t.add_packet(pkt, self.current)

    def schedule(self):
        self.current = self.task_list
        steps = 0
        while self.current is not None:
            steps += 1
            if self.current.state.is_held_or_suspended():
                self.current = self.current.link
            else:
                self.current_id = self.current.ident
                if len(self.trace) < 40:
                    self.trace.append(self.current.ident)
                self.current = self.current.run_task()
        return steps


class Task:
    def __init__(self, sched, ident, priority, wkq, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.wkq = wkq
        self.state = state
        self.link = None
        sched.add(self)

    def add_packet(self, pkt, old):
        if self.wkq is None:
            self.wkq = pkt
            self.state.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.wkq = pkt.append_to(self.wkq)
        return old

    def run_task(self):
        if self.state.is_waiting_with_packet():
            pkt = self.wkq
            self.wkq = pkt.link
            if self.wkq is None:
                self.state.running()
            else:
                self.state.packet_pending = True
                self.state.task_waiting = False
                self.state.task_holding = False
        else:
            pkt = None
        return self.fn(pkt)

    def fn(self, pkt):
        raise NotImplementedError(type(self).__name__)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None, TaskState().running())
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, wkq):
        super().__init__(sched, ident, priority, wkq, TaskState().waiting_with_packet())
        self.destination = I_HANDLERA
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.destination = I_HANDLERB if self.destination == I_HANDLERA else I_HANDLERA
        pkt.ident = self.destination
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, wkq):
        super().__init__(sched, ident, priority, wkq, TaskState().waiting_with_packet())
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < BUFSIZE:
                if self.device_in is not None:
                    dev = self.device_in
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, wkq):
        super().__init__(sched, ident, priority, wkq, TaskState().waiting())
        self.pending = None
        self.output = []

    def fn(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            v = self.pending
            self.pending = None
            return self.sched.queue_packet(v)
        self.pending = pkt
        self.output.append(chr(pkt.datum))
        return self.sched.hold_self()


def richards(count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 1, count)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(s, I_WORK, 1000, wkq)
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(s, I_HANDLERA, 2000, wkq)
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(s, I_HANDLERB, 3000, wkq)
    DeviceTask(s, I_DEVA, 4000, None)
    DeviceTask(s, I_DEVB, 5000, None)
    steps = s.schedule()
    return s, steps


for count in (10, 100, 1000):
    s, steps = richards(count)
    print(f"count={count}: qpkt={s.qpkt_count} holds={s.hold_count} steps={steps}")
    print("  devA:", "".join(s.tasks[I_DEVA].output)[:40])
    print("  devB:", "".join(s.tasks[I_DEVB].output)[:40])
    print("  trace:", s.trace[:30])
s, _ = richards(10000)
print("richards(10000) ok:", s.qpkt_count == 23246 and s.hold_count == 9297, s.qpkt_count, s.hold_count)

try:
    Task(Scheduler(), 3, 1, None, TaskState()).run_task()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Scheduler().find(4)
except KeyError as e:
    print("KeyError:", e)


# A binary heap priority queue written by hand, with stable ordering.
class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0

    def push(self, priority, item):
        entry = (priority, self.counter, item)
        self.counter += 1
        heap = self.heap
        heap.append(entry)
        i = len(heap) - 1
        while i > 0:
            parent = (i - 1) // 2
            if heap[parent] <= heap[i]:
                break
            heap[parent], heap[i] = heap[i], heap[parent]
            i = parent

    def pop(self):
        heap = self.heap
        if not heap:
            raise IndexError("pop from empty queue")
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            n = len(heap)
            while True:
                left = 2 * i + 1
                smallest = i
                if left < n and heap[left] < heap[smallest]:
                    smallest = left
                if left + 1 < n and heap[left + 1] < heap[smallest]:
                    smallest = left + 1
                if smallest == i:
                    break
                heap[i], heap[smallest] = heap[smallest], heap[i]
                i = smallest
        return top[0], top[2]

    def __len__(self):
        return len(self.heap)

    def __bool__(self):
        return bool(self.heap)


class Job:
    def __init__(self, name, period, work):
        self.name = name
        self.period = period
        self.work = work
        self.runs = 0

    def __call__(self, now):
        self.runs += 1
        return self.work(self, now)


def event_loop(jobs, until):
    pq = PriorityQueue()
    for job in jobs:
        pq.push(0, job)
    log = []
    while pq:
        now, job = pq.pop()
        if now > until:
            break
        result = job(now)
        log.append(f"{now:3}:{job.name}={result}")
        if result is not None:
            pq.push(now + job.period, job)
    return log, pq


counter = {"ticks": 0}


def tick(job, now):
    counter["ticks"] += 1
    return counter["ticks"]


def limited(job, now):
    return None if job.runs >= 3 else job.runs * 100


def square(job, now):
    return now * now


log, pq = event_loop([Job("tick", 7, tick), Job("lim", 5, limited), Job("sq", 11, square)], 50)
for i in range(0, len(log), 6):
    print(" ".join(log[i:i + 6]))
print("left in queue:", len(pq))
q = PriorityQueue()
for p, name in [(3, "c"), (1, "a"), (3, "c2"), (2, "b"), (1, "a2"), (0, "z")]:
    q.push(p, name)
print([q.pop() for _ in range(len(q))])
try:
    q.pop()
except IndexError as e:
    print("IndexError:", e)
