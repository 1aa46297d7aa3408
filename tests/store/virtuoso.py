"""Start and stop a throw-away Virtuoso (Debian ``virtuoso-opensource``) on loopback.

Its own ini and data directory in a temporary directory, free ports, a fresh dba password (new
databases ship dba/dba), killed and removed at the end.  Used by the store contract tests and the
benchmark (bench/bench_queries.py).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def available() -> bool:
    return os.access(VIRTUOSO, os.X_OK)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Virtuoso:
    directory: Path
    sql_port: int
    http_port: int
    password: str = "dba"
    pid: int | None = None
    #: the server's own cap on result rows (it cuts silently but for an X-SPARQL-MaxRows header)
    max_rows: int = 100000

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def sparql_auth_url(self) -> str:
        """The endpoint that takes digest auth and therefore SPARQL Update."""
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def start(self, timeout: float = 60.0) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(
            _INI.format(dir=self.directory, sql_port=self.sql_port, http_port=self.http_port, max_rows=self.max_rows)
        )
        # +wait: the command returns once the server (forked into the background) accepts connections
        subprocess.run(
            [VIRTUOSO, "+configfile", str(ini), "+wait"],
            cwd=self.directory,
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.pid = self._read_pid()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.sparql_url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError(f"Virtuoso did not answer on {self.sparql_url} within {timeout} s")
        new_password = secrets.token_hex(8)
        self.isql(f"USER_SET_PASSWORD('dba', '{new_password}');")
        self.password = new_password

    def isql(self, statement: str) -> str:
        done = subprocess.run(
            [ISQL, str(self.sql_port), "dba", self.password, f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def _read_pid(self) -> int | None:
        lock = self.directory / "virtuoso.lck"
        for _ in range(50):
            if lock.exists():
                text = lock.read_text()
                for token in text.replace("=", " ").split():
                    if token.isdigit():
                        return int(token)
            time.sleep(0.1)
        return None

    def stop(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            for _ in range(100):
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            self.pid = None
        shutil.rmtree(self.directory, ignore_errors=True)


def start_virtuoso(directory: Path, max_rows: int = 100000) -> Virtuoso:
    server = Virtuoso(directory, _free_port(), _free_port(), max_rows=max_rows)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
