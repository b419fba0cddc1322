"""Errors a user can act on. The command line prints each as one line, without a traceback;
anything else is a bug and keeps its traceback."""


class ConfigError(ValueError):
    """A setting that cannot be understood."""


class InputError(ValueError):
    """An input path the user named does not exist or cannot be used."""


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse (or its run lock)."""


class CheckFailed(RuntimeError):
    """A data check in sql/checks returned violating rows; the load was rolled back."""


class ExportFailed(RuntimeError):
    """The handoff could not be written; the previous one is left as it was."""


class Interrupted(BaseException):
    """The run was told to stop (SIGTERM from a supervisor, SIGINT from Ctrl-C). A
    BaseException, as KeyboardInterrupt is: no ``except Exception`` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class ApiLost(BaseException):
    """The Prefect API stopped answering during a run (flows/api.py watches it). A
    BaseException, as ``Interrupted`` is: it is raised in the main thread wherever that is."""
