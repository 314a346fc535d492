# A Richards-style operating-system scheduler simulation (benchmark, classic):
# an idle task, a worker, two handlers and two devices exchange packets
# through priority-ordered task control blocks.  Exercises classes, method
# dispatch on a polymorphic `step` (one call site, six receiver classes),
# attribute reads and writes, and linked lists of objects.  The result is the
# number of packets queued and of times a task held itself.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of runs).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Appends self to the queue headed by `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    """A task control block; subclasses implement step(packet) -> next task."""

    def __init__(self, os, ident, priority, queue):
        self.os = os
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None  # a packet is waiting to be taken
        self.waiting = False
        self.held = False
        self.next = os.tasks
        os.tasks = self
        os.table[ident] = self

    def runnable(self):
        return not self.held and (self.pending or not self.waiting)

    def take_packet(self):
        """Pops the first queued packet, or None when the task just runs."""
        if not self.pending:
            return None
        packet = self.queue
        self.queue = packet.link
        self.pending = self.queue is not None
        self.waiting = False
        return packet

    def accept(self, packet, sender):
        """Queues `packet` for this task; returns the task that runs next."""
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
            self.pending = True
        return sender

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.os.hold_count += 1
        self.held = True
        return self.next

    def release(self, ident):
        task = self.os.table[ident]
        task.held = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        self.os.queue_count += 1
        dest = self.os.table[packet.dest]
        packet.link = None
        packet.dest = self.ident
        return dest.accept(packet, self)


class IdleTask(Task):
    def __init__(self, os, ident, priority, queue, count):
        Task.__init__(self, os, ident, priority, queue)
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, os, ident, priority, queue):
        Task.__init__(self, os, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, os, ident, priority, queue):
        Task.__init__(self, os, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            if work.count >= DATA_SIZE:
                self.work = work.link
                return self.send(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.count = work.data[work.count]
                work.count += 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, os, ident, priority, queue):
        Task.__init__(self, os, ident, priority, queue)
        self.parked = None

    def step(self, packet):
        if packet is None:
            if self.parked is None:
                return self.wait()
            packet = self.parked
            self.parked = None
            return self.send(packet)
        self.parked = packet
        return self.hold()


class System:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.queue_count = 0
        self.hold_count = 0

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.runnable():
                task = task.step(task.take_packet())
            else:
                task = task.next


def run_once(idle_count):
    system = System()
    IdleTask(system, IDLE, 0, None, idle_count)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(system, WORKER, 1000, work)
    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(system, HANDLER_A, 2000, queue)
    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(system, HANDLER_B, 3000, queue)
    DeviceTask(system, DEVICE_A, 4000, None)
    DeviceTask(system, DEVICE_B, 5000, None)
    for t in system.table:
        t.waiting = t.queue is None  # tasks without packets start waiting
    system.table[IDLE].waiting = False
    system.schedule()
    return system.queue_count, system.hold_count


def main():
    runs = max(1, int(30 * bench_scale()))
    t0 = time.perf_counter()
    queued = 0
    held = 0
    for r in range(runs):
        q, h = run_once(10000)
        queued += q
        held += h
    t1 = time.perf_counter()
    print("runs = %d, queued = %d, held = %d" % (runs, queued, held))
    print("time = %.4f s" % (t1 - t0))


main()
