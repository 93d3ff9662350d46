#!/usr/bin/env python3
"""COUNT TCP listeners on 127.0.0.1:PORT0.. that accept and close: the realservers of bench/checkers.sh.
Prints 'ready' once listening; on SIGUSR1 and SIGTERM, how many connections it has accepted."""
import selectors, signal, socket, sys

port0, count = int(sys.argv[1]), int(sys.argv[2])
sel = selectors.DefaultSelector()
for i in range(count):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port0 + i))
    s.listen(1024)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
accepted = 0
def stop(*_):
    print(accepted, flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGUSR1, lambda *_: print(accepted, flush=True))
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        try:
            c, _ = key.fileobj.accept()
            c.close()
            accepted += 1
        except OSError:
            pass
