"""re for weft: regular expressions with CPython's syntax and API.

The pattern is parsed into a tree and compiled into a chain of matcher
closures (backtracking, continuation-passing): a matcher `m(ctx, i, k)`
matches at index `i` and calls the continuation `k(ctx, j)` with the end of
its match, returning the overall end index or None. Single-character items
under a repeat are counted with a loop instead of recursion.
"""

__all__ = ["compile", "search", "match", "fullmatch", "split", "findall", "finditer",
           "sub", "subn", "escape", "purge", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256


class RegexFlag(int):
    pass


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
        Exception.__init__(self, msg)


PatternError = error

_MAXREPEAT = 1 << 62
_SPECIAL = set(".^$*+?{}[]\\|()")
_WORD_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _is_word(ch, ascii_only):
    if ascii_only:
        return ch in _WORD_ASCII
    return ch.isalnum() or ch == "_"


def _is_digit(ch, ascii_only):
    if ascii_only:
        return "0" <= ch <= "9"
    return ch.isdigit()


def _is_space(ch, ascii_only):
    if ascii_only:
        return ch in " \t\n\r\f\v"
    return ch.isspace()


# ---------------------------------------------------------------- parser
# Tree nodes are tuples: (kind, ...).
#   ("lit", ch)  ("any",)  ("set", pred)  ("seq", [nodes])  ("alt", [nodes])
#   ("rep", node, min, max, greedy)  ("group", n, node)  ("ncgroup", node)
#   ("bol",) ("eol",) ("bos",) ("eos",) ("wordb",) ("nwordb",)
#   ("look", ahead, negative, node)  ("backref", n)  ("cond", n, yes, no)
#   ("atomic", node)


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.close_order = []
        self.names = {}
        self.open_groups = []

    def error(self, msg, pos=None):
        return error(msg, self.p, self.i if pos is None else pos)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def next(self):
        ch = self.p[self.i]
        self.i += 1
        return ch

    def eat(self, s):
        if self.p.startswith(s, self.i):
            self.i += len(s)
            return True
        return False

    def verbose(self):
        return self.flags & VERBOSE

    def skip_verbose(self):
        while self.i < len(self.p):
            ch = self.p[self.i]
            if ch in " \t\n\r\f\v":
                self.i += 1
            elif ch == "#":
                while self.i < len(self.p) and self.p[self.i] != "\n":
                    self.i += 1
            else:
                break

    def parse(self):
        self.leading_flags()
        node = self.alternation()
        if self.i < len(self.p):
            if self.p[self.i] == ")":
                raise self.error("unbalanced parenthesis")
            raise self.error("unexpected character")
        return node

    def leading_flags(self):
        # Global inline flags like (?i) at the start apply to the whole pattern.
        j = 0
        p = self.p
        while p.startswith("(?", j) and j + 2 < len(p) and p[j + 2] in "aiLmsux":
            k = j + 2
            fl = 0
            while k < len(p) and p[k] in "aiLmsux":
                fl |= _FLAGCHARS[p[k]]
                k += 1
            if k < len(p) and p[k] == ")":
                self.flags |= fl
                j = k + 1
            else:
                break

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        return ("alt", branches)

    def sequence(self):
        items = []
        while True:
            if self.verbose():
                self.skip_verbose()
            ch = self.peek()
            if ch is None or ch in "|)":
                break
            start = self.i
            atom = self.atom()
            if atom is None:
                continue
            atom = self.quantifiers(atom, start)
            items.append(atom)
        if len(items) == 1:
            return items[0]
        return ("seq", items)

    def quantifiers(self, atom, start):
        while True:
            if self.verbose():
                self.skip_verbose()
            ch = self.peek()
            if ch is None:
                return atom
            if ch == "*":
                lo, hi = 0, _MAXREPEAT
                self.i += 1
            elif ch == "+":
                lo, hi = 1, _MAXREPEAT
                self.i += 1
            elif ch == "?":
                lo, hi = 0, 1
                self.i += 1
            elif ch == "{":
                r = self.brace()
                if r is None:
                    return atom
                lo, hi = r
            else:
                return atom
            if atom[0] in ("bol", "eol", "bos", "eos", "wordb", "nwordb", "look"):
                pass
            if atom[0] == "rep" and not getattr(self, "_possessive_ok", False):
                raise self.error("multiple repeat", self.i - 1)
            greedy = True
            possessive = False
            if self.peek() == "?":
                self.i += 1
                greedy = False
            elif self.peek() == "+":
                self.i += 1
                possessive = True
            node = ("rep", atom, lo, hi, greedy)
            if possessive:
                node = ("atomic", node)
            atom = node
            # A further quantifier on a repeat is an error ("multiple repeat").
            nxt = self.peek()
            if nxt is not None and nxt in "*+?" or (nxt == "{" and self.brace_ahead()):
                raise self.error("multiple repeat")
            return atom

    def brace_ahead(self):
        save = self.i
        r = self.brace()
        self.i = save
        return r is not None

    def brace(self):
        # {m}, {m,}, {,n}, {m,n}; anything else is a literal "{".
        p = self.p
        j = self.i + 1
        k = p.find("}", j)
        if k < 0:
            return None
        body = p[j:k]
        if "," in body:
            a, b = body.split(",", 1)
        else:
            a, b = body, body
        a = a.strip() if self.verbose() else a
        b = b.strip() if self.verbose() else b
        if not (a == "" or a.isdigit()) or not (b == "" or b.isdigit()) or (a == "" and b == "" and "," not in body) or body == "":
            return None
        lo = int(a) if a else 0
        hi = int(b) if b else _MAXREPEAT
        if hi < lo:
            raise self.error("min repeat greater than max repeat", j)
        self.i = k + 1
        return lo, hi

    def atom(self):
        ch = self.next()
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.charset()
        if ch == ".":
            return ("any",)
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "\\":
            return self.escape(False)
        if ch in "*+?":
            raise self.error("nothing to repeat", self.i - 1)
        if ch == "{" and self.brace_ahead_at(self.i - 1):
            raise self.error("nothing to repeat", self.i - 1)
        return ("lit", ch)

    def brace_ahead_at(self, pos):
        save = self.i
        self.i = pos
        r = self.brace()
        self.i = save
        return r is not None

    def group(self):
        start = self.i - 1
        if self.eat("?"):
            if self.eat(":"):
                node = self.alternation()
                self.close(start)
                return ("ncgroup", node)
            if self.eat("P<") or (self.peek() == "<" and self.p[self.i + 1:self.i + 2] not in ("=", "!") and self.eat("<")):
                end = self.p.find(">", self.i)
                if end < 0:
                    raise self.error("missing >, unterminated name")
                name = self.p[self.i:end]
                if not name.isidentifier():
                    raise self.error("bad character in group name %r" % name)
                if name in self.names:
                    raise self.error("redefinition of group name %r as group %d; was group %d"
                                     % (name, self.ngroups + 1, self.names[name]))
                self.i = end + 1
                self.ngroups += 1
                n = self.ngroups
                self.names[name] = n
                self.open_groups.append(n)
                node = self.alternation()
                self.open_groups.pop()
                self.close(start)
                self.close_order.append(n)
                return ("group", n, node)
            if self.eat("P="):
                end = self.p.find(")", self.i)
                if end < 0:
                    raise self.error("missing ), unterminated name")
                name = self.p[self.i:end]
                if name not in self.names:
                    raise self.error("unknown group name %r" % name)
                self.i = end + 1
                return ("backref", self.names[name])
            if self.eat("#"):
                end = self.p.find(")", self.i)
                if end < 0:
                    raise self.error("missing ), unterminated comment")
                self.i = end + 1
                return None
            if self.eat("="):
                node = self.alternation()
                self.close(start)
                return ("look", True, False, node)
            if self.eat("!"):
                node = self.alternation()
                self.close(start)
                return ("look", True, True, node)
            if self.eat("<="):
                node = self.alternation()
                self.close(start)
                return ("look", False, False, node)
            if self.eat("<!"):
                node = self.alternation()
                self.close(start)
                return ("look", False, True, node)
            if self.eat(">"):
                node = self.alternation()
                self.close(start)
                return ("atomic", node)
            if self.eat("("):
                end = self.p.find(")", self.i)
                ref = self.p[self.i:end]
                self.i = end + 1
                n = int(ref) if ref.isdigit() else self.names.get(ref)
                if n is None:
                    raise self.error("unknown group name %r" % ref)
                yes = self.sequence()
                no = ("seq", [])
                if self.eat("|"):
                    no = self.sequence()
                self.close(start)
                return ("cond", n, yes, no)
            # Inline flags: (?imsx) or scoped (?imsx-imsx:...)
            on = 0
            off = 0
            neg = False
            while self.peek() is not None and (self.peek() in _FLAGCHARS or self.peek() == "-"):
                c = self.next()
                if c == "-":
                    neg = True
                elif neg:
                    off |= _FLAGCHARS[c]
                else:
                    on |= _FLAGCHARS[c]
            if self.eat(")"):
                if start != 0 and not self._at_leading_flags(start):
                    raise self.error("global flags not at the start of the expression", start)
                self.flags |= on
                return None
            if self.eat(":"):
                saved = self.flags
                self.flags = (self.flags | on) & ~off
                node = self.alternation()
                inner_flags = self.flags
                self.flags = saved
                self.close(start)
                return ("flags", inner_flags, node)
            raise self.error("unknown extension ?" + (self.peek() or ""), start + 1)
        self.ngroups += 1
        n = self.ngroups
        self.open_groups.append(n)
        node = self.alternation()
        self.open_groups.pop()
        self.close(start)
        self.close_order.append(n)
        return ("group", n, node)

    def _at_leading_flags(self, start):
        j = 0
        while j < start:
            if not self.p.startswith("(?", j):
                return False
            k = self.p.find(")", j)
            j = k + 1
        return j == start

    def close(self, start):
        if not self.eat(")"):
            raise self.error("missing ), unterminated subpattern", start)

    def escape(self, in_set):
        if self.i >= len(self.p):
            raise self.error("bad escape (end of pattern)", self.i - 1)
        ch = self.next()
        ascii_only = self.flags & ASCII
        if ch == "d":
            return ("set", lambda c: _is_digit(c, ascii_only))
        if ch == "D":
            return ("set", lambda c: not _is_digit(c, ascii_only))
        if ch == "w":
            return ("set", lambda c: _is_word(c, ascii_only))
        if ch == "W":
            return ("set", lambda c: not _is_word(c, ascii_only))
        if ch == "s":
            return ("set", lambda c: _is_space(c, ascii_only))
        if ch == "S":
            return ("set", lambda c: not _is_space(c, ascii_only))
        simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\"}
        if ch in simple:
            return ("lit", simple[ch])
        if ch == "b":
            return ("lit", "\b") if in_set else ("wordb",)
        if not in_set:
            if ch == "B":
                return ("nwordb",)
            if ch == "A":
                return ("bos",)
            if ch == "Z":
                return ("eos",)
        if ch == "x":
            h = self.p[self.i:self.i + 2]
            if len(h) < 2 or not all(c in "0123456789abcdefABCDEF" for c in h):
                raise self.error("incomplete escape \\x" + h, self.i - 2)
            self.i += 2
            return ("lit", chr(int(h, 16)))
        if ch in "uU":
            n = 4 if ch == "u" else 8
            h = self.p[self.i:self.i + n]
            if len(h) < n or not all(c in "0123456789abcdefABCDEF" for c in h):
                raise self.error("incomplete escape \\" + ch + h, self.i - 2)
            self.i += n
            return ("lit", chr(int(h, 16)))
        if ch == "N" and self.peek() == "{":
            raise self.error("\\N{...} escapes are not supported by weft's re", self.i - 2)
        if ch == "0":
            digits = "0"
            while len(digits) < 3 and self.peek() is not None and self.peek() in "01234567":
                digits += self.next()
            return ("lit", chr(int(digits, 8)))
        if ch.isdigit():
            digits = ch
            if not in_set:
                while self.peek() is not None and self.peek().isdigit() and len(digits) < 2:
                    digits += self.next()
                # Three octal digits form an octal escape.
                if (len(digits) == 2 and self.peek() is not None and self.peek() in "01234567"
                        and digits[0] in "01234567" and digits[1] in "01234567"):
                    digits += self.next()
                    return ("lit", chr(int(digits, 8)))
                n = int(digits)
                if n > self.ngroups or n in self.open_groups:
                    if n in self.open_groups:
                        raise self.error("cannot refer to an open group", self.i - len(digits) - 1)
                    raise self.error("invalid group reference %d" % n, self.i - len(digits))
                return ("backref", n)
            if ch in "01234567":
                while len(digits) < 3 and self.peek() is not None and self.peek() in "01234567":
                    digits += self.next()
                return ("lit", chr(int(digits, 8)))
            raise self.error("bad escape \\" + ch, self.i - 2)
        if ch.isascii() and ch.isalpha():
            raise self.error("bad escape \\" + ch, self.i - 2)
        return ("lit", ch)

    def charset(self):
        start = self.i - 1
        negate = self.eat("^")
        items = []   # chars, (lo, hi) ranges, or predicates
        first = True
        while True:
            if self.i >= len(self.p):
                raise self.error("unterminated character set", start)
            ch = self.next()
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                node = self.escape(True)
                if node[0] == "set":
                    items.append(node[1])
                    continue
                lo = node[1]
            elif ch == "[" and self.peek() == ":" and self.p.find(":]", self.i) > 0:
                lo = ch
            else:
                lo = ch
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                self.i += 1
                hch = self.next()
                if hch == "\\":
                    node = self.escape(True)
                    if node[0] == "set":
                        raise self.error("bad character range %s-%s" % (lo, self.p[self.i - 2:self.i]), self.i - 4)
                    hi = node[1]
                else:
                    hi = hch
                if ord(hi) < ord(lo):
                    raise self.error("bad character range %s-%s" % (lo, hi), self.i - 3)
                items.append((lo, hi))
            else:
                items.append(lo)
        return ("set", _make_set(items, negate, self.flags & IGNORECASE))


_FLAGCHARS = {"a": ASCII, "i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL, "u": UNICODE, "x": VERBOSE}


def _make_set(items, negate, icase):
    chars = set()
    ranges = []
    preds = []
    for it in items:
        if isinstance(it, str):
            chars.add(it)
        elif isinstance(it, tuple):
            ranges.append((ord(it[0]), ord(it[1])))
        else:
            preds.append(it)

    def member(c):
        if c in chars:
            return True
        o = ord(c)
        for lo, hi in ranges:
            if lo <= o <= hi:
                return True
        for p in preds:
            if p(c):
                return True
        return False

    if icase:
        def test(c):
            return member(c) or member(c.lower()) or member(c.upper())
    else:
        test = member
    if negate:
        return lambda c: not test(c)
    return test


# --------------------------------------------------------------- compiler

class _Ctx:
    __slots__ = ("s", "end", "groups", "pos")

    def __init__(self, s, end, ngroups, pos):
        self.s = s
        self.end = end
        self.groups = [None] * (ngroups + 1)
        self.pos = pos


def _single(node, flags):
    """A predicate for a one-character node, or None."""
    kind = node[0]
    if kind == "lit":
        ch = node[1]
        if flags & IGNORECASE and ch.lower() != ch.upper():
            low = ch.lower()
            return lambda c: c.lower() == low
        return lambda c: c == ch
    if kind == "any":
        if flags & DOTALL:
            return lambda c: True
        return lambda c: c != "\n"
    if kind == "set":
        return node[1]
    return None


def _compile(node, flags):
    kind = node[0]
    if kind in ("lit", "any", "set"):
        pred = _single(node, flags)

        def m_char(ctx, i, k):
            if i < ctx.end and pred(ctx.s[i]):
                return k(ctx, i + 1)
            return None
        if kind == "lit" and not (flags & IGNORECASE):
            ch = node[1]

            def m_lit(ctx, i, k):
                if i < ctx.end and ctx.s[i] == ch:
                    return k(ctx, i + 1)
                return None
            return m_lit
        return m_char
    if kind == "seq":
        items = node[1]
        # Merge runs of case-sensitive literals into one string comparison.
        merged = []
        for it in items:
            if it[0] == "lit" and not (flags & IGNORECASE) and merged and merged[-1][0] == "str":
                merged[-1] = ("str", merged[-1][1] + it[1])
            elif it[0] == "lit" and not (flags & IGNORECASE):
                merged.append(("str", it[1]))
            else:
                merged.append(it)
        ms = [_compile_str(it[1]) if it[0] == "str" else _compile(it, flags) for it in merged]
        if not ms:
            return lambda ctx, i, k: k(ctx, i)
        if len(ms) == 1:
            return ms[0]
        m = ms[-1]
        for prev in reversed(ms[:-1]):
            m = _chain(prev, m)
        return m
    if kind == "alt":
        ms = [_compile(b, flags) for b in node[1]]

        def m_alt(ctx, i, k):
            for m in ms:
                r = m(ctx, i, k)
                if r is not None:
                    return r
            return None
        return m_alt
    if kind == "group":
        n = node[1]
        sub = _compile(node[2], flags)

        def m_group(ctx, i, k):
            def k2(ctx, j):
                old = ctx.groups[n]
                ctx.groups[n] = (i, j)
                r = k(ctx, j)
                if r is None:
                    ctx.groups[n] = old
                return r
            return sub(ctx, i, k2)
        return m_group
    if kind == "ncgroup":
        return _compile(node[1], flags)
    if kind == "flags":
        return _compile(node[2], node[1])
    if kind == "rep":
        return _compile_rep(node, flags)
    if kind == "bol":
        if flags & MULTILINE:
            return lambda ctx, i, k: k(ctx, i) if i == 0 or ctx.s[i - 1] == "\n" else None
        return lambda ctx, i, k: k(ctx, i) if i == 0 else None
    # The subject ends at `ctx.end` (endpos), as if it were that long.
    if kind == "eol":
        if flags & MULTILINE:
            return lambda ctx, i, k: k(ctx, i) if i == ctx.end or ctx.s[i] == "\n" else None
        return lambda ctx, i, k: (k(ctx, i) if i == ctx.end or (i == ctx.end - 1 and ctx.s[i] == "\n")
                                  else None)
    if kind == "bos":
        return lambda ctx, i, k: k(ctx, i) if i == 0 else None
    if kind == "eos":
        return lambda ctx, i, k: k(ctx, i) if i == ctx.end else None
    if kind in ("wordb", "nwordb"):
        ascii_only = flags & ASCII
        want = kind == "wordb"

        def m_wordb(ctx, i, k):
            s = ctx.s
            if ctx.end == 0:
                # As in CPython, neither matches in an empty string.
                return None
            a = i > 0 and _is_word(s[i - 1], ascii_only)
            b = i < ctx.end and _is_word(s[i], ascii_only)
            if (a != b) == want:
                return k(ctx, i)
            return None
        return m_wordb
    if kind == "look":
        ahead, negative = node[1], node[2]
        sub = _compile(node[3], flags)
        if ahead:
            def m_look(ctx, i, k):
                saved = list(ctx.groups)
                end = ctx.end
                ctx.end = len(ctx.s)
                r = sub(ctx, i, lambda ctx, j: j)
                ctx.end = end
                if (r is not None) != negative:
                    res = k(ctx, i)
                    if res is None:
                        ctx.groups[:] = saved
                    return res
                ctx.groups[:] = saved
                return None
            return m_look
        widths = _widths(node[3])
        if widths is None:
            raise error("look-behind requires fixed-width pattern")
        w = widths

        def m_behind(ctx, i, k):
            saved = list(ctx.groups)
            ok = False
            if i - w >= 0:
                ok = sub(ctx, i - w, lambda ctx, j: j if j == i else None) is not None
            if ok != negative:
                res = k(ctx, i)
                if res is None:
                    ctx.groups[:] = saved
                return res
            ctx.groups[:] = saved
            return None
        return m_behind
    if kind == "backref":
        n = node[1]
        icase = flags & IGNORECASE

        def m_backref(ctx, i, k):
            g = ctx.groups[n]
            if g is None:
                return None
            t = ctx.s[g[0]:g[1]]
            j = i + len(t)
            if j > ctx.end:
                return None
            u = ctx.s[i:j]
            if u == t or (icase and u.lower() == t.lower()):
                return k(ctx, j)
            return None
        return m_backref
    if kind == "cond":
        n = node[1]
        yes = _compile(node[2], flags)
        no = _compile(node[3], flags)
        return lambda ctx, i, k: (yes if ctx.groups[n] is not None else no)(ctx, i, k)
    if kind == "atomic":
        sub = _compile(node[1], flags)

        def m_atomic(ctx, i, k):
            j = sub(ctx, i, lambda ctx, j: j)
            if j is None:
                return None
            return k(ctx, j)
        return m_atomic
    raise error("internal: unknown node %r" % (kind,))


def _compile_str(lit):
    n = len(lit)

    def m_str(ctx, i, k):
        if i + n <= ctx.end and ctx.s.startswith(lit, i):
            return k(ctx, i + n)
        return None
    return m_str


def _chain(first, rest):
    def m_seq(ctx, i, k):
        return first(ctx, i, lambda ctx, j: rest(ctx, j, k))
    return m_seq


def _compile_rep(node, flags):
    _, sub_node, lo, hi, greedy = node
    pred = _single(sub_node, flags)
    if pred is not None:
        if greedy:
            def m_rep_fast(ctx, i, k):
                s = ctx.s
                limit = min(ctx.end, i + hi) if hi < _MAXREPEAT else ctx.end
                j = i
                while j < limit and pred(s[j]):
                    j += 1
                while j >= i + lo:
                    r = k(ctx, j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            return m_rep_fast

        def m_rep_lazy(ctx, i, k):
            s = ctx.s
            j = i
            end = ctx.end
            while j < i + lo:
                if j >= end or not pred(s[j]):
                    return None
                j += 1
            count = lo
            while True:
                r = k(ctx, j)
                if r is not None:
                    return r
                if count >= hi or j >= end or not pred(s[j]):
                    return None
                j += 1
                count += 1
        return m_rep_lazy
    sub = _compile(sub_node, flags)
    if greedy:
        def m_rep(ctx, i, k, count=0):
            if count < hi:
                def k2(ctx, j):
                    if j == i and count >= lo:
                        return None  # an empty iteration cannot repeat forever
                    return m_rep(ctx, j, k, count + 1)
                r = sub(ctx, i, k2)
                if r is not None:
                    return r
            if count >= lo:
                return k(ctx, i)
            return None
        return m_rep

    def m_rep_lazy_gen(ctx, i, k, count=0):
        if count >= lo:
            r = k(ctx, i)
            if r is not None:
                return r
        if count < hi:
            def k2(ctx, j):
                if j == i and count >= lo:
                    return None
                return m_rep_lazy_gen(ctx, j, k, count + 1)
            return sub(ctx, i, k2)
        return None
    return m_rep_lazy_gen


def _widths(node):
    """The fixed width of a node, or None if it varies."""
    kind = node[0]
    if kind in ("lit", "any", "set"):
        return 1
    if kind in ("bol", "eol", "bos", "eos", "wordb", "nwordb", "look"):
        return 0
    if kind == "seq":
        total = 0
        for it in node[1]:
            w = _widths(it)
            if w is None:
                return None
            total += w
        return total
    if kind == "alt":
        ws = set(_widths(b) for b in node[1])
        return ws.pop() if len(ws) == 1 else None
    if kind in ("group",):
        return _widths(node[2])
    if kind in ("ncgroup", "atomic"):
        return _widths(node[1])
    if kind == "flags":
        return _widths(node[2])
    if kind == "rep":
        w = _widths(node[1])
        if w is None or node[2] != node[3]:
            return None
        return w * node[2]
    return None


def _prefix(node, flags):
    """A literal every match starts with (for a fast scan), or ''."""
    if flags & IGNORECASE:
        return ""
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "seq":
        out = ""
        for it in node[1]:
            if it[0] == "lit":
                out += it[1]
            else:
                if not out and it[0] in ("group", "ncgroup"):
                    inner = it[2] if it[0] == "group" else it[1]
                    return _prefix(inner, flags)
                break
        return out
    if kind == "group":
        return _prefix(node[2], flags)
    if kind == "ncgroup":
        return _prefix(node[1], flags)
    return ""


def _min_width(node):
    """The fewest characters a node can match (0 when unsure)."""
    kind = node[0]
    if kind in ("lit", "any", "set"):
        return 1
    if kind == "seq":
        return sum(_min_width(it) for it in node[1])
    if kind == "alt":
        return min(_min_width(b) for b in node[1])
    if kind in ("group", "flags"):
        return _min_width(node[2])
    if kind in ("ncgroup", "atomic"):
        return _min_width(node[1])
    if kind == "rep":
        return node[2] * _min_width(node[1])
    return 0


_ZERO_WIDTH = ("bol", "bos", "wordb", "nwordb")


def _first(node, flags):
    """A predicate every match's first character satisfies, or None.
    Only given for nodes that always consume a character, so a search can
    skip positions whose character fails it."""
    kind = node[0]
    if kind in ("lit", "any", "set"):
        return _single(node, flags)
    if kind == "seq":
        for it in node[1]:
            if it[0] in _ZERO_WIDTH:
                continue
            if _min_width(it) == 0:
                return None
            return _first(it, flags)
        return None
    if kind == "alt":
        preds = [_first(b, flags) for b in node[1]]
        if any(p is None for p in preds):
            return None
        return lambda c: any(p(c) for p in preds)
    if kind == "group":
        return _first(node[2], flags)
    if kind in ("ncgroup", "atomic"):
        return _first(node[1], flags)
    if kind == "rep" and node[2] >= 1:
        return _first(node[1], flags)
    return None


# ------------------------------------------------- native automaton matcher
#
# Patterns whose meaning can be stated exactly in the syntax of weft's
# native automaton matcher (`_regex`) are translated to it and matched
# natively on ASCII subjects, where character and byte offsets agree. The
# translation is conservative: anything else (backreferences, lookaround,
# conditionals, atomic groups, possessive repeats, inline flags after the
# start, verbose or locale patterns, a repeated sub-pattern that can match
# empty, ...) keeps to the engine above. Classes are written out in ASCII,
# which is exact for ASCII subjects; `$` without MULTILINE becomes `\z`,
# used only on subjects without a newline.

try:
    import _regex
except ImportError:
    _regex = None


class _Untranslatable(Exception):
    pass


# `\s` of a str pattern also matches \x1c-\x1f; with ASCII it does not.
_NATIVE_CLASSES = {"d": "0-9", "w": "0-9A-Za-z_", "s": "\\t\\n\\x0B\\x0C\\r \\x1C-\\x1F"}
_NATIVE_ASCII_SPACE = "\\t\\n\\x0B\\x0C\\r "
_NATIVE_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


def _n_char(ch):
    if ch.isascii() and ch.isalnum():
        return ch
    return "\\x{%x}" % ord(ch)


class _Translator:
    def __init__(self, p, flags):
        self.p = p
        self.i = 0
        self.flags = flags
        self.dollar = False
        self.nonbound = False

    def cls(self, ch):
        if ch == "s" and self.flags & ASCII:
            return _NATIVE_ASCII_SPACE
        return _NATIVE_CLASSES[ch]

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def next(self):
        if self.i >= len(self.p):
            raise _Untranslatable()
        ch = self.p[self.i]
        self.i += 1
        return ch

    def leading_flags(self):
        p = self.p
        while p.startswith("(?", self.i) and self.i + 2 < len(p) and p[self.i + 2] in "aiLmsux":
            k = self.i + 2
            while k < len(p) and p[k] in "aiLmsux":
                k += 1
            if k < len(p) and p[k] == ")":
                self.i = k + 1
            else:
                raise _Untranslatable()

    def alternation(self):
        parts, empty = [], False
        while True:
            text, e = self.sequence()
            parts.append(text)
            empty = empty or e
            if self.peek() != "|":
                return "|".join(parts), empty
            self.i += 1

    def sequence(self):
        out, empty = [], True
        while self.peek() is not None and self.peek() not in "|)":
            text, e = self.atom()
            text, e = self.quantifier(text, e)
            out.append(text)
            empty = empty and e
        return "".join(out), empty

    def quantifier(self, text, empty):
        ch = self.peek()
        if ch is None or ch not in "*+?{":
            return text, empty
        if ch == "{":
            q = self.brace()
            if q is None:
                return text, empty
            lo, hi = q
            quant = "{%d,%s}" % (lo, "" if hi is None else hi)
        else:
            self.i += 1
            lo = 0 if ch in "*?" else 1
            quant = ch
        if empty:
            raise _Untranslatable()
        if self.peek() == "?":
            self.i += 1
            quant += "?"
        elif self.peek() in ("+", "*", "{"):
            raise _Untranslatable()
        return "(?:%s)%s" % (text, quant), lo == 0

    def brace(self):
        p, j = self.p, self.i
        k = p.find("}", j)
        if k < 0:
            return None
        body = p[j + 1:k]
        if "," in body:
            a, b = body.split(",", 1)
        else:
            a, b = body, body
        if not (a.isdigit() or a == "") or not (b.isdigit() or b == "") or (a == "" and b == "" and "," not in body) or body == "":
            return None
        if not (a.isascii() and b.isascii()):
            return None
        lo = int(a) if a else 0
        hi = int(b) if b else None
        if hi is not None and hi < lo:
            raise _Untranslatable()
        self.i = k + 1
        return lo, hi

    def atom(self):
        ch = self.next()
        if ch == "(":
            if self.p.startswith("?:", self.i):
                self.i += 2
                inner, e = self.alternation()
                self.close()
                return "(?:%s)" % inner, e
            if self.p.startswith("?P<", self.i):
                end = self.p.find(">", self.i)
                if end < 0:
                    raise _Untranslatable()
                self.i = end + 1
            elif self.peek() == "?":
                raise _Untranslatable()
            inner, e = self.alternation()
            self.close()
            return "(%s)" % inner, e
        if ch == "[":
            return self.charset(), False
        if ch == ".":
            return ".", False
        if ch == "^":
            return "^", True
        if ch == "$":
            if self.flags & MULTILINE:
                return "$", True
            self.dollar = True
            return "\\z", True
        if ch == "\\":
            return self.escape()
        if ch in "*+?)":
            raise _Untranslatable()
        return _n_char(ch), False

    def close(self):
        if self.peek() != ")":
            raise _Untranslatable()
        self.i += 1

    def escape_char(self, ch):
        """A single escaped character, or raise."""
        if ch in _NATIVE_SIMPLE:
            return _NATIVE_SIMPLE[ch]
        if ch in "xuU":
            n = {"x": 2, "u": 4, "U": 8}[ch]
            h = self.p[self.i:self.i + n]
            if len(h) != n or any(c not in "0123456789abcdefABCDEF" for c in h):
                raise _Untranslatable()
            self.i += n
            return chr(int(h, 16))
        if ch.isascii() and not ch.isalnum():
            return ch
        raise _Untranslatable()

    def escape(self):
        ch = self.next()
        if ch in "dws":
            return "[%s]" % self.cls(ch), False
        if ch in "DWS":
            return "[^%s]" % self.cls(ch.lower()), False
        if ch == "b":
            return "\\b", True
        if ch == "B":
            # Never matches in an empty string (see `_native_spans`).
            self.nonbound = True
            return "\\B", True
        if ch == "A":
            return "\\A", True
        if ch == "Z":
            return "\\z", True
        return _n_char(self.escape_char(ch)), False

    def charset(self):
        out = ["["]
        if self.peek() == "^":
            self.i += 1
            out.append("^")
        first = True
        while True:
            ch = self.next()
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                e = self.next()
                if e in "dws":
                    out.append(self.cls(e))
                    continue
                if e == "b":
                    lo = "\b"
                else:
                    lo = self.escape_char(e)
            else:
                lo = ch
            if self.peek() == "-" and self.p[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 1
                hi = self.next()
                if hi == "\\":
                    e = self.next()
                    hi = "\b" if e == "b" else self.escape_char(e)
                if ord(hi) < ord(lo):
                    raise _Untranslatable()
                out.append("%s-%s" % (_n_char(lo), _n_char(hi)))
            else:
                out.append(_n_char(lo))
        if len(out) == 1 or out == ["[", "^"]:
            raise _Untranslatable()
        out.append("]")
        return "".join(out)


def _translate(pattern, flags):
    """(native pattern, uses non-multiline `$`, uses `\\B`) or None."""
    if flags & (VERBOSE | LOCALE) or (flags & IGNORECASE and not pattern.isascii()):
        return None
    t = _Translator(pattern, flags)
    try:
        t.leading_flags()
        body, _ = t.alternation()
        if t.i != len(pattern):
            return None
    except (_Untranslatable, IndexError, ValueError):
        return None
    mode = ("i" if flags & IGNORECASE else "") + ("m" if flags & MULTILINE else "") + ("s" if flags & DOTALL else "")
    if mode:
        body = "(?%s)(?:%s)" % (mode, body)
    return body, t.dollar, t.nonbound


def _native_matcher(pattern, flags, ngroups):
    """(matcher, uses non-multiline `$`, uses `\\B`) or (None, ...)."""
    if _regex is None or not isinstance(pattern, str):
        return None, False, False
    t = _translate(pattern, flags)
    if t is None:
        return None, False, False
    try:
        m = _regex.compile(t[0])
    except ValueError:
        return None, False, False
    if _regex.groups(m) != ngroups:
        return None, False, False
    return m, t[1], t[2]


# ------------------------------------------------------------- public API

class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        is_bytes = isinstance(pattern, (bytes, bytearray))
        self._bytes = is_bytes
        text = pattern.decode("latin-1") if is_bytes else pattern
        if not is_bytes and not (flags & ASCII):
            flags |= UNICODE
        if is_bytes and (flags & UNICODE):
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if is_bytes:
            flags |= ASCII
        p = _Parser(text, flags)
        tree = p.parse()
        self.flags = p.flags
        self.groups = p.ngroups
        self.groupindex = dict(p.names)
        self._names = {v: k for k, v in p.names.items()}
        # a group's rank in closing order: of two groups ending at the same
        # place, the one closing later (an enclosing group, a later
        # sibling) is the match's lastindex, as in sre
        self._close_rank = {n: r for r, n in enumerate(p.close_order)}
        self._m = _compile(tree, self.flags)
        self._prefix = _prefix(tree, self.flags)
        self._first = _first(tree, self.flags)
        self._anchored = tree[0] == "bos" or (tree[0] == "seq" and tree[1] and tree[1][0][0] == "bos")
        self._native, self._native_dollar, self._native_nonbound = _native_matcher(pattern, self.flags, self.groups)
        self._newline_seen = (None, False)

    def __repr__(self):
        flags = self.flags & ~UNICODE if not self._bytes else self.flags & ~ASCII
        r = "re.compile(%r" % (self.pattern,)
        if flags:
            names = []
            for name, v in (("TEMPLATE", TEMPLATE), ("IGNORECASE", IGNORECASE), ("LOCALE", LOCALE),
                            ("MULTILINE", MULTILINE), ("DOTALL", DOTALL), ("UNICODE", UNICODE),
                            ("VERBOSE", VERBOSE), ("DEBUG", DEBUG), ("ASCII", ASCII)):
                if flags & v:
                    names.append("re." + name)
            r += ", " + "|".join(names)
        return r + ")"

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            return bytes(string).decode("latin-1")
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return string

    def _native_ok(self, s, end):
        """Can the native matcher answer for subject `s` (up to `end`)?"""
        if not s.isascii() or (self._native_nonbound and end == 0):
            return False
        if self._native_dollar:
            # Remembered for the last subject (finditer/sub search it many
            # times); one tuple, replaced whole, so sharing is safe.
            seen = self._newline_seen
            if seen[0] is not s:
                seen = (s, "\n" in s)
                self._newline_seen = seen
            if seen[1]:
                return False
        return True

    def _native_all(self, s, pos, end):
        """Every match from `pos` on, found natively in one call, as flat
        tuples of group spans (-1 for a group that did not take part);
        None when the native matcher cannot answer (or a match is empty)."""
        if self._native is None or not self._native_ok(s, end):
            return None
        return _regex.search_all(self._native, s, pos, end)

    def _native_spans(self, s, pos, end, anchored, must_advance):
        """The native matcher's groups, False when it cannot answer."""
        if not self._native_ok(s, end):
            return False
        t = _regex.search(self._native, s, pos, end, anchored)
        if t is None:
            return None
        if must_advance and t[0] == pos and t[1] == pos:
            # An empty match where the last one ended: the engine above
            # looks for a non-empty one at this position first.
            return False
        return [(t[k], t[k + 1]) if t[k] >= 0 else None for k in range(0, len(t), 2)]

    def _at(self, s, i, end, full, must_advance=False):
        if self._native is not None and not full:
            g = self._native_spans(s, i, end, True, must_advance)
            if g is not False:
                return g
        ctx = _Ctx(s, end, self.groups, i)
        if full:
            k = lambda ctx, j: j if j == ctx.end else None
        elif must_advance:
            k = lambda ctx, j: j if j != i else None
        else:
            k = lambda ctx, j: j
        j = self._m(ctx, i, k)
        if j is None:
            return None
        ctx.groups[0] = (i, j)
        return ctx.groups

    def _search(self, s, pos, end, must_advance=False):
        if self._native is not None:
            g = self._native_spans(s, pos, end, False, must_advance)
            if g is not False:
                return g
        i = pos
        prefix = self._prefix
        first = self._first
        while i <= end:
            if prefix:
                i = s.find(prefix, i, end)
                if i < 0:
                    return None
            elif first is not None and not self._anchored:
                # Every match consumes a first character satisfying `first`.
                while i < end and not first(s[i]):
                    i += 1
                if i >= end:
                    return None
            g = self._at(s, i, end, False, must_advance and i == pos)
            if g is not None:
                return g
            if self._anchored:
                return None
            i += 1
        return None

    @staticmethod
    def _bounds(s, pos, endpos):
        n = len(s)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        return pos, endpos

    def match(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, end = self._bounds(s, pos, endpos)
        if pos > end:
            return None
        g = self._at(s, pos, end, False)
        return Match(self, string, s, g, pos, end) if g is not None else None

    def fullmatch(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, end = self._bounds(s, pos, endpos)
        if pos > end:
            return None
        g = self._at(s, pos, end, True)
        return Match(self, string, s, g, pos, end) if g is not None else None

    def search(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, end = self._bounds(s, pos, endpos)
        if pos > end:
            return None
        g = self._search(s, pos, end)
        return Match(self, string, s, g, pos, end) if g is not None else None

    def finditer(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, end = self._bounds(s, pos, endpos)
        found = self._native_all(s, pos, end)
        if found is not None:
            ng = self.groups
            for t in found:
                if ng == 0:
                    g = [(t[0], t[1])]
                elif ng == 1:
                    g = [(t[0], t[1]), (t[2], t[3]) if t[2] >= 0 else None]
                else:
                    g = [(t[k], t[k + 1]) if t[k] >= 0 else None for k in range(0, len(t), 2)]
                yield Match(self, string, s, g, pos, end)
            return
        must_advance = False
        while pos <= end:
            g = self._search(s, pos, end, must_advance)
            if g is None:
                return
            m = Match(self, string, s, g, pos, end)
            yield m
            a, b = g[0]
            must_advance = a == b
            pos = b

    def findall(self, string, pos=0, endpos=None):
        if not self._bytes:
            s = self._text(string)
            p, end = self._bounds(s, pos, endpos)
            found = self._native_all(s, p, end)
            if found is not None:
                if self.groups == 0:
                    return [s[t[0]:t[1]] for t in found]
                pick = lambda t, k: "" if t[k] < 0 else s[t[k]:t[k + 1]]
                if self.groups == 1:
                    return [pick(t, 2) for t in found]
                return [tuple(pick(t, k) for k in range(2, len(t), 2)) for t in found]
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m.group(1) if m.group(1) is not None else m._empty())
            else:
                out.append(tuple(g if g is not None else m._empty() for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        if not self._bytes and isinstance(string, str):
            found = self._native_all(string, 0, len(string))
            if found is not None:
                # Every match found natively: slice between them directly.
                if maxsplit:
                    found = found[:maxsplit] if maxsplit > 0 else []
                out = []
                last = 0
                for t in found:
                    out.append(string[last:t[0]])
                    for k in range(2, len(t), 2):
                        out.append(None if t[k] < 0 else string[t[k]:t[k + 1]])
                    last = t[1]
                out.append(string[last:])
                return out
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            a, b = m.span()
            out.append(string[last:a])
            out.extend(m.groups())
            last = b
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], (str, bytes)):
                lit = template[0]
                fn = lambda m: lit
            else:
                fn = lambda m: m._expand_parsed(template)
        s = self._text(string)
        parts = []
        last = 0
        n = 0
        if not self._bytes and fn is not repl and len(template) == 1 and isinstance(template[0], str):
            # A literal replacement: no match objects needed.
            found = self._native_all(s, 0, len(s))
            if found is not None:
                if count:
                    found = found[:count] if count > 0 else []
                for t in found:
                    parts.append(s[last:t[0]])
                    parts.append(lit)
                    last = t[1]
                parts.append(s[last:])
                return "".join(parts), len(found)
        for m in self.finditer(string):
            if count and n >= count:
                break
            a, b = m.span()
            parts.append(s[last:a] if not self._bytes else string[last:a])
            r = fn(m)
            if r is None:
                r = b"" if self._bytes else ""
            parts.append(r)
            last = b
            n += 1
        parts.append(s[last:] if not self._bytes else string[last:])
        joiner = b"" if self._bytes else ""
        return joiner.join(parts), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _parse_template(repl, pattern):
    is_bytes = isinstance(repl, (bytes, bytearray))
    text = repl.decode("latin-1") if is_bytes else repl
    if not isinstance(text, str):
        raise TypeError("expected str or bytes-like object, got '%s'" % type(repl).__name__)
    parts = []
    lit = []
    i = 0
    n = len(text)
    simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}
    while i < n:
        ch = text[i]
        if ch != "\\":
            lit.append(ch)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = text[i]
        if c == "g":
            if i + 1 >= n or text[i + 1] != "<":
                raise error("missing <", repl, i + 1)
            end = text.find(">", i + 2)
            if end < 0:
                raise error("missing >, unterminated name", repl, i + 2)
            name = text[i + 2:end]
            if name.isdigit():
                idx = int(name)
                if idx > pattern.groups:
                    raise error("invalid group reference %d" % idx, repl, i + 2)
            elif name in pattern.groupindex:
                idx = pattern.groupindex[name]
            elif not name:
                raise error("missing group name", repl, i + 2)
            else:
                raise IndexError("unknown group name '%s'" % name)
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append(idx)
            i = end + 1
        elif c.isdigit():
            j = i
            if c == "0":
                digits = ""
                while j < n and len(digits) < 3 and text[j] in "01234567":
                    digits += text[j]
                    j += 1
                lit.append(chr(int(digits, 8)))
                i = j
                continue
            digits = c
            j = i + 1
            if j < n and text[j].isdigit():
                if (j + 1 < n and c in "01234567" and text[j] in "01234567" and text[j + 1] in "01234567"):
                    lit.append(chr(int(text[i:j + 2], 8)))
                    i = j + 2
                    continue
                digits += text[j]
                j += 1
            idx = int(digits)
            if idx > pattern.groups:
                raise error("invalid group reference %d" % idx, repl, i)
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append(idx)
            i = j
        elif c in simple:
            lit.append(simple[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, repl, i - 1)
        else:
            lit.append("\\" + c)
            i += 1
    if lit:
        parts.append("".join(lit))
    if is_bytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    return parts


class Match:
    def __init__(self, pattern, string, text, groups, pos, endpos):
        self.re = pattern
        self.string = string
        self._s = text
        self._g = groups
        self.pos = pos
        self.endpos = endpos

    def _empty(self):
        return b"" if self.re._bytes else ""

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(g, "__index__") and not isinstance(g, str):
            g = int(g)
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        if isinstance(g, str) and g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError("no such group")

    def _get(self, idx, default=None):
        span = self._g[idx]
        if span is None:
            return default
        return self.string[span[0]:span[1]]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        span = self._g[self._index(group)]
        return -1 if span is None else span[0]

    def end(self, group=0):
        span = self._g[self._index(group)]
        return -1 if span is None else span[1]

    def span(self, group=0):
        span = self._g[self._index(group)]
        return (-1, -1) if span is None else span

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_key = None
        rank = self.re._close_rank
        for i in range(1, self.re.groups + 1):
            sp = self._g[i]
            if sp is not None:
                key = (sp[1], rank.get(i, i))
                if best_key is None or key > best_key:
                    best, best_key = i, key
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        return self.re._names.get(li)

    def _expand_parsed(self, template):
        out = []
        for p in template:
            if isinstance(p, int):
                v = self._get(p)
                out.append(v if v is not None else self._empty())
            else:
                out.append(p)
        return self._empty().join(out)

    def expand(self, template):
        return self._expand_parsed(_parse_template(template, self.re))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    if type(flags) is not int:
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, int(flags))
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def purge():
    _cache.clear()


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


_ALNUM = frozenset("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def escape(pattern):
    if isinstance(pattern, str):
        special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
        return "".join("\\" + c if c in special else c for c in pattern)
    special = b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
    out = bytearray()
    for b in pattern:
        if b in special:
            out.append(92)
        out.append(b)
    return bytes(out)
