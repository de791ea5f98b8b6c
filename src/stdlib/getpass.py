"""getpass for weft: getuser() from the environment (LOGNAME, USER,
LNAME, USERNAME) or /etc/passwd; getpass() prompts on stderr and reads a
line from stdin (weft cannot turn off terminal echo, like CPython's
fallback, which warns the same way)."""

import os
import sys

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def getuser():
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        uid = os.stat("/proc/self").st_uid
        with open("/etc/passwd") as f:
            for line in f:
                parts = line.split(":")
                if len(parts) > 2 and parts[2] == str(uid):
                    return parts[0]
    except OSError:
        pass
    raise OSError("No username set in the environment")


def getpass(prompt="Password: ", stream=None):
    stream = stream or sys.stderr
    if sys.stdin.isatty():
        print("Warning: Password input may be echoed.", file=stream)
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    if line[-1] == "\n":
        line = line[:-1]
    return line
