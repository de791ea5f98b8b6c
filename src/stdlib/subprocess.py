"""Subprocesses (weft): run, call, check_call, check_output, getoutput,
getstatusoutput, and a Popen whose child runs to completion when it is
first waited for or communicated with (no incremental streaming).
The child runs through the native `_subprocess.run`."""

import os as _os
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "CalledProcessError",
           "SubprocessError", "TimeoutExpired", "CompletedProcess", "run",
           "call", "check_call", "check_output", "getoutput", "getstatusoutput"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            return "Command '%s' died with <Signals %d>." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            parts.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            parts.append("stderr={!r}".format(self.stderr))
        return "CompletedProcess({})".format(", ".join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _mode(value, name):
    if value is None:
        return 0
    if value == PIPE:
        return 1
    if value == DEVNULL:
        return 2
    if value == STDOUT and name == "stderr":
        return 3
    raise ValueError("weft's subprocess supports only None, PIPE, DEVNULL"
                     " (and STDOUT for stderr) for " + name)


def _argv(args, shell, executable=None):
    if isinstance(args, (str, bytes)):
        args = [args.decode() if isinstance(args, bytes) else args]
        if shell:
            return [executable or "/bin/sh", "-c", args[0]]
        return args
    argv = [_os.fspath(a) if not isinstance(a, str) else a for a in args]
    argv = [a.decode() if isinstance(a, bytes) else a for a in argv]
    if shell:
        return [executable or "/bin/sh", "-c"] + argv
    return argv


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 text=None, encoding=None, errors=None, user=None, group=None,
                 extra_groups=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self._argv = _argv(args, shell, executable)
        self._cwd = _os.fspath(cwd) if cwd is not None else None
        self._env = None if env is None else [(str(k), str(v)) for k, v in env.items()]
        self._modes = (_mode(stdin, "stdin"), _mode(stdout, "stdout"), _mode(stderr, "stderr"))
        self._text = bool(text or universal_newlines or encoding or errors)
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        self.returncode = None
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None

    def _decode(self, data):
        if data is None or not self._text:
            return data
        return data.decode(self._encoding, self._errors).replace("\r\n", "\n")

    def communicate(self, input=None, timeout=None):
        if self.returncode is not None:
            return (None, None)
        if isinstance(input, str):
            input = input.encode(self._encoding, self._errors)
        r = _subprocess.run(self._argv, self._cwd, self._env, self._modes[0],
                            self._modes[1], self._modes[2], input, timeout)
        if r is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode, out, err = r
        return (self._decode(out), self._decode(err))

    def wait(self, timeout=None):
        if self.returncode is None:
            self.communicate(timeout=timeout)
        return self.returncode

    def poll(self):
        return self.wait()

    def kill(self):
        pass

    def terminate(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.wait()
        return False


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    if input is not None and kwargs.get("stdin") is not None:
        raise ValueError("stdin and input arguments may not both be used.")
    p = Popen(*popenargs, **kwargs)
    stdout, stderr = p.communicate(input, timeout=timeout)
    done = CompletedProcess(p.args, p.returncode, stdout, stderr)
    if check:
        done.check_returncode()
    return done


def call(*popenargs, timeout=None, **kwargs):
    return run(*popenargs, timeout=timeout, **kwargs).returncode


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args", popenargs[0] if popenargs else None)
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
