"""Actors: a bank simulated by many small tasklets that share nothing and
talk only through channels.

* An *account* actor owns a balance and a mailbox channel. It handles one
  message at a time: ("deposit", amount), ("withdraw", amount, reply) --
  refused (reply False) if it would overdraw -- and ("close", reply), which
  reports (balance, messages handled) and ends the actor.
* A *client* actor makes a fixed, pseudo-random list of transfers: it asks
  the source account to withdraw and, if that succeeded, deposits the amount
  in the destination account. Transfers go on concurrently from all clients.
* The *auditor* (main) waits until every client has reported, then closes
  all accounts and prints a summary.

Money is conserved whatever the interleaving, and each client's own requests
are fixed in advance, but whether a withdrawal is refused does depend on the
order in which concurrent transfers hit an account. To keep the printed
result independent of scheduling (identical under `--workers 1`, all workers
and PyPy), accounts start with enough money that no withdrawal can ever be
refused, and the summary reports only order-independent facts: the total,
every final balance (a sum of the transfers in and out), and message counts.

usage: weft examples/actors.py [ACCOUNTS [CLIENTS [TRANSFERS]]]
       (default 100 accounts, 1000 clients, 100 transfers each)
"""
import sys

import stackless


def account(mailbox, balance):
    handled = 0
    while True:
        msg = mailbox.receive()
        handled += 1
        kind = msg[0]
        if kind == "deposit":
            balance += msg[1]
        elif kind == "withdraw":
            ok = balance >= msg[1]
            if ok:
                balance -= msg[1]
            msg[2].send(ok)
        elif kind == "close":
            msg[1].send((balance, handled))
            return


def client(ident, accounts, transfers, done):
    """Moves money with a private linear congruential generator, so each
    client's list of transfers is the same in every run."""
    seed = ident * 7919 + 1
    reply = stackless.channel()
    moved = refused = 0
    n = len(accounts)
    for _ in range(transfers):
        seed = (seed * 1103515245 + 12345) % 2147483648
        src = seed % n
        dst = (seed // n) % n
        amount = 1 + (seed // (n * n)) % 100
        accounts[src].send(("withdraw", amount, reply))
        if reply.receive():
            accounts[dst].send(("deposit", amount))
            moved += amount
        else:
            refused += 1
    done.send((ident, moved, refused))


def main():
    argv = [int(a) for a in sys.argv[1:]]
    n_accounts, n_clients, transfers = (argv + [100, 1000, 100][len(argv):])[:3]
    start = 100 * n_clients * transfers   # a withdrawal can never be refused
    mailboxes = [stackless.channel() for _ in range(n_accounts)]
    for mb in mailboxes:
        stackless.tasklet(account)(mb, start)
    done = stackless.channel()
    for i in range(n_clients):
        stackless.tasklet(client)(i, mailboxes, transfers, done)

    moved = refused = 0
    for _ in range(n_clients):
        _, m, r = done.receive()
        moved += m
        refused += r

    reply = stackless.channel()
    balances = []
    handled = 0
    for mb in mailboxes:
        mb.send(("close", reply))
        b, h = reply.receive()
        balances.append(b)
        handled += h
    deltas = [b - start for b in balances]
    print(f"{n_accounts} accounts, {n_clients} clients, {n_clients * transfers} transfers")
    print(f"money moved {moved}, refused {refused}, messages handled {handled}")
    print(f"total {sum(balances)} (expected {start * n_accounts})")
    print(f"biggest winner #{deltas.index(max(deltas))} {max(deltas):+d}, "
          f"biggest loser #{deltas.index(min(deltas))} {min(deltas):+d}")
    print(f"checksum {sum((i + 1) * d for i, d in enumerate(deltas))}")


if __name__ == "__main__":
    main()
