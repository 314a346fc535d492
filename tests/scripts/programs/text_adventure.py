# A text adventure driven by a scripted list of commands, built on a
# generic state machine, plus a vending-machine FSM and a regex-like matcher.


class GameOver(Exception):
    pass


class Item:
    def __init__(self, name, description, weight=1, usable_in=None):
        self.name = name
        self.description = description
        self.weight = weight
        self.usable_in = usable_in

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"Item({self.name!r})"


class Room:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []
        self.locked = {}
        self.visits = 0

    def connect(self, direction, other, back=None, locked_by=None):
        self.exits[direction] = other
        if locked_by:
            self.locked[direction] = locked_by
        if back:
            other.exits[back] = self

    def describe(self):
        self.visits += 1
        text = f"[{self.name}] {self.description}"
        if self.items:
            text += " You see: " + ", ".join(str(i) for i in self.items) + "."
        exits = sorted(self.exits)
        text += " Exits: " + (" ".join(exits) if exits else "none")
        return text


class Player:
    MAX_WEIGHT = 5

    def __init__(self, room):
        self.room = room
        self.inventory = {}
        self.moves = 0
        self.score = 0

    @property
    def load(self):
        return sum(i.weight for i in self.inventory.values())

    def __contains__(self, name):
        return name in self.inventory


class Game:
    DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}

    def __init__(self):
        hall = Room("Hall", "A dusty entrance hall.")
        library = Room("Library", "Shelves of old books.")
        cellar = Room("Cellar", "Dark and damp.")
        tower = Room("Tower", "Wind howls through the windows.")
        vault = Room("Vault", "Gold glitters everywhere.")
        hall.connect("north", library, "south")
        hall.connect("down", cellar, "up")
        library.connect("up", tower, "down", locked_by="brass key")
        tower.connect("east", vault, "west", locked_by="silver key")
        hall.items.append(Item("lamp", "A brass oil lamp.", 2))
        library.items.append(Item("book", "A heavy tome.", 4))
        cellar.items.append(Item("brass key", "Small and shiny.", 1))
        tower.items.append(Item("silver key", "Cold to the touch.", 1))
        vault.items.append(Item("crown", "The lost crown!", 3))
        self.player = Player(hall)
        self.handlers = {name[4:]: getattr(self, name) for name in type(self).__dict__ if name.startswith("cmd_")}
        self.finished = False

    def run(self, commands):
        print(self.player.room.describe())
        for raw in commands:
            print(f"> {raw}")
            words = raw.lower().split()
            if not words:
                print("Say something.")
                continue
            verb, args = words[0], " ".join(words[1:])
            verb = self.DIRECTIONS.get(verb, verb)
            if verb in ("north", "south", "east", "west", "up", "down"):
                verb, args = "go", verb
            handler = self.handlers.get(verb)
            if handler is None:
                print(f"I don't know how to {verb!r}.")
                continue
            try:
                handler(args)
            except GameOver as e:
                print(f"*** {e} ***")
                self.finished = True
                break
            except TypeError as e:
                print("Huh?")
        p = self.player
        print(f"moves={p.moves} score={p.score} carrying={sorted(p.inventory)} finished={self.finished}")

    def cmd_look(self, args):
        if args:
            item = self.player.inventory.get(args) or next((i for i in self.player.room.items if i.name == args), None)
            print(item.description if item else f"No {args} here.")
        else:
            print(self.player.room.describe())

    def cmd_go(self, direction):
        room = self.player.room
        if direction not in room.exits:
            print("You can't go that way.")
            return
        needed = room.locked.get(direction)
        if needed and needed not in self.player:
            print(f"The way {direction} is locked.")
            return
        if needed:
            print(f"You unlock the way with the {needed}.")
            del room.locked[direction]
            self.player.score += 10
        if room.name == "Hall" and direction == "down" and "lamp" not in self.player:
            raise GameOver("You fall down the dark stairs")
        self.player.room = room.exits[direction]
        self.player.moves += 1
        print(self.player.room.describe())

    def cmd_take(self, name):
        room = self.player.room
        for item in room.items:
            if item.name == name:
                if self.player.load + item.weight > Player.MAX_WEIGHT:
                    print(f"The {name} is too heavy (carrying {self.player.load}).")
                    return
                room.items.remove(item)
                self.player.inventory[name] = item
                self.player.score += 5
                print(f"Taken: {name}.")
                if name == "crown":
                    raise GameOver("You win with the crown")
                return
        print(f"There is no {name} here.")

    def cmd_drop(self, name):
        item = self.player.inventory.pop(name, None)
        if item is None:
            print(f"You have no {name}.")
        else:
            self.player.room.items.append(item)
            print(f"Dropped: {name}.")

    def cmd_inventory(self, args):
        inv = self.player.inventory
        print("You carry:", ", ".join(sorted(inv)) if inv else "nothing", f"(load {self.player.load})")

    def cmd_quit(self, args):
        raise GameOver("You give up")


SCRIPT = [
    "look", "dance", "", "take lamp", "n", "take book", "drop lamp", "take book",
    "inventory", "drop book", "take lamp", "look lamp", "s", "d", "take brass key",
    "u", "n", "up", "take silver key", "e", "look", "take crown", "drop lamp", "take crown", "look",
]
Game().run(SCRIPT)
print()
Game().run(["down"])
print()
Game().run(["north", "up", "w", "quit", "look"])
print()


# A generic table-driven state machine
class StateMachine:
    def __init__(self, initial, transitions):
        self.state = initial
        self.transitions = transitions
        self.history = [initial]

    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise ValueError(f"no transition from {self.state} on {event}")
        target, action = self.transitions[key]
        result = action(self) if action else None
        self.state = target
        self.history.append(target)
        return result


class Vending:
    def __init__(self):
        self.credit = 0
        self.sold = []
        t = {
            ("idle", "coin"): ("paid", self.add_coin),
            ("paid", "coin"): ("paid", self.add_coin),
            ("paid", "select"): ("vending", self.vend),
            ("paid", "refund"): ("idle", self.refund),
            ("vending", "done"): ("idle", None),
        }
        self.fsm = StateMachine("idle", t)

    def add_coin(self, fsm):
        self.credit += 25
        return f"credit {self.credit}"

    def vend(self, fsm):
        if self.credit < 75:
            return "need more"
        self.credit -= 75
        self.sold.append("soda")
        return f"soda! change {self.credit}"

    def refund(self, fsm):
        amount, self.credit = self.credit, 0
        return f"refund {amount}"


v = Vending()
for ev in ["coin", "coin", "select", "done", "coin", "select", "done", "select", "coin", "refund", "done"]:
    try:
        print(f"{v.fsm.state:8} --{ev}--> {v.fsm.fire(ev)} [{v.fsm.state}]")
    except ValueError as e:
        print("error:", e)
print("history:", "->".join(v.fsm.history))
print("sold:", v.sold, "credit:", v.credit)


# A tiny NFA-based matcher for patterns with literals, '.', '*' and '?'
def compile_pattern(pattern):
    states = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        mod = pattern[i + 1] if i + 1 < len(pattern) and pattern[i + 1] in "*?" else ""
        states.append((ch, mod))
        i += 2 if mod else 1
    return states


def closure(states, positions):
    result = set()
    stack = list(positions)
    while stack:
        p = stack.pop()
        if p in result:
            continue
        result.add(p)
        if p < len(states) and states[p][1] in "*?" and states[p][1]:
            stack.append(p + 1)
    return result


def matches(pattern, text):
    states = compile_pattern(pattern)
    current = closure(states, [0])
    for ch in text:
        nxt = set()
        for p in current:
            if p < len(states):
                want, mod = states[p]
                if want == "." or want == ch:
                    nxt.add(p if mod == "*" else p + 1)
        current = closure(states, nxt)
        if not current:
            return False
    return len(states) in current


for pat, texts in [("a*b", ["b", "aaab", "aba", ""]), ("c.t", ["cat", "cut", "ct", "cart"]),
                   ("colou?r", ["color", "colour", "colouur"]), (".*x.*", ["x", "abxcd", "abc"])]:
    print(pat, [(t, matches(pat, t)) for t in texts])
